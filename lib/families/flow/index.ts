/**
 * IPv4 and IPv6 FlowSpec (AFI 1 / 2, SAFI 133; RFC 8955, RFC 8956) and FlowSpec for VPNs (SAFI 134,
 * RFC 8955 §8: each rule behind a route distinguisher) as family descriptors, one parametrized
 * folder for the four. For flow-vpn the RD is part of the rule, its text ("rd 65000:1"), its JSON
 * and its RIB key, so two rules differing only in their RD are different routes.
 * The NLRI value is a FlowRule (lib/families/flowspec); a list's
 * `prefixes` holds each rule's canonical text, ExaBGP's "flow destination-ipv4 …" string, and the
 * decoded rules stay behind it (flowRulesOf), as IPv4 unicast keeps packed numbers. The RIB key is
 * the rule's canonical NLRI value (flowRuleKey): what a peer withdraws.
 *
 * Malformed NLRI (RFC 8955 §4.2, RFC 7606 §2): decodeField never throws for them; the rules that
 * did parse are kept and the run says `malformed`, which the UPDATE decoder turns into
 * treat-as-withdraw, never a session reset.
 *
 * Next hop (RFC 8955 §4): MP_REACH_NLRI carries a zero-length one ('none' form, ExaBGP's
 * "no-nexthop" key); a peer redirecting to an IP next hop (draft-simpson-idr-flowspec-redirect) may put an address there,
 * which is read and printed as ExaBGP does.
 */
import { Afi, Safi } from '../../wire/iana';
import { encodeIpNextHop } from '../../wire/nlri/ip-next-hop';
import type { NlriCodec, NlriSource } from '../../wire/nlri/nlri-codec';
import { attachNlriValues, nlriValuesOf } from '../../wire/nlri/nlri-values';
import { nlriCount } from '../../wire/nlri/packed-ipv4';
import type { Writer } from '../../wire/writer';
import type { FamilyDescriptor, FamilyParse, NextHopRule } from '../family-descriptor';
import { FlowRuleView, type FlowView } from './flow-view';
import {
  decodeFlowNlri,
  encodeFlowRule,
  flowRuleJson,
  flowRuleKey,
  formatFlowRuleText,
  parseFlowRoute,
  type FlowAfi,
  type FlowFamily,
  type FlowRule,
  type FlowSafi,
} from '../flowspec';
import { flowFamilyName } from './family-name';
import { decodeFlowNextHop, flowNextHopLengths } from './next-hop';
import { knownFlowRule, rememberFlowRule } from './rule-cache';
import { flowRuleOfKey } from './rule-of-key';
import { FLOW_ROUTE_GRAMMAR } from './route-grammar';
import { flowValidation } from './validation';

export type { FlowComponentName, FlowPrefixView, FlowView } from './flow-view';

/**
 * The decoded rules behind a list's texts, keyed by the texts' array: the layers above copy a
 * list's head (next hop resolved, path ids added) but keep its `prefixes` array, and the rules stay
 * found through every such copy without parsing a text again.
 */
const RULES = new WeakMap<object, readonly FlowRule[]>();

const NEXT_HOP_RULE: NextHopRule = {
  form: 'none',
  afis: [],
  check: (nextHop) => (nextHop.length === 0 ? undefined : 'a FlowSpec rule has no next hop (RFC 8955 §4)'),
};

