/** Turns parsed prefixes and one RouteDraft into RouteSpecs (shared by `route` and `attributes ... nlri`). */
import { FAMILY_REGISTRY, type AnyFamily } from '../../families';
import { Afi, Safi } from '../../wire/iana';
import { parseIpv4PrefixPacked } from '../../wire/nlri/ipv4-prefix';
import type { RoutePrefix } from './address-text';
import { completeAttributes, type RouteDraft } from './route-attributes';
import { MAX_SPLIT_ROUTES, splitPrefix } from './split-prefix';
import type { RouteSpec } from './types';

/** Why the routes could not be built, or the routes. */
export function buildRouteSpecs(prefixes: readonly RoutePrefix[], draft: RouteDraft, announce: boolean): RouteSpec[] | string {
  if (announce && draft.nextHop === undefined) return 'an announced route needs next-hop <address|self>';
  const attributes = completeAttributes(draft.attributes);
  const out: RouteSpec[] = [];
  for (const prefix of prefixes) {
    // Without a next hop, the family's fallback (ExaBGP's withdrawals use 0.0.0.0 / ::); a withdrawal
    // never sends it (RFC 4271 §4.3, RFC 4760 §4).
    const nextHop = draft.nextHop ?? nextHopFallback(prefix.afi);
    const texts = draft.split === undefined ? [prefix.text] : splitPrefix(prefix, draft.split);
    if (typeof texts === 'string') return texts;
    if (out.length + texts.length > MAX_SPLIT_ROUTES) return `the command makes more than ${MAX_SPLIT_ROUTES} routes`;
    if (draft.split === undefined && prefix.afi === Afi.IPV4) out.push(routeSpec(prefix.afi, prefix.text, nextHop, attributes, draft, prefix.v4 * 64 + prefix.length));
    else for (const text of texts) out.push(routeSpec(prefix.afi, text, nextHop, attributes, draft, prefix.afi === Afi.IPV4 ? parseIpv4PrefixPacked(text) : -1));
  }
  return out;
}

/**
 * The route of a family read with its own words (FamilyDescriptor.routeQualifiers): the NLRI value
 * travels with its canonical text, so later layers need not parse it again.
 */
export function buildFamilyRouteSpec(family: AnyFamily, nlri: unknown, draft: RouteDraft, announce: boolean): RouteSpec | string {
  if (announce && draft.nextHop === undefined) return `an announced ${family.name} route needs next-hop <address|self>`;
  const nextHop = draft.nextHop ?? family.nextHop.fallback ?? nextHopFallback(family.afi);
  if (nextHop !== 'self') {
    const wrong = family.nextHop.check([nextHop]);
    if (wrong) return `${family.name}: ${wrong}`;
  }
  const spec: { -readonly [K in keyof RouteSpec]: RouteSpec[K] } = { afi: family.afi, safi: family.safi, prefix: family.formatText(nlri), nlri, nextHop, attributes: completeAttributes(draft.attributes) };
  if (draft.pathId !== undefined) spec.pathId = draft.pathId;
  if (draft.watchdog !== undefined) spec.watchdog = draft.watchdog;
  if (draft.name !== undefined) spec.name = draft.name;
  return spec;
}

function nextHopFallback(afi: number): string {
  const fallback = FAMILY_REGISTRY.get(afi, Safi.UNICAST)?.nextHop.fallback;
  if (fallback === undefined) throw new Error(`no next-hop fallback for AFI ${afi} / SAFI ${Safi.UNICAST}`);
  return fallback;
}

function routeSpec(afi: number, prefix: string, nextHop: string, attributes: RouteSpec['attributes'], draft: RouteDraft, packed: number): RouteSpec {
  const spec: { -readonly [K in keyof RouteSpec]: RouteSpec[K] } =
    packed >= 0 ? { afi, safi: Safi.UNICAST, prefix, packed, nextHop, attributes } : { afi, safi: Safi.UNICAST, prefix, nextHop, attributes };
  if (draft.pathId !== undefined) spec.pathId = draft.pathId;
  if (draft.watchdog !== undefined) spec.watchdog = draft.watchdog;
  if (draft.name !== undefined) spec.name = draft.name;
  return spec;
}
