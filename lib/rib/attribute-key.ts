/**
 * A stable string key for a set of path attributes plus next hop, used to intern identical
 * attribute sets (a full table shares a few hundred thousand of them) and to group routes so
 * one encoded attribute set carries as many NLRI as fit (DESIGN.md performance principles).
 *
 * Built field by field rather than with JSON.stringify and a replacer (several times slower, and
 * this runs once per route announced through the API). The last attributes object is remembered:
 * a route set or an `attributes ... nlri` command shares one object among many prefixes. (A WeakMap
 * cache costs more in garbage collection than it saves when most objects are used once.)
 */
import type { AsPathSegment, PathAttributes } from '../wire/types';

let lastAttrs: PathAttributes | undefined;
let lastKey = '';

export function attributeKey(attrs: PathAttributes, nextHop: readonly string[]): string {
  if (attrs !== lastAttrs) {
    lastKey = attributesKey(attrs);
    lastAttrs = attrs;
  }
  const k = lastKey;
  return nextHop.length === 1 ? `${nextHop[0]}|${k}` : `${nextHop.join(',')}|${k}`;
}

function attributesKey(a: PathAttributes): string {
  let k = `${a.origin ?? ''}|${a.asPath ? segments(a.asPath) : '-'}|${a.med ?? ''}|${a.localPref ?? ''}|${a.atomicAggregate ? 1 : ''}`;
  k += `|${a.aggregator ? `${a.aggregator.asn}:${a.aggregator.address}` : ''}|${a.communities ? a.communities.join(',') : '-'}`;
  k += `|${a.originatorId ?? ''}|${a.clusterList ? a.clusterList.join(',') : '-'}|${a.extendedCommunities ? a.extendedCommunities.join(',') : '-'}`;
  k += `|${a.as4Path ? segments(a.as4Path) : '-'}|${a.as4Aggregator ? `${a.as4Aggregator.asn}:${a.as4Aggregator.address}` : ''}`;
  k += `|${a.largeCommunities ? a.largeCommunities.map((c) => c.join(':')).join(',') : '-'}`;
  if (a.unknown?.length) k += `|${a.unknown.map((u) => `${u.flags}:${u.type}:${u.value.toString('hex')}`).join(',')}`;
  return k;
}

function segments(path: readonly AsPathSegment[]): string {
  return path.map((s) => `${s.type}:${s.asns.join(' ')}`).join(';');
}
