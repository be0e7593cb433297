/** RFC 4271 §8.2.2 Connect: we are initiating the TCP connection (and may have one up, waiting out DelayOpen). */
import { timerStart, timerStop, toIdle, stateEffect, unchanged } from '../transitions';
import type { Effect, FsmEvent, FsmState, StepResult } from '../types';
import {
  delayOpenExpired,
  failBeforeOpen,
  manualStopBeforeOpen,
  notificationBeforeOpen,
  openWhileDelayed,
  tcpUp,
} from './pre-open';

export function connect(fsm: FsmState, event: FsmEvent): StepResult {
  const delayed = fsm.delayOpenTimer === true;
  switch (event.type) {
    case 'ManualStart': // Event 1
    case 'AutomaticStart': // Event 3
    case 'UpdateSent': // not an RFC event: nothing can have been sent
      return unchanged(fsm);
    case 'ManualStop': // Event 2
      return manualStopBeforeOpen(fsm, event.shutdownMessage);
    case 'ConnectRetryTimerExpires': {
      // Event 9: drop the attempt (or the connection waiting out DelayOpen) and try again.
      const effects: Effect[] = [{ kind: 'close' }, timerStart('ConnectRetry', fsm.settings.connectRetryTime)];
      if (delayed) effects.push(timerStop('DelayOpen'));
      effects.push({ kind: 'connect' });
      return { state: { ...fsm, delayOpenTimer: false }, effects };
    }
    case 'DelayOpenTimerExpires': // Event 12; a stray one (no DelayOpenTimer running, no connection) is ignored
      return delayed ? delayOpenExpired(fsm) : unchanged(fsm);
    case 'TcpCrAcked': // Event 16
    case 'TcpConnectionConfirmed': // Event 17; a second connection during DelayOpen is the session layer's (§6.8)
      return delayed ? unchanged(fsm) : tcpUp(fsm);
    case 'TcpConnectionFails': // Event 18
      if (delayed) {
        // Back to listening with the ConnectRetryTimer running.
        return {
          state: { ...fsm, state: 'Active', delayOpenTimer: false },
          effects: [
            timerStart('ConnectRetry', fsm.settings.connectRetryTime),
            timerStop('DelayOpen'),
            stateEffect('Connect', 'Active'),
          ],
        };
      }
      // RFC 4271 leaves the counter alone here; rxbgp counts the failure so that the IdleHold backoff
      // (DampPeerOscillations) grows against a peer that keeps refusing connections.
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
