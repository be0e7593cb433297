/**
 * `announce flow route ...` / `withdraw flow route ...` and `announce ipv6 flow ...` (ExaBGP's
 * process-API grammar, lib/families/flowspec/parse-flow-route.ts) as a FamilyRoute: the rule, its
 * canonical text, and the actions as the attributes that carry them (RFC 8955 §7: extended
 * communities; RFC 5701 IPv6 address specific ones for IPv6 redirects), plus any community,
 * large or extended community written beside them.
 */
import { AttrFlag } from '../../wire/iana';
import type { PathAttributes, UnknownAttribute } from '../../wire/types';
import type { FamilyConfigParse, FamilyParse, FamilyRoute, RouteGrammar } from '../family-descriptor';
import {
  decodeFlowConfig,
  encodeFlowConfig,
  formatFlowRuleText,
  IPV6_EXTENDED_COMMUNITY_LENGTH,
  ipv6ExtendedCommunityAt,
  ipv6ExtendedCommunityBytes,
  parseFlowRoute,
  type FlowAfi,
  type FlowRouteActions,
  type FlowRule,
  type FlowSafi,
  type ParsedFlowRoute,
} from '../flowspec';

/** IPV6_EXTENDED_COMMUNITIES, RFC 5701 §2 (optional transitive). lib/wire has no codec for it yet: it travels as an unknown attribute. */
const IPV6_EXTENDED_COMMUNITIES = 25;

export const FLOW_ROUTE_GRAMMAR: RouteGrammar = {
  word: 'flow',
  parse(line, from, family): FamilyParse<FamilyRoute<FlowRule>> {
    const parsed = parseFlowRoute(line, { from, afi: family?.afi as FlowAfi | undefined, safi: family?.safi as FlowSafi | undefined });
    return parsed.ok ? { ok: true, value: familyRoute(parsed.route) } : parsed;
  },
  // The shapes DDoS tools send (FastNetMon's block form, ExaFS's one-line form), one /32 of
  // 198.18.0.0/15 (RFC 2544, benchmarking) per i.
  example(i) {
    const destination = `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 255}.${i & 255}/32`;
    switch (i % 4) {
      case 0:
        return `{ match { destination ${destination}; protocol udp; source-port =53; } then { discard; } }`;
      case 1:
        return `{ match { destination ${destination}; protocol udp; source-port =123; packet-length >=468; } then { rate-limit 9600; } }`;
      case 2:
        return `destination ${destination} protocol [ tcp ] destination-port [ =80 >=8080&<=8088 ] tcp-flags [ syn ] rate-limit 1024`;
      default:
        return `source 192.0.2.${i & 255}/32 destination ${destination} protocol [ udp ] fragment [ is-fragment ] discard`;
    }
  },
  // A neighbor's "flows": [{ "match": { ... }, "then": { ... } }] (lib/families/flowspec/decode-flow-config.ts).
  config: {
    key: 'flows',
    what: 'a FlowSpec rule like { "match": { "destination": "192.0.2.0/24" }, "then": { "discard": true } }',
    list: 'a list of FlowSpec rules',
    decode(value): FamilyConfigParse {
      const parsed = decodeFlowConfig(value);
      return parsed.ok ? { ok: true, value: familyRoute(parsed.route) } : parsed;
    },
    encode(route) {
      return encodeFlowConfig({ family: { afi: route.afi as FlowAfi, safi: route.safi as FlowSafi }, rule: route.nlri as FlowRule, actions: routeActions(route) });
    },
  },
};

function familyRoute(parsed: ParsedFlowRoute): FamilyRoute<FlowRule> {
  const { rule, actions, name } = parsed;
  return new FlowFamilyRoute(parsed.family.afi, parsed.family.safi, rule, actionAttributes(actions), actions.nextHop, name);
}

/**
 * A flow route whose text is printed on first read: the rule travels with its route (FamilyRoute.nlri
 * → RouteSpec.nlri → the Adj-RIB-Out, keyed by the rule's octets), and a helper's flood of rules is
 * stored and sent without any of them being printed unless something lists or reports them.
 */
class FlowFamilyRoute implements FamilyRoute<FlowRule> {
  #printed: string | undefined = undefined;

  constructor(
    readonly afi: FlowAfi,
    readonly safi: FlowSafi,
    readonly nlri: FlowRule,
    readonly attributes: PathAttributes,
    readonly nextHop: string | undefined,
    readonly name: string | undefined,
  ) {}

  get text(): string {
    return (this.#printed ??= formatFlowRuleText(this.nlri, this.afi));
  }
}

/** actionAttributes' inverse: the actions a route's attributes carry. */
function routeActions(route: FamilyRoute): FlowRouteActions {
  const a = route.attributes;
  const out: { -readonly [K in keyof FlowRouteActions]: FlowRouteActions[K] } = {};
  if (a.extendedCommunities?.length) out.extendedCommunities = a.extendedCommunities;
  if (a.communities?.length) out.communities = a.communities;
  if (a.largeCommunities?.length) out.largeCommunities = a.largeCommunities;
  const v6 = a.unknown?.find((u) => u.type === IPV6_EXTENDED_COMMUNITIES);
  if (v6) {
    const values: bigint[] = [];
    for (let at = 0; at + IPV6_EXTENDED_COMMUNITY_LENGTH <= v6.value.length; at += IPV6_EXTENDED_COMMUNITY_LENGTH) values.push(ipv6ExtendedCommunityAt(v6.value, at));
    out.ipv6ExtendedCommunities = values;
  }
  if (route.nextHop) out.nextHop = route.nextHop;
  return out;
}

/**
 * One attributes object per distinct action set: a DDoS tool sends thousands of rules with the
 * same few actions, and the Adj-RIB-Out interns attribute sets by object first (attribute-sets.ts),
 * so rules sharing actions share the object and their set is found without building its key.
 * Complete as every route's are (ORIGIN IGP, empty AS_PATH: RFC 4271 §5.1). Bounded like the rule cache.
 */
const ATTRIBUTES = new Map<string, PathAttributes>();
const MAX_ACTION_SETS = 10_000;

/** The readers share one actions object per single action (parse-flow-fast.ts): found without a key. */
const BY_ACTIONS = new WeakMap<FlowRouteActions, PathAttributes>();

function actionAttributes(actions: FlowRouteActions): PathAttributes {
  const same = BY_ACTIONS.get(actions);
  if (same) return same;
  const made = actionAttributesByKey(actions);
  BY_ACTIONS.set(actions, made);
  return made;
}

function actionAttributesByKey(actions: FlowRouteActions): PathAttributes {
  const key = `${actions.extendedCommunities?.join(',') ?? ''}|${actions.communities?.join(',') ?? ''}|${actions.largeCommunities?.map((c) => c.join(':')).join(',') ?? ''}|${actions.ipv6ExtendedCommunities?.join(',') ?? ''}`;
  const known = ATTRIBUTES.get(key);
  if (known) return known;
  if (ATTRIBUTES.size >= MAX_ACTION_SETS) ATTRIBUTES.clear();
  const made = Object.freeze(newActionAttributes(actions));
  ATTRIBUTES.set(key, made);
  return made;
}

function newActionAttributes(actions: FlowRouteActions): PathAttributes {
  const out: { -readonly [K in keyof PathAttributes]: PathAttributes[K] } = { origin: 0, asPath: [] };
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
