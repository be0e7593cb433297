/**
 * The config's lists of routes that have a family grammar of their own (a neighbor's `flows`):
 * each item is decoded by the family (RouteGrammar.config, e.g. lib/families/flow), and a failure
 * is reported at the item's own path plus the family's relative one
 * (`neighbors[0].flows[2].match.destinationPort[1]`), as every config error names where it is.
 */
import * as t from 'io-ts';
import { FAMILY_REGISTRY, type FamilyRoute, type RouteConfigForm } from '../families';
import { isLeft } from 'fp-ts/Either';
import { describeValue } from './config-error';
import { attributeKeys, attributesOf, routeAttributesCodec } from './route-attribute-keys';

/** The codec of one item of the neighbor list under `key`. */
export function grammarRouteCodec(key: string): t.Type<FamilyRoute, unknown, unknown> {
  const form = FAMILY_REGISTRY.configGrammar(key)?.config;
  if (!form) throw new Error(`no registered family reads the config key "${key}"`);
  return new t.Type<FamilyRoute, unknown, unknown>(
    form.what,
    (u): u is FamilyRoute => typeof u === 'object' && u !== null && 'nlri' in u && 'text' in u,
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected ${form.what}, got ${describeValue(u)}`);
      if (!form.attributeKeys) {
        const parsed = form.decode(u);
        return parsed.ok ? t.success(parsed.value) : t.failure(u, [...c, ...relativeContext(parsed.path, u)], parsed.error);
      }
      // The route attributes are read as a route's (nextHop, extendedCommunities, ...), the rest by the family.
      const attributes: Record<string, unknown> = {};
      const own: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(u)) (key in attributeKeys ? attributes : own)[key] = value;
      const parsed = form.decode(own);
      if (!parsed.ok) return t.failure(u, [...c, ...relativeContext(parsed.path, u)], parsed.error);
      const read = routeAttributesCodec.validate(attributes, c);
      if (isLeft(read)) return read;
      const route: FamilyRoute = { ...parsed.value, attributes: { ...parsed.value.attributes, ...attributesOf(read.right) } };
      return t.success(read.right.nextHop === undefined ? route : { ...route, nextHop: read.right.nextHop });
    },
    (route) => (form.attributeKeys ? { ...(form.encode(route) as object), ...attributeKeysOf(route) } : form.encode(route)),
  );
}

/** The config form's codec, for `rxbgp config` output of resolved routes. */
export function grammarConfigForm(key: string): RouteConfigForm | undefined {
  return FAMILY_REGISTRY.configGrammar(key)?.config;
}

/**
 * io-ts context entries for a relative path ("match.destinationPort[1]"): contextPath() prints an
 * entry as an index when the entry before it is an array type.
 */
function relativeContext(path: string, value: unknown): t.ContextEntry[] {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  return parts.map((part, i) => {
    const next = parts[i + 1];
    const type = (next?.startsWith('[') ? { _tag: 'ArrayType', name: 'array' } : { _tag: 'InterfaceType', name: 'object' }) as unknown as t.Decoder<unknown, unknown>;
    return { key: part.startsWith('[') ? part.slice(1, -1) : part, type, actual: value };
  });
}

/** The config keys of a grammar route's attributes and next hop (attributesOf's inverse, for output). */
function attributeKeysOf(route: FamilyRoute): Record<string, unknown> {
  const a = route.attributes;
  const out: Record<string, unknown> = {};
  if (route.nextHop !== undefined) out.nextHop = route.nextHop;
  if (a.origin !== undefined && a.origin !== 0) out.origin = attributeKeys.origin.encode(a.origin);
  const asns = a.asPath?.flatMap((s) => s.asns) ?? [];
  if (asns.length > 0) out.asPath = asns;
  if (a.med !== undefined) out.med = a.med;
  if (a.localPref !== undefined) out.localPref = a.localPref;
  if (a.communities?.length) out.communities = attributeKeys.communities.encode([...a.communities]);
  if (a.largeCommunities?.length) out.largeCommunities = attributeKeys.largeCommunities.encode(a.largeCommunities.map((c) => [...c] as [number, number, number]));
  if (a.extendedCommunities?.length) out.extendedCommunities = attributeKeys.extendedCommunities.encode([...a.extendedCommunities]);
  if (a.atomicAggregate) out.atomicAggregate = true;
  if (a.aggregator) out.aggregator = attributeKeys.aggregator.encode(a.aggregator);
  if (a.originatorId) out.originatorId = a.originatorId;
  if (a.clusterList?.length) out.clusterList = a.clusterList;
  return out;
}
