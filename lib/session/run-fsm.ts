/**
 * runFsm: the FSM as an RxJS stream for one peer (here in session/, so lib/fsm stays pure: no RxJS, no clock). Input events and timer expiries are folded through
 * step(); every StepResult is emitted for the session layer to carry out (send, connect, close,
 * established, down, update, ...). Timer effects are carried out here, on the given scheduler, and their
 * expiries come back as events, always asynchronously (a scheduled action), never from inside a step.
 */
import { asyncScheduler, Observable } from 'rxjs';
import type { SchedulerLike } from 'rxjs';
import { DeadlineTimers } from './deadline-timers';
import { initialState, step } from '../fsm/step';
import type { FsmEvent, PeerSettings, StepResult, TimerName } from '../fsm/types';

const EXPIRY_EVENTS: Record<TimerName, FsmEvent> = {
  ConnectRetry: { type: 'ConnectRetryTimerExpires' }, // Event 9
  Hold: { type: 'HoldTimerExpires' }, // Event 10
  Keepalive: { type: 'KeepaliveTimerExpires' }, // Event 11
  DelayOpen: { type: 'DelayOpenTimerExpires' }, // Event 12
  IdleHold: { type: 'IdleHoldTimerExpires' }, // Event 13
};

export function runFsm(
  settings: PeerSettings,
  input$: Observable<FsmEvent>,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<StepResult> {
  return new Observable<StepResult>((subscriber) => {
    let fsm = initialState(settings);
    // A consumer may react to an effect by feeding an event synchronously (e.g. a Subject behind input$):
    // such events wait here until the current step's result has been delivered, so steps never interleave.
    const queue: FsmEvent[] = [];
    let stepping = false;

    const timers = new DeadlineTimers(scheduler, (timer) => feed(EXPIRY_EVENTS[timer]));

    function apply(event: FsmEvent): void {
      const result = step(fsm, event);
      fsm = result.state;
      for (const effect of result.effects) {
        if (effect.kind === 'timer-start') timers.start(effect.timer, effect.seconds);
        else if (effect.kind === 'timer-stop') timers.stop(effect.timer);
      }
      subscriber.next(result);
    }

    function feed(event: FsmEvent): void {
      if (stepping) {
        queue.push(event);
        return;
      }
      stepping = true;
      try {
        apply(event);
        for (let next = queue.shift(); next !== undefined && !subscriber.closed; next = queue.shift()) apply(next);
      } finally {
        stepping = false;
        queue.length = 0;
      }
    }

    const input = input$.subscribe({
      next: feed,
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
    return () => {
      input.unsubscribe();
      timers.stopAll();
    };
  });
}
