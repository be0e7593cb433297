/**
 * Sends Adj-RIB-Out groups as packed UPDATEs with socket backpressure: UPDATEs are packed into
 * ~64 KB chunks as the socket takes them, and the chunks written through pacedWrites()
 * (paced-writes.ts), which waits for 'drain' when the kernel buffer is full instead of queueing
 * (DESIGN.md: never let a queue grow without bound) and yields to the event loop between chunks so
 * keepalives and the hold timer keep running during a full-table send.
 */
import { map, of, type ObservableInput, type SchedulerLike } from 'rxjs';
import { Afi } from '../wire/iana';
import type { Announced, CodecContext, Family, PathAttributes } from '../wire/types';
import { formatIpv4Packed, nlriCount, packedIpv4Of } from '../wire/nlri/packed-ipv4';
import { copyNlri } from '../wire/nlri/copy-nlri';
import { familyKey } from '../wire/types';
import { packUpdates } from '../wire/update-pack';
import { encodeMessage } from '../wire/message';
import { endOfRibMessage } from '../wire/end-of-rib';
import { outgoingAttributes } from './outgoing-attributes';
import { eventLoopScheduler, turn } from './event-loop-scheduler';
import { pacedWrites, type Chunk } from './paced-writes';

/**
 * Prefixes of one family to withdraw, as the neighbor's Adj-RIB-Out hands them over (lib/rib's
 * OutWithdraw has this shape): IPv4 unicast packed as numbers (lib/wire/nlri/packed-ipv4.ts), other
 * families' values attached (lib/wire/nlri/copy-nlri.ts), `prefixes` their text otherwise.
 */
export interface SendWithdraw {
  readonly afi: number;
  readonly safi: number;
  readonly prefixes: string[];
  readonly pathIds?: number[];
}

/** Prefixes of one family sharing an attribute set and a next hop ("self": our address on the session), as lib/rib's OutGroup. */
export interface SendGroup extends SendWithdraw {
  readonly nextHop: string;
  readonly attributes: PathAttributes;
}

/** What changed in the routes a session sends (lib/rib's RibOutChange): sent while the session is up. */
export interface SendChange {
  readonly withdraw: readonly SendWithdraw[];
  readonly announce: readonly SendGroup[];
}

export interface SendTarget {
  /** Writes bytes; false: the kernel buffer is full, the send waits for drained(). */
  write(bytes: Buffer): boolean;
  /** Completes (or emits, or resolves) once the socket drained its write buffer or closed. */
  drained(): ObservableInput<unknown>;
  /** False once the session this send belongs to went away: the send stops. */
  alive(): boolean;
  /** Called after each chunk is written (restarts the keepalive timer: RFC 4271 §4.4). */
  wrote(): void;
  /**
   * Called after each chunk is written with the UPDATE messages (End-of-RIB included) and prefixes
   * it held: metrics count a long send as it goes, and a send cut short counts what went out.
   */
  counted?(chunk: ChunkCount): void;
  /** When set, called with every UPDATE message written (for "send" events). */
  sent?(message: Buffer): void;
  /**
   * Where the sender yields between chunks (its next turn lets socket reads and timers run): the
   * session's scheduler; eventLoopScheduler (setImmediate) when absent.
   */
  readonly scheduler?: SchedulerLike;
  /** A group or withdrawal that cannot be encoded (say, a next hop of the wrong family): skipped, the rest is sent. */
  refused?(what: string, why: string): void;
}

export interface ChunkCount {
  readonly messages: number;
  readonly announced: number;
  readonly withdrawn: number;
}

export interface SendContext {
  readonly codec: CodecContext;
  readonly maxLength: number;
  readonly localAs: number;
  readonly peerAs: number;
  /** Negotiated families (familyKey); routes of other families are skipped. */
  readonly families: ReadonlySet<number>;
  /**
   * RFC 8950 §4: families (familyKey) the peer takes with an IPv6 next hop (its Extended Next Hop
   * Encoding capability). An IPv4 route with an IPv6 next hop goes only to such a peer.
   */
  readonly extendedNextHop?: ReadonlySet<number>;
  /** What next hop "self" means per address family. */
  readonly selfIpv4?: string;
  readonly selfIpv6?: string;
}

export interface SendResult {
  /** Prefixes announced and withdrawn. */
  readonly prefixes: number;
  /** Of which withdrawn. */
  readonly withdrawn: number;
  readonly messages: number;
  /** Prefixes of groups skipped because their family was not negotiated, by familyKey. */
  readonly skipped: ReadonlyMap<number, number>;
  /** Groups and withdrawals that could not be encoded, skipped (SendTarget.refused says which). */
  readonly refused: number;
}

