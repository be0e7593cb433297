/**
 * RxJS operator that writes sends to a socket as fast as the socket takes them, and no faster
 * (DESIGN.md: respect write()'s return value and 'drain'; never let a queue grow without bound).
 *
 * A send is an iterator of chunks made on demand (rib-sender.ts packs UPDATEs into ~64 KB chunks as
 * it is pulled), so nothing is encoded ahead of the socket: the next chunk is pulled only once the
 * socket took the last one: after 'drain' when write() said the kernel buffer is full, otherwise
 * after one turn of the scheduler, so socket reads and the hold and keepalive timers run between
 * the chunks of a full-table send; after a chunk marked `last`, none (Chunk.last). The first chunk of a send is written as the send is subscribed,
 * in the caller's tick (a helper's line reaches the socket before the call returns). Sends run one
 * after the other (concatMap); each chunk comes out once written. A send stops when `alive()` says
 * its session went away, checked before each chunk is pulled.
 */
import { concatMap, defer, from, Observable, take, type ObservableInput, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import { turn } from './event-loop-scheduler';

export interface PacedTarget {
  /** Writes bytes; false: the kernel buffer is full, wait for drained(). */
  write(bytes: Buffer): boolean;
  /** Completes (or emits) once the socket drained its write buffer or closed. */
  drained(): ObservableInput<unknown>;
  /** False once the session this send belongs to went away. */
  alive(): boolean;
}

export interface Chunk {
  readonly bytes: Buffer;
  /**
   * Nothing comes after this chunk: once written into a socket with room, the send is over at once,
   * with no turn first. A turn held there kept the session's next send (the next helper chunk's
   * rules) queued behind it, and Node reads many pipe chunks per turn: a helper's changes then went
   * out one per turn, most of them after the reading was over (100,000 flow rules reached the peer
   * ~0.25 s after their acks). A full socket is still waited for ('drain').
   */
  readonly last?: boolean;
}

export function pacedWrites<C extends Chunk>(target: PacedTarget, scheduler: SchedulerLike): OperatorFunction<Iterator<C>, C> {
  return (sends$) => sends$.pipe(concatMap((chunks) => paced(chunks, target, scheduler)));
}

function paced<C extends Chunk>(chunks: Iterator<C>, target: PacedTarget, scheduler: SchedulerLike): Observable<C> {
  return new Observable<C>((subscriber) => {
    let waiting: Subscription | undefined;
    const writeNext = (): void => {
      if (subscriber.closed) return;
      if (!target.alive()) return subscriber.complete();
      let next: IteratorResult<C>;
      try {
        next = chunks.next();
      } catch (e) {
        return subscriber.error(e);
      }
      if (next.done) return subscriber.complete();
      const room = target.write(next.value.bytes);
      subscriber.next(next.value);
      if (room && next.value.last === true) return subscriber.complete();
      // The socket's pace: its 'drain' when it is full, else a turn of the event loop (or of the virtual clock).
      const ready$ = room ? turn(scheduler) : defer(() => from(target.drained()));
      const wait = ready$.pipe(take(1)).subscribe({ complete: writeNext, error: (e: unknown) => subscriber.error(e) });
      // Ready at once (a drain already done): the chunks after it were written inside subscribe, and
      // `waiting` is the wait of the last of them.
      if (!wait.closed) waiting = wait;
    };
    writeNext();
    return () => waiting?.unsubscribe();
  });
}
