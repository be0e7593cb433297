/** The pure BGP FSM (RFC 4271 §8), OPEN negotiation and collision rules (the RxJS timer loop, runFsm, is in lib/session). */
export * from './types';
export { initialState, step } from './step';
export { buildOpen } from './build-open';
export { negotiate } from './negotiate';
export { collisionWinner } from './collision';
export { LARGE_HOLD_TIME, MAX_IDLE_HOLD_TIME, idleHoldSeconds } from './transitions';
