/**
 * runFsm: the FSM as an RxJS stream for one peer (here in session/, so lib/fsm stays pure: no RxJS,
 * no clock). Input events merged with the timers' expiries are folded through the pure step() with
 * scan(); every step is emitted, with the event that made it, for the session layer to carry out
 * (send, connect, close, established, down, update, ...). Timer effects are carried out here, on the
 * given scheduler, and their expiries come back as events, always asynchronously (a scheduled
 * action), never from inside a step.
 */
import { asyncScheduler, defer, finalize, merge, scan, Subject, tap, type Observable, type SchedulerLike } from 'rxjs';
import { DeadlineTimers } from './deadline-timers';
import { oneAtATime } from './one-at-a-time';
import { initialState, step } from '../fsm/step';
import type { FsmEvent, FsmState, PeerSettings, StepResult, TimerName } from '../fsm/types';

/** One step of the FSM: its result, and the event it folded (a received message's bytes ride in it). */
export interface FsmStep extends StepResult {
  readonly event: FsmEvent;
}

const EXPIRY_EVENTS: Record<TimerName, FsmEvent> = {
  ConnectRetry: { type: 'ConnectRetryTimerExpires' }, // Event 9
  Hold: { type: 'HoldTimerExpires' }, // Event 10
  Keepalive: { type: 'KeepaliveTimerExpires' }, // Event 11
  DelayOpen: { type: 'DelayOpenTimerExpires' }, // Event 12
  IdleHold: { type: 'IdleHoldTimerExpires' }, // Event 13
};

/**
 * Each subscription has its own state and timers. Completes with `input$` (its timers cancelled);
 * an event fed synchronously by a subscriber while it handles a step waits until that step has
 * been delivered (oneAtATime), so steps never interleave.
 */
export function runFsm(settings: PeerSettings, input$: Observable<FsmEvent>, scheduler: SchedulerLike = asyncScheduler): Observable<FsmStep> {
  return defer(() => {
    const expired$ = new Subject<FsmEvent>();
    const timers = new DeadlineTimers(scheduler, (timer) => expired$.next(EXPIRY_EVENTS[timer]));
    const seed: { readonly state: FsmState } = { state: initialState(settings) };
    return merge(input$.pipe(tap({ complete: () => expired$.complete() })), expired$).pipe(
      oneAtATime(),
      scan<FsmEvent, FsmStep, { readonly state: FsmState }>((previous, event) => {
        const { state, effects } = step(previous.state, event);
        return { state, effects, event };
      }, seed),
      tap((result) => {
        for (const effect of result.effects) {
          if (effect.kind === 'timer-start') timers.start(effect.timer, effect.seconds);
          else if (effect.kind === 'timer-stop') timers.stop(effect.timer);
        }
      }),
      finalize(() => timers.stopAll()),
    );
  });
}
