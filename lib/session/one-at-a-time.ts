/**
 * RxJS operator: values pushed while the previous one is still being handled downstream (an
 * effect of the FSM feeding the FSM again, synchronously) wait in a queue and follow it, in order,
 * instead of running inside it. Values that arrive while nothing is busy go straight through, in
 * the caller's tick: no scheduler hop.
 *
 * Why not observeOn(queueScheduler): that trampoline is global, so one session handling an event
 * would hold back another session fed from inside it (collision handling does that); this queue
 * belongs to one subscription.
 */
import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

export function oneAtATime<T>(): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      const queue: T[] = [];
      let busy = false;
      return source.subscribe({
        next(value) {
          if (busy) {
            queue.push(value);
            return;
          }
          busy = true;
          try {
            subscriber.next(value);
            for (let i = 0; i < queue.length && !subscriber.closed; i++) subscriber.next(queue[i]);
          } finally {
            busy = false;
            queue.length = 0;
          }
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      });
    });
}
