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

/**
 * The last few attributes objects and their keys: besides one object shared by many prefixes, a
 * helper's rules often cycle through a few shared objects (FlowSpec action sets, interned by the
 * flow family), which one slot would miss every time. Four compares cost nothing on a miss.
 */
const SLOTS = 4;
const lastAttrs: Array<PathAttributes | undefined> = new Array<PathAttributes | undefined>(SLOTS).fill(undefined);
const lastKeys: string[] = new Array<string>(SLOTS).fill('');
let nextSlot = 0;

function keyOfAttributes(attrs: PathAttributes): string {
  for (let i = 0; i < SLOTS; i++) if (lastAttrs[i] === attrs) return lastKeys[i];
  const key = attributesKey(attrs);
  lastAttrs[nextSlot] = attrs;
  lastKeys[nextSlot] = key;
  nextSlot = (nextSlot + 1) % SLOTS;
  return key;
}

export function attributeKey(attrs: PathAttributes, nextHop: readonly string[]): string {
  const k = keyOfAttributes(attrs);
  return nextHop.length === 1 ? `${nextHop[0]}|${k}` : `${nextHop.join(',')}|${k}`;
}

function attributesKey(a: PathAttributes): string {
  let k = `${a.origin ?? ''}|${a.asPath ? segments(a.asPath) : '-'}|${a.med ?? ''}|${a.localPref ?? ''}|${a.atomicAggregate ? 1 : ''}`;
  k += `|${a.aggregator ? `${a.aggregator.asn}:${a.aggregator.address}` : ''}|${a.communities ? a.communities.join(',') : '-'}`;
  k += `|${a.originatorId ?? ''}|${a.clusterList ? a.clusterList.join(',') : '-'}|${a.extendedCommunities ? a.extendedCommunities.join(',') : '-'}`;
  k += `|${a.as4Path ? segments(a.as4Path) : '-'}|${a.as4Aggregator ? `${a.as4Aggregator.asn}:${a.as4Aggregator.address}` : ''}`;
  k += `|${a.largeCommunities ? a.largeCommunities.map((c) => c.join(':')).join(',') : '-'}`;
  if (a.aigp !== undefined) k += `|aigp:${a.aigp}`;
  // Rare and small: its JSON (a Buffer prints as its octets) is key enough.
  if (a.prefixSid?.length) k += `|sid:${JSON.stringify(a.prefixSid)}`;
  if (a.unknown?.length) k += `|${a.unknown.map((u) => `${u.flags}:${u.type}:${u.value.toString('hex')}`).join(',')}`;
  return k;
}

function segments(path: readonly AsPathSegment[]): string {
  return path.map((s) => `${s.type}:${s.asns.join(' ')}`).join(';');
}