export function flowFamily(afi: FlowAfi, safi: FlowSafi = Safi.FLOWSPEC as 133): FamilyDescriptor<FlowRule, FlowView, string> {
  const family: FlowFamily = { afi, safi };
  const name = flowFamilyName(afi, safi);
  const nextHopLengths = flowNextHopLengths(family);

  const textOf = (rule: FlowRule): string => formatFlowRuleText(rule, afi);

  function parseText(text: string): FamilyParse<FlowRule> {
    const body = text.trim().replace(/^flow\s+/, '');
    const parsed = parseFlowRoute(body, { afi, safi: family.safi });
    if (!parsed.ok) return { ok: false, error: parsed.error };
    if (parsed.route.family.afi !== afi) return { ok: false, error: `"${text}" is not an ${name} rule` };
    // RFC 8955 §8: an RD makes a flow-vpn rule (SAFI 134); without one it is a flow rule (133).
    if (parsed.route.family.safi !== safi) return { ok: false, error: `"${text}" has a route distinguisher: it is not an ${name} rule` };
    return { ok: true, value: parsed.route.rule };
  }

  function rulesOf(list: NlriSource): readonly FlowRule[] {
    // A list built from rules whose text is not made yet (attachNlri): read them, not `prefixes`.
    const held = nlriValuesOf(list);
    if (held) return held.values as readonly FlowRule[];
    const known = RULES.get(list.prefixes);
    if (known && known.length === list.prefixes.length) return known;
    const rules = list.prefixes.map((text) => {
      const known = knownFlowRule(text, afi);
      if (known) return known;
      const parsed = parseText(text);
      if (!parsed.ok) throw new Error(`${name}: "${text}" is not a flow rule: ${parsed.error}`);
      rememberFlowRule(text, parsed.value, afi);
      return parsed.value;
    });
    RULES.set(list.prefixes, rules);
    return rules;
  }

  function withRules<T extends object>(target: T, rules: readonly FlowRule[]): T & { prefixes: string[] } {
    const out = Object.assign(target, { prefixes: rules.map(textOf) });
    RULES.set(out.prefixes, rules);
    return out;
  }

  const nextHopOf = (list: NlriSource): string | undefined => (list as { nextHop?: readonly string[] }).nextHop?.[0];

  /** The wire codec; `whole`: IPv6 offsets in the whole-prefix form (a neighbor's "flowspec.ipv6Offset"). */
  const wireCodec = (whole: boolean): NlriCodec => ({
    afi,
    safi,
    name,
    decodeField(target, buf, start, end, addPath) {
      const run = decodeFlowNlri(buf, start, end, family, addPath, whole);
      const out: typeof target & { prefixes: string[]; pathIds?: number[]; malformed?: string } = withRules(target, run.rules);
      if (run.pathIds && run.pathIds.length > 0) out.pathIds = run.pathIds;
      if (run.errors) {
        const first = run.errors[0];
        const more = run.errors.length > 1 ? ` (and ${run.errors.length - 1} more)` : '';
        out.malformed = `malformed ${name} NLRI at offset ${first.offset}: ${first.reason}${more}`;
      }
      return out;
    },
    count: nlriCount,
    encodeRange(w: Writer, list, addPath, from, to, limit) {
      const rules = rulesOf(list);
      for (let i = from; i < to; i++) {
        const mark = w.pos;
        if (addPath) w.u32(list.pathIds?.[i] ?? 0);
        encodeFlowRule(w, rules[i], family, whole);
        if (w.pos > limit) {
          w.pos = mark;
          return i;
        }
      }
      return to;
    },
    decodeNextHop: (buf, start, end) => decodeFlowNextHop(buf, start, end, family),
    encodeNextHop: (w, nextHop) => {
      if (nextHop.length > 0) encodeIpNextHop(w, nextHop, nextHopLengths);
    },
  });
  const wire = wireCodec(false);
  // Only IPv6 rules have offsets: the IPv4 families ignore the option.
  const wholeIpv6Wire = afi === 2 ? wireCodec(true) : wire;

  return {
    afi,
    safi,
    name,
    wire,
    wireWith: (options) => (options.flowIpv6Offset === 'whole-prefix' ? wholeIpv6Wire : wire),

    nlriAt: (list, i) => rulesOf(list)[i],

    ribKeys: (list) => rulesOf(list).map((rule) => flowRuleKey(rule, family)),
    ribKeyKind: 'string',
    ribKey: (rule) => flowRuleKey(rule, family),
    nlriOfKey(key) {
      const rule = flowRuleOfKey(key, family);
      if (typeof rule === 'string') throw new Error(`${name}: RIB key is not a rule: ${rule}`);
      return rule;
    },
    // The texts are printed only if something reads `prefixes` (an event, a listing, a log line).
    attachNlri: (list, rules) => attachNlriValues(list, rules, textOf),
    // Keyed by octets in the Adj-RIB-Out too: a rule read straight to octets is never printed to be stored.
    routeKey(route) {
      if (route.nlri !== undefined) return flowRuleKey(route.nlri as FlowRule, family);
      const known = knownFlowRule(route.prefix, afi);
      if (known) return flowRuleKey(known, family);
      const parsed = parseText(route.prefix);
      return parsed.ok ? flowRuleKey(parsed.value, family) : route.prefix;
    },
    listOfKeys(head, keys) {
      const rules: FlowRule[] = [];
      for (let i = 0; i < keys.length; i++) rules.push(this.nlriOfKey(keys[i]));
      return withRules(head, rules);
    },

    parseText,
    formatText: textOf,

    exabgpJsonItems: (list) => rulesOf(list).map((rule) => flowRuleJson(rule, afi, nextHopOf(list))),
    // The text encoder adds " next-hop X" after each item itself (lib/api/exabgp-text/update.ts), as for every family.
    exabgpTextItems: (list) => rulesOf(list).map((rule) => formatFlowRuleText(rule, afi)),

    decodeConfig(value) {
      if (typeof value !== 'string') return { ok: false, error: `expected an ${name} rule as text, got ${value === null ? 'null' : typeof value}` };
      return parseText(value);
    },
    encodeConfig: textOf,

    nextHop: NEXT_HOP_RULE,
    policyView: (rule) => new FlowRuleView(afi, rule),
    routeGrammar: FLOW_ROUTE_GRAMMAR,
    // RFC 8955 §6: flow rules only; flow-vpn rules are not validated (validation.ts says why).
    ...(safi === Safi.FLOWSPEC ? { validation: flowValidation(afi) } : {}),
  };
}

export const ipv4FlowFamily = flowFamily(Afi.IPV4);
export const ipv6FlowFamily = flowFamily(Afi.IPV6);
export const ipv4FlowVpnFamily = flowFamily(Afi.IPV4, Safi.FLOWSPEC_VPN as 134);
export const ipv6FlowVpnFamily = flowFamily(Afi.IPV6, Safi.FLOWSPEC_VPN as 134);
