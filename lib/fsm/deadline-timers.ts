/**
 * The FSM's named timers on an RxJS scheduler, restartable in O(1).
 *
 * The HoldTimer restarts on every UPDATE received, thousands of times a second during a full-table
 * transfer. Cancelling and scheduling an action each time would churn the scheduler, so a restart that
 * pushes the deadline later only moves the stored deadline; when the scheduled action fires before the
 * deadline it schedules itself again for the remainder. Only a restart to an earlier deadline, or a stop,
 * touches the scheduler.
 */
import type { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';
import type { TimerName } from './types';

interface Slot {
  /** When the timer expires, in scheduler time (ms). */
  deadline: number;
  /** When the scheduled action runs: never after the deadline. */
  due: number;
  action: Subscription;
}

export class DeadlineTimers {
  private readonly slots = new Map<TimerName, Slot>();

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly expired: (timer: TimerName) => void,
  ) {}

  /** Starts the timer, or restarts it if running. */
  start(timer: TimerName, seconds: number): void {
    const now = this.scheduler.now();
    const deadline = now + seconds * 1000;
    const slot = this.slots.get(timer);
    if (slot !== undefined && slot.due <= deadline) {
      slot.deadline = deadline;
      return;
    }
    slot?.action.unsubscribe();
    this.slots.set(timer, { deadline, due: deadline, action: this.schedule(timer, deadline - now) });
  }

  stop(timer: TimerName): void {
    const slot = this.slots.get(timer);
    if (slot === undefined) return;
    slot.action.unsubscribe();
    this.slots.delete(timer);
  }

  stopAll(): void {
    for (const slot of this.slots.values()) slot.action.unsubscribe();
    this.slots.clear();
  }

  isRunning(timer: TimerName): boolean {
    return this.slots.has(timer);
  }

  private schedule(timer: TimerName, delay: number): Subscription {
    const timers = this;
    return this.scheduler.schedule(function (this: SchedulerAction<undefined>) {
      const slot = timers.slots.get(timer);
      // A stop unsubscribes the action, so a slot that is gone or re-created belongs to someone else.
      if (slot === undefined || slot.action !== this) return;
      const remaining = slot.deadline - timers.scheduler.now();
      if (remaining > 0) {
        // Restarted since we were scheduled: wait out the rest, reusing this action.
        slot.due = slot.deadline;
        this.schedule(undefined, remaining);
        return;
      }
      timers.slots.delete(timer);
      timers.expired(timer);
    }, delay);
  }
}
