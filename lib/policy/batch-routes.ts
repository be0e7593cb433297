/**
 * Between the Adj-RIB-Out's groups and policy batches: what rxbgp wants to announce goes through
 * export policies as batches (one per group or withdrawal list), and what comes out is stored
 * route by route in the post-policy Adj-RIB-Out (lib/neighbor/export-pipeline.ts).
 */
import { FAMILY_REGISTRY } from '../families';
import type { OutGroup, OutRoute, OutWithdraw } from '../rib/adj-rib-out';
import { Afi } from '../wire/iana';
import { attachPackedIpv4, formatIpv4Packed, nlriCount, packedIpv4Of } from '../wire/nlri/packed-ipv4';
import type { NlriList } from '../wire/types';
import type { RouteBatch } from './types';

/** A group as a batch: its next hop ("self" included, resolved per session when sent) as the list's. */
export function groupBatch(g: OutGroup): RouteBatch {
  // "" is a family without next hops (FlowSpec, RFC 8955 §4): an empty next-hop list.
  const head = { afi: g.afi, safi: g.safi, nextHop: g.nextHop === '' ? [] : [g.nextHop], ...(g.pathIds ? { pathIds: g.pathIds } : {}) };
  const packed = packedIpv4Of(g);
  const list = packed ? attachPackedIpv4(head, packed) : { ...head, prefixes: g.prefixes };
  return { type: 'update', withdrawn: [], attributes: g.attributes, announced: [list] };
}

export function withdrawBatch(w: OutWithdraw): RouteBatch {
  return { type: 'update', withdrawn: [w], attributes: {}, announced: [] };
}

/** The batch's announcements as Adj-RIB-Out routes (IPv4 with its packed form when it has one). */
export function announcedRoutes(batch: RouteBatch): OutRoute[] {
  const out: OutRoute[] = [];
  for (const list of batch.announced) {
    const nextHop = list.nextHop[0] ?? defaultNextHop(list.afi, list.safi);
    forEachRoute(list, (prefix, packed, pathId) => {
      const r: { -readonly [K in keyof OutRoute]: OutRoute[K] } = { afi: list.afi, safi: list.safi, prefix, nextHop, attributes: batch.attributes };
      if (packed !== undefined) r.packed = packed;
      if (pathId !== undefined) r.pathId = pathId;
      out.push(r);
    });
  }
  return out;
}

/** The batch's withdrawals as Adj-RIB-Out route keys. */
export function withdrawnRoutes(batch: RouteBatch): Array<Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId' | 'packed'>> {
  const out: Array<Pick<OutRoute, 'afi' | 'safi' | 'prefix' | 'pathId' | 'packed'>> = [];
  for (const list of batch.withdrawn) {
    forEachRoute(list, (prefix, packed, pathId) => {
      const r: { -readonly [K in keyof OutRoute]?: OutRoute[K] } & Pick<OutRoute, 'afi' | 'safi' | 'prefix'> = { afi: list.afi, safi: list.safi, prefix };
      if (packed !== undefined) r.packed = packed;
      if (pathId !== undefined) r.pathId = pathId;
      out.push(r);
    });
  }
  return out;
}

/** A list with no next hop: none for a family without next hops (""), else the session's own address. */
function defaultNextHop(afi: number, safi: number): string {
  return FAMILY_REGISTRY.get(afi, safi)?.nextHop.form === 'none' ? '' : 'self';
}

function forEachRoute(list: NlriList, visit: (prefix: string, packed: number | undefined, pathId: number | undefined) => void): void {
  const packed = list.afi === Afi.IPV4 ? packedIpv4Of(list) : undefined;
  const n = nlriCount(list);
  for (let i = 0; i < n; i++) {
    if (packed) visit(formatIpv4Packed(packed[i]), packed[i], list.pathIds?.[i]);
    else visit(list.prefixes[i], undefined, list.pathIds?.[i]);
  }
}