const CHUNK_BYTES = 64 * 1024;

/** One chunk for the socket: its bytes and what they hold (SendTarget.counted). */
interface SentChunk extends Chunk {
  readonly count: ChunkCount;
}

/** What a send did so far: the chunks' generator counts, sendRoutes reports. */
interface Tally {
  prefixes: number;
  withdrawn: number;
  messages: number;
  refused: number;
  readonly skipped: Map<number, number>;
}

/**
 * Sends withdrawals, then groups, then End-of-RIBs: the UPDATEs packed into ~64 KB chunks as the
 * socket takes them (pacedWrites). Resolves when the send is over or stopped (`alive()` false).
 */
export function sendRoutes(
  target: SendTarget,
  ctx: SendContext,
  withdraws: Iterable<SendWithdraw>,
  groups: Iterable<SendGroup>,
  endOfRib: readonly Family[] = [],
  yieldFirst = true,
): Promise<SendResult> {
  const turns = target.scheduler ?? eventLoopScheduler;
  const tally: Tally = { prefixes: 0, withdrawn: 0, messages: 0, refused: 0, skipped: new Map() };
  const chunks = packChunks(target, ctx, withdraws, groups, endOfRib, tally);
  // Let the caller finish the step that started us before the first write (the first send of a
  // session, started by the step that established it). A change on a session already up (one
  // helper line: one rule) goes out at once, before sendRoutes returns: the first chunk is pulled
  // and written as the send is subscribed, so its latency, the figure users meet, holds no
  // microtask hop in which other work (a helper's ack) could be written first.
  const start$ = yieldFirst ? turn(turns) : of(undefined);
  return new Promise<SendResult>((resolve, reject) => {
    start$
      .pipe(
        map(() => chunks),
        pacedWrites<SentChunk>(target, turns),
      )
      .subscribe({
        next: (chunk) => {
          target.wrote();
          target.counted?.(chunk.count);
        },
        error: reject,
        complete: () => resolve({ prefixes: tally.prefixes, withdrawn: tally.withdrawn, messages: tally.messages, skipped: tally.skipped, refused: tally.refused }),
      });
  });
}

/**
 * The send's chunks, packed as they are pulled: a chunk is cut once it holds 64 KB, so at most one
 * chunk's UPDATEs wait for the socket. A group whose chunk was never pulled (the send stopped) is
 * not counted in `tally`.
 */
