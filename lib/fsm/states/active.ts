/** RFC 4271 §8.2.2 Active: we listen for the peer's connection (and may have one up, waiting out DelayOpen). */
import { runningTimers, stateEffect, timerStart, toIdle, unchanged } from '../transitions';
import type { FsmEvent, FsmState, StepResult } from '../types';
import {
  delayOpenExpired,
  failBeforeOpen,
  manualStopBeforeOpen,
  notificationBeforeOpen,
  openWhileDelayed,
  tcpUp,
} from './pre-open';

export function active(fsm: FsmState, event: FsmEvent): StepResult {
  const delayed = fsm.delayOpenTimer === true;
  switch (event.type) {
    case 'ManualStart': // Event 1
    case 'AutomaticStart': // Event 3
    case 'UpdateSent': // not an RFC event: nothing can have been sent
      return unchanged(fsm);
    case 'ManualStop': // Event 2
      return manualStopBeforeOpen(fsm, event.shutdownMessage);
    case 'ConnectRetryTimerExpires':
      // Event 9: try our own connection. A passive peer never initiates (PassiveTcpEstablishment, §8.1.1) and
      // runs no ConnectRetryTimer, nor does a peer waiting out DelayOpen: for them this is a stray event.
      if (!runningTimers(fsm).includes('ConnectRetry')) return unchanged(fsm);
      return {
        state: { ...fsm, state: 'Connect' },
        effects: [
          timerStart('ConnectRetry', fsm.settings.connectRetryTime),
          { kind: 'connect' },
          stateEffect('Active', 'Connect'),
        ],
      };
    case 'DelayOpenTimerExpires': // Event 12; a stray one (no DelayOpenTimer running, no connection) is ignored
      return delayed ? delayOpenExpired(fsm) : unchanged(fsm);
    case 'TcpCrAcked': // Event 16
    case 'TcpConnectionConfirmed': // Event 17; a second connection during DelayOpen is the session layer's (§6.8)
      return delayed ? unchanged(fsm) : tcpUp(fsm);
    case 'TcpConnectionFails': // Event 18
      return toIdle(fsm, { reason: 'connection failed', counter: 'increment' });
    case 'Message':
      if (event.message.type === 'open' && delayed) return openWhileDelayed(fsm, event, event.message); // Event 20
      if (event.message.type === 'notification') return notificationBeforeOpen(fsm, event, event.message); // 24, 25
      return failBeforeOpen(fsm, event); // Events 19, 26, 27 and ROUTE-REFRESH
    default:
      // Events 8, 10, 11, 13, 21, 22, 23, 28.
      return failBeforeOpen(fsm, event);
  }
}
