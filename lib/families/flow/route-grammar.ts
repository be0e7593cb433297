/**
 * `announce flow route ...` / `withdraw flow route ...` and `announce ipv6 flow ...` (ExaBGP's
 * process-API grammar, lib/families/flowspec/parse-flow-route.ts) as a FamilyRoute: the rule, its
 * canonical text, and the actions as the attributes that carry them (RFC 8955 §7: extended
 * communities; RFC 5701 IPv6 address specific ones for IPv6 redirects), plus any community,
 * large or extended community written beside them.
 */
import { AttrFlag } from '../../wire/iana';
import type { PathAttributes, UnknownAttribute } from '../../wire/types';
import type { FamilyParse, FamilyRoute, RouteGrammar } from '../family-descriptor';
import { formatFlowRuleText, ipv6ExtendedCommunityBytes, parseFlowRoute, type FlowAfi, type FlowRouteActions, type FlowRule, type FlowSafi } from '../flowspec';
import { rememberFlowRule } from './rule-cache';

/** IPV6_EXTENDED_COMMUNITIES, RFC 5701 §2 (optional transitive). lib/wire has no codec for it yet: it travels as an unknown attribute. */
const IPV6_EXTENDED_COMMUNITIES = 25;

export const FLOW_ROUTE_GRAMMAR: RouteGrammar = {
  word: 'flow',
  parse(line, from, family): FamilyParse<FamilyRoute<FlowRule>> {
    const parsed = parseFlowRoute(line, { from, afi: family?.afi as FlowAfi | undefined, safi: family?.safi as FlowSafi | undefined });
    if (!parsed.ok) return parsed;
    const { rule, actions, name } = parsed.route;
    const { afi, safi } = parsed.route.family;
    const text = formatFlowRuleText(rule, afi);
    rememberFlowRule(text, rule, afi);
    const route: { -readonly [K in keyof FamilyRoute<FlowRule>]: FamilyRoute<FlowRule>[K] } = { afi, safi, nlri: rule, text, attributes: actionAttributes(actions) };
    if (actions.nextHop !== undefined) route.nextHop = actions.nextHop;
    if (name !== undefined) route.name = name;
    return { ok: true, value: route };
  },
};

function actionAttributes(actions: FlowRouteActions): PathAttributes {
  const out: { -readonly [K in keyof PathAttributes]: PathAttributes[K] } = {};
  if (actions.extendedCommunities) out.extendedCommunities = actions.extendedCommunities;
  if (actions.communities) out.communities = actions.communities;
  if (actions.largeCommunities) out.largeCommunities = actions.largeCommunities;
  if (actions.ipv6ExtendedCommunities) out.unknown = [ipv6ExtendedCommunities(actions.ipv6ExtendedCommunities)];
  return out;
}

function ipv6ExtendedCommunities(values: readonly bigint[]): UnknownAttribute {
  return {
    flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
    type: IPV6_EXTENDED_COMMUNITIES,
    value: Buffer.concat(values.map(ipv6ExtendedCommunityBytes)),
  };
}
