/**
 * The common prefix filters as ready policies, for speed: `maxPrefixLength`, `rejectPrefixes` and
 * `acceptPrefixes` walk packed IPv4 prefixes in a loop of their own, testing address and length
 * inline, with no function call per prefix. filterRoutes does the same work through a predicate
 * call per route (several ns each on a million prefixes); these are what bogon and too-specific
 * filters should be written with. Other families go through the route cursor.
 *
 * Like every helper, a rejected route becomes a withdrawal, and an untouched batch comes out as
 * the same object.
 */
import { map } from 'rxjs';
import { Afi } from '../wire/iana';
import { INV_LENGTH_SLOTS, LENGTH_SLOTS } from '../wire/nlri/ipv4-prefix';
import { nlriCount, packedIpv4Of, type PackedIpv4 } from '../wire/nlri/packed-ipv4';
import type { Announced, NlriList } from '../wire/types';
import { mergeWithdrawn, pickRoutes } from '../wire/nlri/nlri-lists';
import { PrefixList } from './prefix-list';
import { holdsPrefixes, RouteCursor } from './route-view';
import type { Policy, RouteBatch } from './types';

/** The routes of one list a filter rejects: their indices (ascending) and how many. */
interface Dropped {
  readonly indices: Uint32Array;
  readonly count: number;
}

/** Withdraws routes longer than the limits (IPv4 /24 and IPv6 /48 unless given). */
export function maxPrefixLength(limits: { readonly ipv4?: number; readonly ipv6?: number } = {}): Policy {
  const ipv4 = limits.ipv4 ?? 24;
  const ipv6 = limits.ipv6 ?? 48;
  const cursor = new RouteCursor();
  return map((batch) =>
    splitBatch(batch, (list) => {
      const packed = list.afi === Afi.IPV4 ? packedIpv4Of(list) : undefined;
      return packed ? longerThan(packed, ipv4) : droppedByCursor(list, batch, cursor, (r) => r.length <= (r.afi === Afi.IPV4 ? ipv4 : ipv6));
    }),
  );
}

/** Withdraws the routes a prefix list ("10.0.0.0/8 le 32", ...) matches. */
export function rejectPrefixes(entries: PrefixList | readonly string[]): Policy {
  return byList(entries instanceof PrefixList ? entries : PrefixList.parse(entries), false);
}

/** Keeps only the routes a prefix list matches; the others are withdrawn. */
export function acceptPrefixes(entries: PrefixList | readonly string[]): Policy {
  return byList(entries instanceof PrefixList ? entries : PrefixList.parse(entries), true);
}

function byList(list: PrefixList, keepMatching: boolean): Policy {
  const cursor = new RouteCursor();
  return map((batch) =>
    splitBatch(batch, (nlri) => {
      const packed = nlri.afi === Afi.IPV4 ? packedIpv4Of(nlri) : undefined;
      return packed ? listMismatch(packed, list, keepMatching) : droppedByCursor(nlri, batch, cursor, (r) => list.matches(r) === keepMatching);
    }),
  );
}

// The two packed loops are separate functions on purpose: each call site then sees one kind of
// test, which V8 inlines; one shared loop calling a test object would not be (~2 ns a prefix).

/** Indices of the packed prefixes longer than `max`. */
function longerThan(packed: PackedIpv4, max: number): Dropped | undefined {
  let indices: Uint32Array | undefined;
  let count = 0;
  for (let i = 0; i < packed.length; i++) {
    const p = packed[i];
    // The length is p - 64 * floor(p / 64); p / 64 is below 2^32, so ToUint32 is the floor (and a multiply, not a divide: ipv4-prefix.ts).
    if (p - ((p * INV_LENGTH_SLOTS) >>> 0) * LENGTH_SLOTS > max) (indices ??= new Uint32Array(packed.length))[count++] = i;
  }
  return indices && { indices, count };
}

/** Indices of the packed prefixes whose match against `list` is not `keepMatching`. */
function listMismatch(packed: PackedIpv4, list: PrefixList, keepMatching: boolean): Dropped | undefined {
  let indices: Uint32Array | undefined;
  let count = 0;
  for (let i = 0; i < packed.length; i++) {
    const p = packed[i];
    const address = (p * INV_LENGTH_SLOTS) >>> 0;
    if (list.matchesIpv4(address, p - address * LENGTH_SLOTS) !== keepMatching) (indices ??= new Uint32Array(packed.length))[count++] = i;
  }
  return indices && { indices, count };
}

/** Other families (and IPv4 held as text): through the route cursor. */
function droppedByCursor(list: Announced, batch: RouteBatch, cursor: RouteCursor, keep: (route: RouteCursor) => boolean): Dropped | undefined {
  if (!holdsPrefixes(list)) return undefined;
  const n = nlriCount(list);
  cursor.over(list, batch.attributes);
  let indices: Uint32Array | undefined;
  let count = 0;
  for (let i = 0; i < n; i++) if (!keep(cursor.at(i))) (indices ??= new Uint32Array(n))[count++] = i;
  return indices && { indices, count };
}

/** The batch with the routes `droppedOf` names for each list withdrawn; the same object when none is. */
function splitBatch(batch: RouteBatch, droppedOf: (list: Announced) => Dropped | undefined): RouteBatch {
  let announced: Announced[] | undefined;
  let rejected: NlriList[] | undefined;
  for (let l = 0; l < batch.announced.length; l++) {
    const list = batch.announced[l];
    const dropped = droppedOf(list);
    if (!dropped) {
      announced?.push(list);
      continue;
    }
    announced ??= batch.announced.slice(0, l);
    const kept = complement(dropped.indices, dropped.count, nlriCount(list));
    if (kept.length > 0) announced.push(pickRoutes(list, kept, kept.length, true));
    (rejected ??= []).push(pickRoutes(list, dropped.indices, dropped.count, false));
  }
  if (!rejected) return batch;
  return { ...batch, announced: announced!, withdrawn: mergeWithdrawn(batch.withdrawn, rejected) };
}

/** The indices below n not among the first `count` of `sorted` (ascending). */
function complement(sorted: Uint32Array, count: number, n: number): Uint32Array {
  const out = new Uint32Array(n - count);
  let k = 0;
  let d = 0;
  for (let i = 0; i < n; i++) {
    if (d < count && sorted[d] === i) d++;
    else out[k++] = i;
  }
  return out;
}
