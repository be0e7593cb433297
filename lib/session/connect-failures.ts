/**
 * A neighbor's failed attempts to connect, logged once when they start and once when a connection
 * is up again (with how many attempts failed), never once per retry: a peer that is down for an
 * hour would otherwise log hundreds of identical lines, and logging nothing (as before) hid it.
 * Shared by all of the neighbor's sessions, one after another, like its counters.
 */
import type { Log } from './log';

export class ConnectFailures {
  private failing: { readonly reason: string; readonly since: number; attempts: number } | undefined;

  constructor(
    private readonly name: string,
    /** "127.0.0.2:179": where the neighbor connects to. */
    private readonly target: string,
    private readonly log: Log,
    /** The clock (the session's scheduler), for how long the failures lasted. */
    private readonly now: () => number = Date.now,
  ) {}

  /** True between the first failed attempt and the next connection. */
  get isFailing(): boolean {
    return this.failing !== undefined;
  }

  /** An outgoing connection failed before it was up: ECONNREFUSED, EHOSTUNREACH, a timeout... */
  failed(reason: string): void {
    if (this.failing) {
      this.failing.attempts++;
      return;
    }
    this.failing = { reason, since: this.now(), attempts: 1 };
    this.log.warn(`${this.name}: cannot connect to ${this.target}: ${reason}; retrying, logged again once connected`);
  }

  /** A connection with the peer is up, ours or one it made to us. */
  connected(direction: 'outgoing' | 'incoming'): void {
    const f = this.failing;
    if (!f) return;
    this.failing = undefined;
    const seconds = Math.max(0, Math.round((this.now() - f.since) / 1000));
    const how = direction === 'outgoing' ? `connected to ${this.target}` : `the peer connected to us`;
    this.log.info(`${this.name}: ${how} after ${f.attempts} failed attempt${f.attempts === 1 ? '' : 's'} in ${seconds}s (first: ${f.reason})`);
  }
}

/** The reason of a failed connect for the log: the errno name, which the target beside it makes clear enough. */
export function connectErrorText(error: NodeJS.ErrnoException | undefined, fallback: string, localAddress?: string): string {
  if (!error?.code) return error?.message ?? fallback;
  if (error.code === 'EADDRNOTAVAIL' && localAddress) return `EADDRNOTAVAIL (is the local address ${localAddress} configured on this host?)`;
  return error.code;
}