function* packChunks(
  target: SendTarget,
  ctx: SendContext,
  withdraws: Iterable<SendWithdraw>,
  groups: Iterable<SendGroup>,
  endOfRib: readonly Family[],
  tally: Tally,
): Generator<SentChunk, void, undefined> {
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  /** What `pending` holds, for target.counted. */
  let pendingCount = { messages: 0, announced: 0, withdrawn: 0 };
  /** The prefixes of each message of the group being pushed (packUpdates fills it). */
  const counts: number[] = [];
  /** The UPDATEs of one group, or undefined when it cannot be encoded: one bad group does not stop the send. */
  const pack = (what: () => string, make: () => Buffer[]): Buffer[] | undefined => {
    try {
      return make();
    } catch (e) {
      tally.refused++;
      target.refused?.(what(), e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };
  /** The chunk queued so far, and a fresh one started. */
  const take = (): SentChunk => {
    const bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    const chunk = { bytes, count: pendingCount };
    pending.length = 0;
    pendingBytes = 0;
    pendingCount = { messages: 0, announced: 0, withdrawn: 0 };
    return chunk;
  };
  /**
   * Queues msgs[from..] until a 64 KB chunk is full; returns the index of the first message not
   * queued yet once it is (take the chunk first), or -1 when all were queued. `kind` says what the
   * prefixes of `counts` (one entry per message) do. A plain loop, no generator per group: a full
   * table has hundreds of thousands of groups.
   */
  const queue = (msgs: Buffer[], kind: 'announced' | 'withdrawn' | undefined, from: number): number => {
    for (let i = from; i < msgs.length; i++) {
      const m = msgs[i];
      target.sent?.(m);
      pending.push(m);
      pendingBytes += m.length;
      tally.messages++;
      pendingCount.messages++;
      if (kind) pendingCount[kind] += counts[i];
      if (pendingBytes >= CHUNK_BYTES) return i + 1;
    }
    return -1;
  };
  for (const w of withdraws) {
    if (!ctx.families.has(familyKey(w.afi, w.safi))) continue;
    counts.length = 0;
    const msgs = pack(() => `withdrawal of ${describe(w)}`, () => packUpdates({}, undefined, w, ctx.codec, ctx.maxLength, counts));
    if (!msgs) continue;
    for (let next = queue(msgs, 'withdrawn', 0); next >= 0; next = queue(msgs, 'withdrawn', next)) yield take();
    tally.prefixes += nlriCount(w);
    tally.withdrawn += nlriCount(w);
  }
  let lastAttrs: PathAttributes | undefined;
  let lastOut: PathAttributes | undefined;
  for (const g of groups) {
    const fk = familyKey(g.afi, g.safi);
    if (!ctx.families.has(fk)) {
      tally.skipped.set(fk, (tally.skipped.get(fk) ?? 0) + nlriCount(g));
      continue;
    }
    // Route sets yield many chunks sharing one attributes object: complete it once.
    if (g.attributes !== lastAttrs) {
      lastAttrs = g.attributes;
      lastOut = outgoingAttributes(g.attributes, ctx.localAs, ctx.peerAs);
    }
    const nextHop = resolveNextHop(g.nextHop, g.afi, ctx);
    if (nextHop === undefined) continue;
    if (g.afi === Afi.IPV4 && nextHop.includes(':') && !ctx.extendedNextHop?.has(fk)) {
      tally.refused++;
      target.refused?.(`${describe(g)} via ${nextHop}`, 'an IPv6 next hop for IPv4 routes needs the peer to advertise Extended Next Hop Encoding for the family (RFC 8950)');
      continue;
    }
    // The group itself is the NLRI list (packed IPv4 stays packed); only the next hop is resolved here.
    const announced = withNextHop(g, nextHop);
    counts.length = 0;
    const msgs = pack(() => `${describe(g)} via ${nextHop}`, () => packUpdates(lastOut!, announced, undefined, ctx.codec, ctx.maxLength, counts));
    if (!msgs) continue;
    for (let next = queue(msgs, 'announced', 0); next >= 0; next = queue(msgs, 'announced', next)) yield take();
    tally.prefixes += nlriCount(g);
  }
  for (const f of endOfRib) {
    const msgs = [encodeMessage(endOfRibMessage(f), ctx.codec)];
    for (let next = queue(msgs, undefined, 0); next >= 0; next = queue(msgs, undefined, next)) yield take();
  }
  // The rest is the send's last chunk: written, it ends the send without a turn (Chunk.last).
  if (pendingBytes > 0) yield { ...take(), last: true };
}

/** "3 prefixes of afi 1 safi 1 from 10.0.0.0/24" (the first prefix's text only). */
function describe(list: SendWithdraw): string {
  const n = nlriCount(list);
  const packed = packedIpv4Of(list);
  const first = n === 0 ? '' : ` from ${packed ? formatIpv4Packed(packed[0]) : list.prefixes[0]}`;
  return `${n} prefix${n === 1 ? '' : 'es'} of afi ${list.afi} safi ${list.safi}${first}`;
}

/** The group as an Announced list with its next hop resolved, keeping a packed IPv4 list packed. */
function withNextHop(g: SendGroup, nextHop: string): Announced {
  // "" is a family without next hops (FlowSpec, RFC 8955 §4): a zero-length field.
  const head = { afi: g.afi, safi: g.safi, nextHop: nextHop === '' ? [] : [nextHop], ...(g.pathIds ? { pathIds: g.pathIds } : {}) };
  // The NLRI as the group holds them (packed IPv4, a family's values): no text made to send them.
  return copyNlri(head, g);
}

/**
 * "self" is our address on this session; an IPv6 route over IPv4 transport gets the IPv4-mapped form.
 * A family of another AFI (L2VPN: VPLS, RFC 4761 §3.2.2) has the speaker's own address as next hop:
 * the session's address as it is.
 */
export function resolveNextHop(nextHop: string, afi: number, ctx: Pick<SendContext, 'selfIpv4' | 'selfIpv6'>): string | undefined {
  if (nextHop !== 'self') return nextHop;
  if (afi === Afi.IPV4) return ctx.selfIpv4;
  if (afi !== Afi.IPV6) return ctx.selfIpv4 ?? ctx.selfIpv6;
  return ctx.selfIpv6 ?? (ctx.selfIpv4 ? `::ffff:${ctx.selfIpv4}` : undefined);
}
