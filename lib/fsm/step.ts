/**
 * The BGP FSM of RFC 4271 §8.2.2 as a pure reducer: step(state, event) → { state, effects }.
 * No sockets, no clock, no logger; the session layer and runFsm carry the effects out.
 * A switch on the state here, then on the event in each state's file.
 */
import { active } from './states/active';
import { connect } from './states/connect';
import { established } from './states/established';
import { idle } from './states/idle';
import { openConfirm } from './states/open-confirm';
import { openSent } from './states/open-sent';
import { unchanged } from './transitions';
import type { FsmEvent, FsmState, PeerSettings, StepResult } from './types';

/** RFC 4271 §8.2.2: "Initially, the BGP peer FSM is in the Idle state." */
export function initialState(settings: PeerSettings): FsmState {
  return { state: 'Idle', settings, connectRetryCounter: 0, holdTime: 0 };
}

export function step(fsm: FsmState, event: FsmEvent): StepResult {
  switch (fsm.state) {
    case 'Idle':
      return idle(fsm, event);
    case 'Connect':
      return connect(fsm, event);
    case 'Active':
      return active(fsm, event);
    case 'OpenSent':
      return openSent(fsm, event);
    case 'OpenConfirm':
      return openConfirm(fsm, event);
    case 'Established':
      return established(fsm, event);
    default:
      // Unreachable for typed callers; keeps step total for anything else.
      return unchanged(fsm);
  }
}
