/**
 * What the interop suite asks of every real daemon (gobgpd, bird, exabgp), each configured with
 * exactly one neighbor. Every answer comes from the daemon itself (its CLI, its log or its API
 * events), never from the speaker under test.
 */
import { pollUntil } from '../harness/poll';
import type { Route } from '../harness/route';

export interface BgpPeer {
  /** e.g. "gobgpd 127.0.0.11:1791": used in every message. */
  readonly name: string;
  /** The address this daemon speaks from. */
  readonly address: string;
  /** Whether the daemon reports its session with the neighbor as Established. */
  isEstablished(): Promise<boolean>;
  /** Something the daemon reports that changes each time the session is re-established. */
  sessionMark(): Promise<string | undefined>;
  /** The routes the daemon holds from the neighbor (its Adj-RIB-In), as the daemon reports them. */
  receivedRoutes(): Promise<Route[]>;
  /** The Cease NOTIFICATION (code 6, RFC 4486) the daemon says it received, in its words; undefined if none. */
  receivedCease(): Promise<string | undefined>;
  /** Originates routes on the daemon, which sends them to the neighbor. */
  announce(routes: readonly Route[]): Promise<void>;
  /** Withdraws routes this module announced earlier. */
  withdraw(prefixes: readonly string[]): Promise<void>;
  /** Why the daemon is no longer running, or undefined while it runs. */
  exited(): string | undefined;
  /** The daemon's last log lines, for failure messages. */
  logTail(): string;
  /** SIGTERM by PID, SIGKILL after a bounded wait; removes its temporary files. */
  stop(): Promise<void>;
}

/** Another process a wait also depends on (the speaker under test): its output and its death. */
export interface Also {
  readonly context: () => string;
  readonly abort: () => string | undefined;
}

function watch(peer: BgpPeer, also?: Also) {
  return {
    context: () => `--- ${peer.name}, last log lines ---\n${peer.logTail()}${also ? `\n${also.context()}` : ''}`,
    abort: () => peer.exited() ?? also?.abort(),
  };
}

export async function waitEstablished(peer: BgpPeer, timeoutMs: number, also?: Also): Promise<void> {
  await pollUntil(`${peer.name} to report the session Established`, async () => ((await peer.isEstablished()) ? true : undefined), {
    timeoutMs,
    intervalMs: 250,
    ...watch(peer, also),
  });
}

export function waitForRoute(peer: BgpPeer, prefix: string, timeoutMs: number, also?: Also): Promise<Route> {
  return pollUntil(
    `${peer.name} to hold ${prefix} from its neighbor`,
    async () => (await peer.receivedRoutes()).find((r) => r.prefix === prefix),
    { timeoutMs, intervalMs: 250, ...watch(peer) },
  );
}

export async function waitForRouteGone(peer: BgpPeer, prefix: string, timeoutMs: number, also?: Also): Promise<void> {
  await pollUntil(
    `${peer.name} to no longer hold ${prefix}`,
    async () => ((await peer.receivedRoutes()).some((r) => r.prefix === prefix) ? undefined : true),
    { timeoutMs, intervalMs: 250, ...watch(peer) },
  );
}

/** Resolves with the daemon's words for the Cease it received, once it also reports the session down. */
export function waitForCease(peer: BgpPeer, timeoutMs: number, also?: Also): Promise<string> {
  return pollUntil(
    `${peer.name} to report the session closed by a Cease NOTIFICATION`,
    async () => {
      const cease = await peer.receivedCease();
      return cease !== undefined && !(await peer.isEstablished()) ? cease : undefined;
    },
    { timeoutMs, intervalMs: 250, ...watch(peer) },
  );
}

/** Waits until a just-started peer is ready; one that never gets there is stopped before the error goes on. */
export async function whenReady<P extends BgpPeer & { ready(): Promise<void> }>(peer: P): Promise<P> {
  try {
    await peer.ready();
  } catch (err) {
    await peer.stop();
    throw err;
  }
  return peer;
}
