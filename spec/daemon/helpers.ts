/** In-process daemons for tests: config from plain JSON, events collected, bounded waits. */
import { firstValueFrom, filter, timeout, type Observable } from 'rxjs';
import { decodeConfig, formatErrors } from '../../lib/config';
import type { Config } from '../../lib/config/types';
import { Daemon, type DaemonEvent } from '../../lib/daemon/daemon';
import { silentLog } from '../../lib/session/log';

export function config(json: unknown): Config {
  const r = decodeConfig(json);
  if (r._tag === 'Left') throw new Error(formatErrors(r.left));
  return r.right;
}

export function startDaemon(json: unknown): { daemon: Daemon; events: DaemonEvent[]; started: Promise<void> } {
  const daemon = new Daemon(config(json), silentLog);
  const events: DaemonEvent[] = [];
  daemon.events$.subscribe((e) => events.push(e));
  return { daemon, events, started: daemon.start() };
}

export function waitFor<T>(events$: Observable<T>, pred: (e: T) => boolean, ms = 10000, what = 'event'): Promise<T> {
  return firstValueFrom(events$.pipe(filter(pred), timeout({ first: ms, with: () => { throw new Error(`timed out after ${ms} ms waiting for ${what}`); } })));
}

/** Polls a condition until true or the deadline (bounded). */
export async function until(cond: () => boolean, ms = 10000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
