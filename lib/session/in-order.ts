/**
 * RxJS operator for a session's sends: jobs (a RIB send, an End-of-RIB, a ROUTE-REFRESH) run one
 * after the other, in the order they came, each to its end before the next starts: a full table
 * yields to the event loop and waits for the socket's 'drain' while it is written (rib-sender.ts),
 * and an End-of-RIB asked for after some routes must not overtake them.
 *
 * A job writes what it can at once and returns a promise when it has to wait. A job that comes
 * while nothing runs is started in the caller's tick (concatMap subscribes at once), so a helper's
 * line reaches the socket before the call returns. One value comes out per job finished, whether
 * it succeeded or failed (`failed` is told why); the stream goes on after a failure.
 */
import { catchError, concatMap, defer, from, map, of, type Observable, type OperatorFunction } from 'rxjs';

export type SendJob = () => unknown;

export function inOrder(failed: (error: unknown) => void): OperatorFunction<SendJob, void> {
  return (jobs$) =>
    jobs$.pipe(
      concatMap((job) =>
        defer(() => settled(job())).pipe(
          catchError((e: unknown) => {
            failed(e);
            return of(undefined);
          }),
        ),
      ),
    );
}

/** One value when the job's result settles: at once for a plain value, when it resolves for a promise. */
function settled(result: unknown): Observable<void> {
  if (result !== null && typeof result === 'object' && typeof (result as PromiseLike<unknown>).then === 'function') {
    return from(result as PromiseLike<unknown>).pipe(map(() => undefined));
  }
  return of(undefined);
}
