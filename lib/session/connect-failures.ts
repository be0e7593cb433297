/**
 * A neighbor's failed attempts to connect, logged once when they start and once when a connection
 * is up again (with how many attempts failed), never once per retry: a peer that is down for an
 * hour would otherwise log hundreds of identical lines, and logging nothing (as before) hid it.
 * Shared by all of the neighbor's sessions, one after another, like its counters.
 *
 * Two kinds of failure: the TCP connection itself fails (refused, unreachable, timed out), which
 * ends when a connection is up; or the peer accepts it and closes it before sending its OPEN
 * without a NOTIFICATION (GoBGP does this to an address that is not one of its neighbors, so a
 * wrong address in either config), which ends only when an OPEN arrives.
 */
import type { Log } from './log';

type Failure = {
  readonly reason: string;
  readonly since: number;
  attempts: number;
  /** What ends it: a TCP connection, or the peer's OPEN. */
  readonly until: 'connected' | 'open';
};

export class ConnectFailures {
  private failing: Failure | undefined;

  constructor(
    private readonly name: string,
    /** "127.0.0.2:179": where the neighbor connects to. */
    private readonly target: string,
    private readonly log: Log,
    /** The clock (the session's scheduler), for how long the failures lasted. */
    private readonly now: () => number = Date.now,
  ) {}

  /** True between the first failed attempt and the next connection (or OPEN, see closedBeforeOpen). */
  get isFailing(): boolean {
    return this.failing !== undefined;
  }

  /** An outgoing connection failed before it was up: ECONNREFUSED, EHOSTUNREACH, a timeout... */
  failed(reason: string): void {
    if (this.count()) return;
    this.failing = { reason, since: this.now(), attempts: 1, until: 'connected' };
    this.log.warn(`${this.name}: cannot connect to ${this.target}: ${reason}; retrying, logged again once connected`);
  }

  /**
   * The peer ended a connection that was up before its OPEN came, without a NOTIFICATION (one would
   * have been logged): it does not take us as a neighbor, most often. `localAddress` is the address
   * it saw us at; `how` is "closed" or "reset".
   */
  closedBeforeOpen(direction: 'outgoing' | 'incoming', localAddress: string | undefined, how: 'closed' | 'reset' = 'closed'): void {
    if (this.count()) return;
    const reason = `${how} the connection before its OPEN`;
    this.failing = { reason, since: this.now(), attempts: 1, until: 'open' };
    const who = direction === 'outgoing' ? this.target : 'the peer';
    const hint = localAddress ? ` (is ${localAddress} configured as a neighbor there?)` : '';
    this.log.warn(`${this.name}: ${who} ${reason}${hint}; retrying, logged again once it sends its OPEN`);
  }

  /** A connection with the peer is up, ours or one it made to us. */
  connected(direction: 'outgoing' | 'incoming'): void {
    if (this.failing?.until !== 'connected') return;
    this.recovered(direction === 'outgoing' ? `connected to ${this.target}` : `the peer connected to us`);
  }

  /** The peer's OPEN arrived: whatever failed before, the peer now takes us as a neighbor. */
  opened(): void {
    if (this.failing) this.recovered(this.failing.until === 'open' ? `${this.target} sent its OPEN` : `connected to ${this.target}`);
  }

  /** One more failed attempt of a failure already logged (true), or none yet (false). */
  private count(): boolean {
    if (!this.failing) return false;
    this.failing.attempts++;
    return true;
  }

  private recovered(how: string): void {
    const f = this.failing!;
    this.failing = undefined;
    const seconds = Math.max(0, Math.round((this.now() - f.since) / 1000));
    this.log.info(`${this.name}: ${how} after ${f.attempts} failed attempt${f.attempts === 1 ? '' : 's'} in ${seconds}s (first: ${f.reason})`);
  }
}

/** The reason of a failed connect for the log: the errno name, which the target beside it makes clear enough. */
export function connectErrorText(error: NodeJS.ErrnoException | undefined, fallback: string, localAddress?: string): string {
  if (!error?.code) return error?.message ?? fallback;
  if (error.code === 'EADDRNOTAVAIL' && localAddress) return `EADDRNOTAVAIL (is the local address ${localAddress} configured on this host?)`;
  return error.code;
}
