/**
 * What OpenSent, OpenConfirm and Established share (RFC 4271 §8.2.2): our OPEN is out, so every way
 * to Idle tells the peer why with a NOTIFICATION, except when the peer or TCP ended the connection first.
 */
import type { BgpError } from '../../wire/errors';
import { ErrorCode, OpenSubcode } from '../../wire/iana';
import type { NotificationMessage } from '../../wire/types';
import { describeEvent, receivedEffects } from '../describe';
import {
  administrativeShutdown,
  CEASE,
  CEASE_COLLISION,
  fsmError,
  HOLD_TIMER_EXPIRED,
  notificationOf,
} from '../notifications';
import { KEEPALIVE, timerStart, toIdle } from '../transitions';
import type { Effect, FsmEvent, FsmState, StepResult } from '../types';

/** Event 2: Cease / Administrative Shutdown with the RFC 8203 text; the counter starts over, no restart. */
export function manualStop(fsm: FsmState, shutdownMessage: string | undefined): StepResult {
  const send = administrativeShutdown(shutdownMessage);
  return toIdle(fsm, { reason: 'administrative shutdown', send, counter: 'zero' });
}

/** Event 8: Cease, or the error the session layer gave (e.g. Cease / Maximum Number of Prefixes Reached). */
export function automaticStop(fsm: FsmState, error: BgpError | undefined, reason = 'automatic stop'): StepResult {
  const send = error !== undefined ? notificationOf(error) : CEASE;
  return toIdle(fsm, { reason, send, counter: 'increment' });
}

/** Event 10: RFC 4271 §6.5. */
export function holdTimerExpired(fsm: FsmState): StepResult {
  return toIdle(fsm, { reason: 'hold timer expired', send: HOLD_TIMER_EXPIRED, counter: 'increment', expired: 'Hold' });
}

/** Event 18. */
export function connectionLost(fsm: FsmState): StepResult {
  return toIdle(fsm, { reason: 'connection lost', counter: 'increment' });
}

/** Event 23: this connection lost the collision (RFC 4271 §6.8): Cease / Connection Collision Resolution. */
export function collisionDump(fsm: FsmState): StepResult {
  return toIdle(fsm, { reason: 'connection collision', send: CEASE_COLLISION, counter: 'increment' });
}

/**
 * Events 24 / 25: never answered (a NOTIFICATION closes the connection). RFC 4271 counts a version error
 * (NotifMsgVerErr) as a failed attempt only in Established.
 */
export function notificationReceived(fsm: FsmState, event: FsmEvent, received: NotificationMessage): StepResult {
  const versionError =
    received.code === ErrorCode.OPEN_MESSAGE && received.subcode === OpenSubcode.UNSUPPORTED_VERSION_NUMBER;
  const counter = versionError && fsm.state !== 'Established' ? 'keep' : 'increment';
  return toIdle(fsm, { reason: 'NOTIFICATION received', received, counter }, receivedEffects(event));
}

/**
 * RFC 6608 default arm: an unexpected message in OpenSent / OpenConfirm / Established is FSM Error 1 / 2 / 3;
 * any other unexpected event (a stray timer) is FSM Error 0 (RFC 4271 §8.2.2 "any other event").
 */
export function unexpected(fsm: FsmState, event: FsmEvent, message: boolean): StepResult {
  const send = fsmError(fsm.state, message);
  const reason = `unexpected ${describeEvent(event)} in ${fsm.state}`;
  return toIdle(fsm, { reason, send, counter: 'increment' }, receivedEffects(event));
}

/**
 * Events 21 / 22 / 28: the session layer could not decode a message; its error is the NOTIFICATION.
 * An UPDATE before Established is unexpected whether or not it decodes (RFC 6608), so it gets the FSM Error.
 */
export function messageError(fsm: FsmState, event: FsmEvent, error: BgpError): StepResult {
  if (error.code === ErrorCode.UPDATE_MESSAGE && fsm.state !== 'Established') return unexpected(fsm, event, true);
  const send = notificationOf(error);
  return toIdle(fsm, { reason: `message error: ${error.message}`, send, counter: 'increment' });
}

/** Event 11: send a KEEPALIVE; RFC 4271 §10 restarts the timer after every KEEPALIVE sent (none when hold is 0). */
export function keepaliveTimerExpired(fsm: FsmState): StepResult {
  const effects: Effect[] = [{ kind: 'send', message: KEEPALIVE }];
  if (fsm.holdTime > 0 && fsm.negotiated !== undefined) {
    effects.push(timerStart('Keepalive', fsm.negotiated.keepaliveTime));
  }
  return { state: fsm, effects };
}
