/** RFC 4271 §8.2.2 OpenConfirm: OPENs exchanged, our KEEPALIVE sent, we wait for the peer's. */
import { receivedEffects } from '../describe';
import { stateEffect, timerStart, unchanged } from '../transitions';
import type { Effect, FsmEvent, FsmState, StepResult } from '../types';
import {
  automaticStop,
  collisionDump,
  connectionLost,
  holdTimerExpired,
  keepaliveTimerExpired,
  manualStop,
  messageError,
  notificationReceived,
  unexpected,
} from './post-open';

export function openConfirm(fsm: FsmState, event: FsmEvent): StepResult {
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
    case 'KeepaliveTimerExpires': // Event 11
      return keepaliveTimerExpired(fsm);
    case 'TcpConnectionFails': // Event 18
      return connectionLost(fsm);
    case 'MessageError': // Events 21, 22, 28
      return messageError(fsm, event, event.error);
    case 'OpenCollisionDump': // Event 23
      return collisionDump(fsm);
    case 'Message':
      switch (event.message.type) {
        case 'keepalive': {
          // Event 26: the peer accepted our OPEN. The backoff is not reset yet: a peer that rejects
          // our first UPDATE would otherwise be retried every second forever (see Established).
          const effects: Effect[] = receivedEffects(event);
          if (fsm.holdTime > 0) effects.push(timerStart('Hold', fsm.holdTime));
          effects.push(stateEffect('OpenConfirm', 'Established'));
          if (fsm.negotiated !== undefined) effects.push({ kind: 'established', negotiated: fsm.negotiated });
          return { state: { ...fsm, state: 'Established' }, effects };
        }
        case 'notification': // Events 24, 25
          return notificationReceived(fsm, event, event.message);
        default:
          // Event 19 (an OPEN on this connection: RFC 6608's own example), 27 and ROUTE-REFRESH.
          return unexpected(fsm, event, true);
      }
    default: // Events 9, 12, 13
      return unexpected(fsm, event, false);
  }
}
