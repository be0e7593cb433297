/** The pure BGP FSM (RFC 4271 §8), OPEN negotiation, collision rules and the RxJS timer loop. */
export * from './types';
export { initialState, step } from './step';
export { buildOpen } from './build-open';
export { negotiate } from './negotiate';
export { collisionWinner } from './collision';
export { runFsm } from './machine';
export { DeadlineTimers } from './deadline-timers';
export { LARGE_HOLD_TIME, MAX_IDLE_HOLD_TIME, idleHoldSeconds } from './transitions';
