/** RFC 4271 §8.2.2 Established: UPDATE, KEEPALIVE and ROUTE-REFRESH flow, each one restarting the HoldTimer. */
import { receivedEffects } from '../describe';
import { timerStart, unchanged } from '../transitions';
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

export function established(fsm: FsmState, event: FsmEvent): StepResult {
  switch (event.type) {
    case 'ManualStart': // Event 1
    case 'AutomaticStart': // Event 3
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
    case 'UpdateSent':
      // "Each time the local system sends a KEEPALIVE or UPDATE message, it restarts its KeepaliveTimer".
      if (fsm.holdTime === 0 || fsm.negotiated === undefined) return unchanged(fsm);
      return { state: fsm, effects: [timerStart('Keepalive', fsm.negotiated.keepaliveTime)] };
    case 'TcpConnectionFails': // Event 18
      return connectionLost(fsm);
    case 'MessageError': // Events 21, 22, 28
      return messageError(fsm, event, event.error);
    case 'OpenCollisionDump': // Event 23 (CollisionDetectEstablishedState)
      return collisionDump(fsm);
    case 'Message': {
      const { message } = event;
      // RFC 4271 §4.4 restarts the HoldTimer on KEEPALIVE and UPDATE; a ROUTE-REFRESH is as good a sign of life.
      const restartHold: Effect[] = fsm.holdTime > 0 ? [timerStart('Hold', fsm.holdTime)] : [];
      switch (message.type) {
        case 'keepalive': {
          // Event 26. A KEEPALIVE while Established shows the session is stable (it survived our
          // UPDATEs for a keepalive interval): only now does a new run of attempts start from zero
          // (RFC 4271 §8.1.1 DampPeerOscillations).
          const state = fsm.connectRetryCounter === 0 ? fsm : { ...fsm, connectRetryCounter: 0 };
          return { state, effects: [...receivedEffects(event), ...restartHold] };
        }
        case 'update': // Event 27; an UPDATE with an RFC 7606 errorAction passes too: the RIB applies it
          return { state: fsm, effects: [...restartHold, { kind: 'update', message }] };
        case 'route-refresh': // RFC 2918 §4 / RFC 7313 §4: the peer wants our Adj-RIB-Out again
          return { state: fsm, effects: [...restartHold, { kind: 'refresh', message }] };
        case 'notification': // Events 24, 25
          return notificationReceived(fsm, event, message);
        default: // Event 19: RFC 6608 "unexpected message in Established"
          return unexpected(fsm, event, true);
      }
    }
    default: // Events 9, 12, 13
      return unexpected(fsm, event, false);
  }
}
