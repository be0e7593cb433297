/**
 * The FSM's named timers on an RxJS scheduler, restartable in O(1).
 *
 * The HoldTimer restarts on every UPDATE received, thousands of times a second during a full-table
 * transfer. Cancelling and scheduling an action each time would churn the scheduler, so a restart that
 * pushes the deadline later only moves the stored deadline; when the scheduled action fires before the
 * deadline it schedules itself again for the remainder. Only a restart to an earlier deadline, or a stop,
 * touches the scheduler.
 */
import { Subscription } from 'rxjs';
import type { SchedulerAction, SchedulerLike } from 'rxjs';
import type { TimerName } from '../fsm/types';

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
    const running = this.slots.get(timer);
    if (running !== undefined && running.due <= deadline) {
      running.deadline = deadline;
      return;
    }
    running?.action.unsubscribe();
    const slot: Slot = { deadline, due: deadline, action: Subscription.EMPTY };
    this.slots.set(timer, slot);
    slot.action = this.schedule(timer, slot, deadline - now);
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

  private schedule(timer: TimerName, slot: Slot, delay: number): Subscription {
    const timers = this;
    return this.scheduler.schedule(
      function (this: SchedulerAction<Slot>, current?: Slot) {
        // A stopped or re-created timer has another slot (or none): this firing is not theirs.
        if (current === undefined || timers.slots.get(timer) !== current) return;
        const remaining = current.deadline - timers.scheduler.now();
        if (remaining > 0) {
          // Restarted since we were scheduled: wait out the rest. Rescheduling from inside the action keeps
          // the Subscription we hold valid (an AsyncAction reuses itself, a VirtualAction adds a child).
          current.due = current.deadline;
          this.schedule(current, remaining);
          return;
        }
        timers.slots.delete(timer);
        timers.expired(timer);
      },
      delay,
      slot,
    );
  }
}
