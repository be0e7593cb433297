/** RFC 4271 §8.2.2 OpenSent: our OPEN is sent, we wait for the peer's under the large hold time. */
import { BgpError } from '../../wire/errors';
import { buildOpen } from '../build-open';
import { receivedEffects } from '../describe';
import { negotiate } from '../negotiate';
import { notificationOf } from '../notifications';
import { acceptOpen, runningTimers, stateEffect, timerStart, timerStop, toIdle, unchanged } from '../transitions';
import type { Effect, FsmEvent, FsmState, StepResult } from '../types';
import {
  automaticStop,
  collisionDump,
  holdTimerExpired,
  manualStop,
  messageError,
  notificationReceived,
  unexpected,
} from './post-open';

export function openSent(fsm: FsmState, event: FsmEvent): StepResult {
  switch (event.type) {
    case 'ManualStart': // Event 1
    case 'AutomaticStart': // Event 3
    case 'UpdateSent': // not an RFC event: no UPDATE can have been sent
    case 'TcpCrAcked': // Event 16
    case 'TcpConnectionConfirmed': // Event 17: a second connection, tracked by the session layer (§6.8)
      return unchanged(fsm);
    case 'ManualStop': // Event 2
      return manualStop(fsm, event.shutdownMessage);
    case 'AutomaticStop': // Event 8
      return automaticStop(fsm, event.error, event.reason);
    case 'HoldTimerExpires': // Event 10
      return holdTimerExpired(fsm);
    case 'TcpConnectionFails': {
      // Event 18: close, and listen again (Active) with the ConnectRetryTimer running unless passive.
      const effects: Effect[] = runningTimers(fsm).map(timerStop);
      effects.push({ kind: 'close' });
      if (!fsm.settings.passive) effects.push(timerStart('ConnectRetry', fsm.settings.connectRetryTime));
      effects.push(stateEffect('OpenSent', 'Active'));
      const { settings, connectRetryCounter, lastError } = fsm;
      return { state: { state: 'Active', settings, connectRetryCounter, holdTime: 0, lastError }, effects };
    }
    case 'MessageError': // Events 21, 22, 28
      return messageError(fsm, event, event.error);
    case 'OpenCollisionDump': // Event 23
      return collisionDump(fsm);
    case 'Message':
      switch (event.message.type) {
        case 'open': {
          // Event 19 BGPOpen, or event 22 BGPOpenMsgErr when negotiation rejects it.
          const received = receivedEffects(event);
          const localOpen = fsm.localOpen ?? buildOpen(fsm.settings);
          const negotiated = negotiate(fsm.settings, localOpen, event.message);
          if (negotiated instanceof BgpError) {
            const exit = { reason: `OPEN rejected: ${negotiated.message}`, send: notificationOf(negotiated) };
            return toIdle(fsm, { ...exit, counter: 'increment' }, received);
          }
          return acceptOpen(fsm, localOpen, negotiated, received);
        }
        case 'notification': // Events 24, 25
          return notificationReceived(fsm, event, event.message);
        default: // Events 26, 27 and ROUTE-REFRESH: RFC 6608 "unexpected message in OpenSent"
          return unexpected(fsm, event, true);
      }
    default: // Events 9, 11, 12, 13
      return unexpected(fsm, event, false);
  }
}
