/**
 * What Connect and Active share (RFC 4271 §8.2.2): a TCP connection coming up, the DelayOpen wait, the
 * peer's OPEN arriving during it, and the ways out to Idle. While the DelayOpenTimer runs the TCP connection
 * is up although our OPEN is not sent; rxbgp then behaves as if SendNOTIFICATIONwithoutOPEN were set
 * (RFC 4271 §8.1.1): the peer gets a NOTIFICATION saying why the connection closes.
 */
import { BgpError } from '../../wire/errors';
import { ErrorCode, OpenSubcode } from '../../wire/iana';
import type { NotificationMessage, OpenMessage } from '../../wire/types';
import { buildOpen } from '../build-open';
import { describeEvent, receivedEffects } from '../describe';
import { negotiate } from '../negotiate';
import { administrativeShutdown, CEASE, CEASE_COLLISION, notificationOf } from '../notifications';
import { acceptOpen, runningTimers, sendOpen, timerStart, timerStop, toIdle } from '../transitions';
import type { FsmEvent, FsmState, StepResult } from '../types';

/** Events 16 / 17: our connection or the peer's is up: send OPEN now, or start the DelayOpenTimer. */
export function tcpUp(fsm: FsmState): StepResult {
  const stopRetry = runningTimers(fsm).includes('ConnectRetry') ? [timerStop('ConnectRetry')] : [];
  if (fsm.settings.delayOpenTime > 0) {
    return {
      state: { ...fsm, delayOpenTimer: true },
      effects: [...stopRetry, timerStart('DelayOpen', fsm.settings.delayOpenTime)],
    };
  }
  return sendOpen(fsm, stopRetry);
}

/** Event 12: the DelayOpen wait is over, send our OPEN. */
export function delayOpenExpired(fsm: FsmState): StepResult {
  return sendOpen(fsm, []);
}

/** Event 20: the peer's OPEN came while ours was held back: send OPEN and KEEPALIVE, go to OpenConfirm. */
export function openWhileDelayed(fsm: FsmState, event: FsmEvent, peerOpen: OpenMessage): StepResult {
  const received = receivedEffects(event);
  const localOpen = buildOpen(fsm.settings);
  const negotiated = negotiate(fsm.settings, localOpen, peerOpen);
  if (negotiated instanceof BgpError) {
    // Event 22 BGPOpenMsgErr.
    const exit = { reason: `OPEN rejected: ${negotiated.message}`, send: notificationOf(negotiated) };
    return toIdle(fsm, { ...exit, counter: 'increment' }, received);
  }
  return acceptOpen(fsm, localOpen, negotiated, [
    ...received,
    timerStop('DelayOpen'),
    { kind: 'send', message: localOpen },
  ]);
}

/** Events 24 / 25: the peer gave up. A version error during DelayOpen does not count as a failed attempt. */
export function notificationBeforeOpen(fsm: FsmState, event: FsmEvent, received: NotificationMessage): StepResult {
  const versionError =
    received.code === ErrorCode.OPEN_MESSAGE && received.subcode === OpenSubcode.UNSUPPORTED_VERSION_NUMBER;
  const counter = versionError && fsm.delayOpenTimer === true ? 'keep' : 'increment';
  return toIdle(fsm, { reason: 'NOTIFICATION received', received, counter }, receivedEffects(event));
}

/** Our NOTIFICATION goes out only when the TCP connection is up, i.e. during DelayOpen (see the file comment). */
function ifConnected(fsm: FsmState, notification: NotificationMessage): NotificationMessage | undefined {
  return fsm.delayOpenTimer === true ? notification : undefined;
}

/** Event 2 ManualStop: the counter starts over and nothing restarts us. */
export function manualStopBeforeOpen(fsm: FsmState, shutdownMessage: string | undefined): StepResult {
  const send = ifConnected(fsm, administrativeShutdown(shutdownMessage));
  return toIdle(fsm, { reason: 'administrative shutdown', send, counter: 'zero' });
}

/** Event 8 AutomaticStop, 23 OpenCollisionDump, 21 / 22 / 28 decode errors: a NOTIFICATION if connected. */
export function failBeforeOpen(fsm: FsmState, event: FsmEvent): StepResult {
  const counter = 'increment';
  switch (event.type) {
    case 'AutomaticStop': {
      const send = ifConnected(fsm, event.error !== undefined ? notificationOf(event.error) : CEASE);
      return toIdle(fsm, { reason: event.reason ?? 'automatic stop', send, counter });
    }
    case 'OpenCollisionDump':
      return toIdle(fsm, { reason: 'connection collision', send: ifConnected(fsm, CEASE_COLLISION), counter });
    case 'MessageError': {
      const send = ifConnected(fsm, notificationOf(event.error));
      return toIdle(fsm, { reason: `message error: ${event.error.message}`, send, counter });
    }
    default: {
      // "Any other event" (8, 10-11, 13, 19, 23, 25-28): drop the connection and count a failed attempt.
      const reason = `unexpected ${describeEvent(event)} in ${fsm.state}`;
      return toIdle(fsm, { reason, counter }, receivedEffects(event));
    }
  }
}
