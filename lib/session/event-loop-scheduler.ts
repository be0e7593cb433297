/**
 * An RxJS scheduler on Node's own event loop: work due now runs in the next turn (setImmediate),
 * work due later on a timer (setTimeout). The sessions' default for "yield to the event loop".
 *
 * Why not one of RxJS's: asapScheduler (RxJS 7) runs its actions in a Promise microtask
 * (rxjs/internal/util/Immediate), before Node reads a socket or fires a timer, so a full-table send
 * yielding on it would still starve keepalives and the hold timer; asyncScheduler with no delay is
 * setInterval(0), at least 1 ms per yield, which a send of a few hundred 64 KB chunks would feel.
 * setImmediate runs after the I/O callbacks of the turn, which is what the yields need.
 *
 * With `unref`, a pending action does not keep the process alive (a closing socket's flush bound).
 * Tests pass a TestScheduler or VirtualTimeScheduler instead, and time is virtual.
 */
import { Observable, Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';

export class EventLoopScheduler implements SchedulerLike {
  constructor(private readonly options: { readonly unref?: boolean } = {}) {}

  now(): number {
    return Date.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    return new EventLoopAction(work, this.options.unref === true).schedule(state, delay);
  }
}

class EventLoopAction<T> extends Subscription implements SchedulerAction<T> {
  private immediate: NodeJS.Immediate | undefined;
  private timeout: NodeJS.Timeout | undefined;

  constructor(
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
    private readonly unref: boolean,
  ) {
    super();
  }

  /** (Re)schedules this action; from inside its work, it runs again and stays the same Subscription. */
  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.cancel();
    if (delay > 0) {
      this.timeout = setTimeout(() => this.run(state), delay);
      if (this.unref) this.timeout.unref();
    } else {
      this.immediate = setImmediate(() => this.run(state));
      if (this.unref) this.immediate.unref();
    }
    return this;
  }

  override unsubscribe(): void {
    this.cancel();
    super.unsubscribe();
  }

  private run(state: T | undefined): void {
    this.immediate = undefined;
    this.timeout = undefined;
    try {
      this.work.call(this, state);
    } finally {
      // Done unless the work scheduled itself again.
      if (this.immediate === undefined && this.timeout === undefined) this.unsubscribe();
    }
  }

  private cancel(): void {
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    if (this.timeout !== undefined) clearTimeout(this.timeout);
    this.immediate = undefined;
    this.timeout = undefined;
  }
}

/** The default for session yields (rib-sender between chunks, deferred disposals). */
export const eventLoopScheduler: SchedulerLike = new EventLoopScheduler();

/** One value on the scheduler's next turn, then complete: setImmediate by default, a virtual-time flush in tests. */
export function turn(scheduler: SchedulerLike): Observable<void> {
  return new Observable<void>((subscriber) =>
    scheduler.schedule(() => {
      subscriber.next();
      subscriber.complete();
    }),
  );
}
