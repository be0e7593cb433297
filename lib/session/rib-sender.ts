/**
 * Sends Adj-RIB-Out groups as packed UPDATEs with socket backpressure: writes are batched into
 * ~64 KB chunks, and when the kernel buffer is full the sender waits for 'drain' instead of queueing
 * (DESIGN.md: never let a queue grow without bound). It yields to the event loop between chunks so
 * keepalives and the hold timer keep running during a full-table send.
 */
import type { SchedulerLike } from 'rxjs';
import type { OutGroup, OutWithdraw } from '../rib/adj-rib-out';
import { Afi } from '../wire/iana';
import type { Announced, CodecContext, Family, PathAttributes } from '../wire/types';
import { formatIpv4Packed, nlriCount, packedIpv4Of } from '../wire/nlri/packed-ipv4';
import { copyNlri } from '../wire/nlri/copy-nlri';
import { familyKey } from '../wire/types';
import { packUpdates } from '../wire/update-pack';
import { encodeMessage } from '../wire/message';
import { endOfRibMessage } from '../wire/end-of-rib';
import { outgoingAttributes } from './outgoing-attributes';
import { eventLoopScheduler, nextTurn } from './event-loop-scheduler';

export interface SendTarget {
  write(bytes: Buffer): boolean;
  drained(): Promise<void>;
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

export async function sendRoutes(
  target: SendTarget,
  ctx: SendContext,
  withdraws: Iterable<OutWithdraw>,
  groups: Iterable<OutGroup>,
  endOfRib: readonly Family[] = [],
  yieldFirst = true,
): Promise<SendResult> {
  const turns = target.scheduler ?? eventLoopScheduler;
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  /** What `pending` holds, for target.counted. */
  let pendingCount = { messages: 0, announced: 0, withdrawn: 0 };
  /** The prefixes of each message of the group being pushed (packUpdates fills it). */
  const counts: number[] = [];
  let prefixes = 0;
  let messages = 0;
  let refused = 0;
  let withdrawn = 0;
  const skipped = new Map<number, number>();
  /** The UPDATEs of one group, or undefined when it cannot be encoded: one bad group does not stop the send. */
  const pack = (what: () => string, make: () => Buffer[]): Buffer[] | undefined => {
    try {
      return make();
    } catch (e) {
      refused++;
      target.refused?.(what(), e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };

  const flush = async (): Promise<boolean> => {
    if (!target.alive()) return false;
    if (pendingBytes === 0) return true;
    const ok = target.write(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    pending.length = 0;
    pendingBytes = 0;
    target.wrote();
    target.counted?.(pendingCount);
    pendingCount = { messages: 0, announced: 0, withdrawn: 0 };
    if (!ok) await target.drained();
    else await nextTurn(turns);
    return target.alive();
  };
  /**
   * Queues msgs[from..] until a 64 KB chunk is full; returns the index of the first message not
   * queued yet once it is (flush it first), or -1 when all were queued. `kind` says what the
   * prefixes of `counts` (one entry per message) do.
   */
  const queue = (msgs: Buffer[], kind: 'announced' | 'withdrawn' | undefined, from: number): number => {
    for (let i = from; i < msgs.length; i++) {
      const m = msgs[i];
      target.sent?.(m);
      pending.push(m);
      pendingBytes += m.length;
      messages++;
      pendingCount.messages++;
      if (kind) pendingCount[kind] += counts[i];
      if (pendingBytes >= CHUNK_BYTES) return i + 1;
    }
    return -1;
  };
  /**
   * Queues messages for the socket: true, synchronously, when no chunk filled up on the way,
   * otherwise a promise of whether the send goes on. Callers await only that promise, so a small
   * change (one helper line) reaches flush(), and the socket, in the same tick as sendRoutes' call.
   */
  const push = (msgs: Buffer[], kind?: 'announced' | 'withdrawn'): true | Promise<boolean> => {
    const next = queue(msgs, kind, 0);
    return next < 0 ? true : pushRest(msgs, next, kind);
  };
  /** push() past a full chunk: flushes each (waiting for 'drain' or the next event loop turn) and queues on. */
  const pushRest = async (msgs: Buffer[], next: number, kind: 'announced' | 'withdrawn' | undefined): Promise<boolean> => {
    while (next >= 0) {
      if (!(await flush())) return false;
      next = queue(msgs, kind, next);
    }
    return true;
  };
  // Let the caller finish the step that started us before the first write (the first send of a
  // session, started by the step that established it). A change on a session already up (one
  // helper line: one rule) goes out at once, before sendRoutes returns: no await comes before the
  // first write unless a 64 KB chunk fills (push), so its latency, the figure users meet, holds no
  // microtask hop in which other work (a helper's ack) could be written first.
  if (yieldFirst) await nextTurn(turns);
  for (const w of withdraws) {
    if (!ctx.families.has(familyKey(w.afi, w.safi))) continue;
    counts.length = 0;
    const msgs = pack(() => `withdrawal of ${describe(w)}`, () => packUpdates({}, undefined, w, ctx.codec, ctx.maxLength, counts));
    if (!msgs) continue;
    const pushed = push(msgs, 'withdrawn');
    if (pushed !== true && !(await pushed)) return done();
    prefixes += nlriCount(w);
    withdrawn += nlriCount(w);
  }
  let lastAttrs: PathAttributes | undefined;
  let lastOut: PathAttributes | undefined;
  for (const g of groups) {
    const fk = familyKey(g.afi, g.safi);
    if (!ctx.families.has(fk)) {
      skipped.set(fk, (skipped.get(fk) ?? 0) + nlriCount(g));
      continue;
    }
    // Route sets yield many chunks sharing one attributes object: complete it once.
    if (g.attributes !== lastAttrs) {
      lastAttrs = g.attributes;
      lastOut = outgoingAttributes(g.attributes, ctx.localAs, ctx.peerAs);
    }
    const nextHop = resolveNextHop(g.nextHop, g.afi, ctx);
    if (nextHop === undefined) continue;
    // The group itself is the NLRI list (packed IPv4 stays packed); only the next hop is resolved here.
    const announced = withNextHop(g, nextHop);
    counts.length = 0;
    const msgs = pack(() => `${describe(g)} via ${nextHop}`, () => packUpdates(lastOut!, announced, undefined, ctx.codec, ctx.maxLength, counts));
    if (!msgs) continue;
    const pushed = push(msgs, 'announced');
    if (pushed !== true && !(await pushed)) return done();
    prefixes += nlriCount(g);
  }
  for (const f of endOfRib) {
    const pushed = push([encodeMessage(endOfRibMessage(f), ctx.codec)]);
    if (pushed !== true && !(await pushed)) return done();
  }
  await flush();
  return done();

  function done(): SendResult {
    return { prefixes, withdrawn, messages, skipped, refused };
  }
}

/** "3 prefixes of afi 1 safi 1 from 10.0.0.0/24" (the first prefix's text only). */
function describe(list: OutGroup | OutWithdraw): string {
  const n = nlriCount(list);
  const packed = packedIpv4Of(list);
  const first = n === 0 ? '' : ` from ${packed ? formatIpv4Packed(packed[0]) : list.prefixes[0]}`;
  return `${n} prefix${n === 1 ? '' : 'es'} of afi ${list.afi} safi ${list.safi}${first}`;
}

/** The group as an Announced list with its next hop resolved, keeping a packed IPv4 list packed. */
function withNextHop(g: OutGroup, nextHop: string): Announced {
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
