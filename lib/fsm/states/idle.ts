/** RFC 4271 §8.2.2 Idle: no connection; refuse incoming ones; wait for a start event. */
import type { FsmEvent, FsmState, StepResult } from '../types';
import { start, timerStop, unchanged } from '../transitions';

export function idle(fsm: FsmState, event: FsmEvent): StepResult {
  const damping = fsm.idleHoldTimer === true;
  switch (event.type) {
    case 'ManualStart': // Event 1 (4 when passive): the operator overrides damping, and the counter starts over.
      return start(fsm, 0, damping ? [timerStop('IdleHold')] : []);
    case 'AutomaticStart': // Event 3 (5 when passive): ignored while damped, the IdleHoldTimer will start us.
      return damping ? unchanged(fsm) : start(fsm, fsm.connectRetryCounter);
    case 'IdleHoldTimerExpires': // Event 13: damping is over, an AutomaticStart with the counter kept for the backoff.
      return damping ? start({ ...fsm, idleHoldTimer: false }, fsm.connectRetryCounter) : unchanged(fsm);
    case 'ManualStop': // Event 2: ignored by the RFC; it also cancels a pending automatic restart.
      if (!damping && fsm.connectRetryCounter === 0) return unchanged(fsm);
      return {
        state: { ...fsm, connectRetryCounter: 0, idleHoldTimer: false },
        effects: damping ? [timerStop('IdleHold')] : [],
      };
    case 'TcpCrAcked': // Event 16
    case 'TcpConnectionConfirmed': // Event 17: "refuses all incoming BGP connections for this peer".
      return { state: fsm, effects: [{ kind: 'close' }] };
    default:
      // Events 8-12, 18-28 and UpdateSent: "does not cause change in the state of the local system".
      return unchanged(fsm);
  }
}
