/**
 * Taking some routes out of an NLRI list and merging lists of one family, keeping IPv4 prefixes
 * packed when they came packed (lib/wire/nlri/packed-ipv4.ts): what the policy helpers need to
 * split a batch into the routes kept and the routes withdrawn, and the Adj-RIB-In to hand out
 * what it holds.
 */
import { Afi } from '../iana';
import { attachPackedIpv4, nlriCount, packedIpv4Of } from './packed-ipv4';
import type { Announced, NlriList } from '../types';

/** The routes of `list` at `indices` (ascending), as a list of the same family, packed if it was. */
export function pickRoutes<T extends NlriList>(list: T, indices: ArrayLike<number>, count: number, withNextHop: boolean): T {
  const head: { -readonly [K in keyof NlriList]?: NlriList[K] } & { nextHop?: readonly string[] } = { afi: list.afi, safi: list.safi };
  if (withNextHop) head.nextHop = (list as unknown as Announced).nextHop;
  if (list.mp) head.mp = list.mp;
  if (list.pathIds) {
    const ids = new Array<number>(count);
    for (let k = 0; k < count; k++) ids[k] = list.pathIds[indices[k]];
    head.pathIds = ids;
  }
  const packed = list.afi === Afi.IPV4 ? packedIpv4Of(list) : undefined;
  if (packed) {
    const out = new Array<number>(count);
    for (let k = 0; k < count; k++) out[k] = packed[indices[k]];
    return attachPackedIpv4(head, out) as unknown as T;
  }
  const prefixes = new Array<string>(count);
  for (let k = 0; k < count; k++) prefixes[k] = list.prefixes[indices[k]];
  head.prefixes = prefixes;
  return head as unknown as T;
}

/** `lists` with `extra` added, lists of one family (and path-id use, and field) merged into one. */
export function mergeWithdrawn(lists: readonly NlriList[], extra: readonly NlriList[]): NlriList[] {
  const out = [...lists];
  for (const e of extra) {
    if (nlriCount(e) === 0) continue;
    const i = out.findIndex((l) => l.afi === e.afi && l.safi === e.safi && !!l.mp === !!e.mp && !!l.pathIds === !!e.pathIds);
    out[i < 0 ? out.length : i] = i < 0 ? e : concatLists(out[i], e);
  }
  return out;
}

function concatLists(a: NlriList, b: NlriList): NlriList {
  const head: { -readonly [K in keyof NlriList]?: NlriList[K] } = { afi: a.afi, safi: a.safi };
  if (a.mp) head.mp = a.mp;
  if (a.pathIds && b.pathIds) head.pathIds = [...a.pathIds, ...b.pathIds];
  const pa = packedIpv4Of(a);
  const pb = packedIpv4Of(b);
  if (pa && pb) return attachPackedIpv4(head, [...Array.from(pa), ...Array.from(pb)]) as unknown as NlriList;
  head.prefixes = [...a.prefixes, ...b.prefixes];
  return head as NlriList;
}
