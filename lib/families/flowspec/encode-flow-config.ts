/**
 * A flow route back in the JSON config form (for `rxbgp config` output and reload diffs), the
 * inverse of decodeFlowConfig: decodeFlowConfig(encodeFlowConfig(r)) gives r's family, rule and
 * next hop, and the same values in each community list, in the order the config keys are read
 * (config-keys.ts). After one trip both forms are fixed points, lists in the same order, so two
 * configs can be compared by their routes or by their encoded objects.
 *
 * Components are written with the family-neutral keys (destination, source, protocol, dscp) and
 * operator strings as ExaBGP prints them ("=80", ">=8080&<=8088", "=syn+ack"); `family` only when
 * the rule alone would read as another family (an IPv6 rule without an IPv6 prefix or flowLabel).
 * Each FlowSpec action community gets its own key (discard, rateLimit, redirect, mark, ...), any
 * other extended community goes in extendedCommunities ("target:65000:1", or its 16 hex digits).
 *
 * Rules received from a peer can hold what no config can say (an IPv4 DSCP above 63, an RD of an
 * unknown type, an IPv6 redirect in the pre-RFC 0x800b form, a rate with a fraction): those throw
 * an Error naming the value, instead of writing a config that reads back as another rule.
 */
import { flowActionCommunity, flowActionOf, type FlowAction } from './actions';
import { FLOW_CONFIG_FAMILIES, MATCH_CONFIG_KEYS, THEN_CONFIG_KEYS, type FlowConfig, type FlowConfigFamily, type FlowConfigValue } from './config-keys';
import { FlowComponentType } from './component-types';
import { bitmaskOpText, numericOpText } from './format-ops';
import { MATCH_KEYWORDS } from './flow-keywords';
import { flowIpv6ActionCommunity, flowIpv6ActionOf } from './ipv6-actions';
import { extendedCommunityOfWord } from './parse-communities';
import type { ParsedFlowRoute } from './parse-flow-route';
import { formatRouteDistinguisher, parseRouteDistinguisher } from '../route-distinguisher';
import type { FlowAfi, FlowComponent, RouteDistinguisher } from './types';

export type FlowConfigSource = Pick<ParsedFlowRoute, 'family' | 'rule' | 'actions'>;

/**
 * Config key of each component type: the first key of config-keys.ts for it, the family-neutral
 * one (destination, not destinationIpv6; protocol, not nextHeader; dscp, not trafficClass).
 */
const MATCH_KEY = new Map<number, string>();
for (const key of MATCH_CONFIG_KEYS) {
  const type = MATCH_KEYWORDS.get(key.keyword)!.type;
  if (!MATCH_KEY.has(type)) MATCH_KEY.set(type, key.key);
}

const DSCP_MAX = 0x3f;
const MAX_RATE = 1e12;

type Values = Record<string, Array<string | number>>;

export function encodeFlowConfig(route: FlowConfigSource): FlowConfig {
  const { family, rule, actions } = route;
  const match: Record<string, FlowConfigValue> = {};
  for (const component of rule.components) {
    const [key, value] = componentEntry(component, family.afi);
    match[key] = value;
  }

  const then: Values = {};
  const flags: Record<string, true> = {};
  const add = (key: string, value: string | number): void => {
    (then[key] ??= []).push(value);
  };
  let nextHopCarried = false;
  for (const value of actions.extendedCommunities ?? []) {
    const action = flowActionOf(value);
    const entry = action && actionEntry(action, value, actions.nextHop);
    if (entry === 'redirectToNextHop' || entry === 'discard') flags[entry] = true;
    else if (entry) {
      add(entry[0], entry[1]);
      if (entry[0] === 'copy') nextHopCarried = true;
    } else add('extendedCommunities', extendedCommunityText(value));
  }
  for (const value of actions.ipv6ExtendedCommunities ?? []) {
    const [key, text] = ipv6ActionEntry(value);
    add(key, text);
  }
  for (const value of actions.communities ?? []) add('communities', `${Math.floor(value / 0x10000)}:${value & 0xffff}`);
  for (const [global, local1, local2] of actions.largeCommunities ?? []) add('largeCommunities', `${global}:${local1}:${local2}`);

  const out: { -readonly [K in keyof FlowConfig]: FlowConfig[K] } = { match };
  const named = familyName(family.afi, rule.rd !== undefined);
  if (family.afi === 2 && !readsAsIpv6(match)) out.family = named;
  if (rule.rd) out.rd = rdText(rule.rd);
  if (actions.nextHop !== undefined && !nextHopCarried) out.nextHop = actions.nextHop;
  const thenOut = thenObject(then, flags);
  if (thenOut) out.then = thenOut;
  // Key order as a person writes it: family, rd, nextHop, match, then.
  return Object.fromEntries(['family', 'rd', 'nextHop', 'match', 'then'].filter((k) => k in out).map((k) => [k, out[k as keyof FlowConfig]])) as unknown as FlowConfig;
}

function familyName(afi: FlowAfi, vpn: boolean): FlowConfigFamily {
  return FLOW_CONFIG_FAMILIES[(afi === 2 ? 1 : 0) + (vpn ? 2 : 0)];
}

/** What the text parser's family choice (build-rule.ts chooseAfi) sees as IPv6 in the written keys. */
function readsAsIpv6(match: Record<string, FlowConfigValue>): boolean {
  for (const key of ['destination', 'source']) {
    const prefix = match[key];
    if (typeof prefix === 'string' && prefix.includes(':')) return true;
  }
  return match.flowLabel !== undefined || match.trafficClass !== undefined;
}

function rdText(rd: RouteDistinguisher): string {
  const text = formatRouteDistinguisher(rd);
  const back = parseRouteDistinguisher(text);
  // A type 2 RD with a 2-octet AS reads back as type 0: the same text, another RD.
  if (typeof back === 'string' || back.type !== rd.type || back.admin !== rd.admin || back.assigned !== rd.assigned) {
    throw new Error(`the route distinguisher ${text} (type ${rd.type}) cannot be written in the config form`);
  }
  return text;
}

function componentEntry(component: FlowComponent, afi: FlowAfi): [string, FlowConfigValue] {
  if (component.kind === 'prefix') {
    const key = MATCH_KEY.get(component.type)!;
    return [key, afi === 2 && component.offset !== 0 ? `${component.prefix}/${component.offset}` : component.prefix];
  }
  let key = MATCH_KEY.get(component.type)!;
  if (component.type === FlowComponentType.DSCP && component.ops.some((op) => op.value > DSCP_MAX)) {
    if (afi === 1) throw new Error(`an IPv4 dscp value above ${DSCP_MAX} cannot be written in the config form (DSCP is 6 bits)`);
    key = 'trafficClass';
  }
  // Pairs ANDed together are one item ("&" glued on), an OR starts the next (RFC 8955 §4.2.1).
  const texts = component.kind === 'numeric'
    ? component.ops.map((op) => numericOpText(op, component.type, afi))
    : component.ops.map((op) => bitmaskOpText(op, component.type));
  const items: string[] = [];
  texts.forEach((text, i) => {
    // The first pair's AND bit is meaningless (RFC 8955 §4.2.1.1: ignored on receipt).
    if (i === 0) items.push(text.startsWith('&') ? text.slice(1) : text);
    else if (component.ops[i].and) items[items.length - 1] += text;
    else items.push(text);
  });
  return [key, items.length === 1 ? items[0] : items];
}

/** The then key and value for one FlowSpec action community, or undefined when only extendedCommunities can hold it. */
function actionEntry(action: FlowAction, value: bigint, nextHop: string | undefined): [string, string | number] | 'discard' | 'redirectToNextHop' | undefined {
  // Each key's value is what the text parser turns back into exactly this community.
  const same = (a: FlowAction): boolean => flowActionCommunity(a) === BigInt.asUintN(64, value);
  switch (action.kind) {
    case 'rate-limit':
    case 'rate-limit-packets': {
      const rate = action.kind === 'rate-limit' ? action.bytesPerSecond : action.packetsPerSecond;
      if (!Number.isInteger(rate) || rate > MAX_RATE || action.asn !== 0) return undefined;
      if (action.kind === 'rate-limit-packets') return same({ ...action }) ? ['rateLimitPackets', rate] : undefined;
      if (!same({ kind: 'rate-limit', asn: 0, bytesPerSecond: rate })) return undefined;
      return rate === 0 ? 'discard' : ['rateLimit', rate];
    }
    case 'action':
      if (!action.sample && !action.terminal) return undefined;
      return same(action) ? ['action', action.sample && action.terminal ? 'sample-terminal' : action.sample ? 'sample' : 'terminal'] : undefined;
    case 'redirect':
      return same({ kind: 'redirect', asn: action.asn, number: action.number, as4: action.as4 })
        ? ['redirect', `${action.asn}${action.as4 && action.asn <= 0xffff ? 'L' : ''}:${action.number}`]
        : undefined;
    case 'redirect-ipv4':
      return same(action) ? ['redirect', `${action.address}:${action.number}`] : undefined;
    case 'mark':
      return same(action) ? ['mark', action.dscp] : undefined;
    case 'redirect-to-nexthop':
      if (!same(action)) return undefined;
      if (!action.copy) return 'redirectToNextHop';
      // `copy IP` is the next hop and this community in one key.
      return nextHop !== undefined && nextHop !== 'self' ? ['copy', nextHop] : undefined;
    case 'redirect-to-ip':
      return !action.copy && same(action) ? ['redirectToNextHopIetf', action.address] : undefined;
    case 'interface-set':
      if (typeof action.direction !== 'string' || !same(action)) return undefined;
      return ['interfaceSet', `${action.transitive ? 'transitive' : 'non-transitive'}:${action.direction}:${action.asn}:${action.group}`];
  }
}

function ipv6ActionEntry(value: bigint): [string, string] {
  const action = flowIpv6ActionOf(value);
  if (action && flowIpv6ActionCommunity(action) === BigInt.asUintN(160, value)) {
    if (action.kind === 'redirect-ipv6' && !action.legacy) return ['redirect', `[${action.address}]:${action.number}`];
    if (action.kind === 'redirect-to-ip' && !action.copy) return ['redirectToNextHopIetf', action.address];
  }
  throw new Error(`the IPv6 extended community 0x${BigInt.asUintN(160, value).toString(16).padStart(40, '0')} cannot be written in the config form`);
}

/** "target:65000:1" and the like when the text reads back to the same 8 octets, else 0x and 16 hex digits. */
function extendedCommunityText(value: bigint): string {
  const v = BigInt.asUintN(64, value);
  const type = Number(v >> 48n);
  const word = (name: string): string | undefined => {
    const subtype = type & 0xff;
    const kind = subtype === 0x02 ? name : subtype === 0x03 ? name.replace('target', 'origin') : undefined;
    if (!kind) return undefined;
    switch (type >> 8) {
      case 0x00:
        return `${kind}:${Number((v >> 32n) & 0xffffn)}:${Number(v & 0xffffffffn)}`;
      case 0x01: {
        const a = Number((v >> 16n) & 0xffffffffn);
        return `${kind}:${a >>> 24}.${(a >>> 16) & 0xff}.${(a >>> 8) & 0xff}.${a & 0xff}:${Number(v & 0xffffn)}`;
      }
      case 0x02:
        return `${kind}4:${Number((v >> 16n) & 0xffffffffn)}:${Number(v & 0xffffn)}`;
      default:
        return undefined;
    }
  };
  const text = word('target');
  if (text !== undefined && extendedCommunityOfWord(text) === v) return text;
  return `0x${v.toString(16).padStart(16, '0')}`;
}

function thenObject(values: Values, flags: Record<string, true>): Record<string, FlowConfigValue> | undefined {
  // In the order decodeFlowConfig writes the statements; list keys stay arrays.
  const out: Record<string, FlowConfigValue> = {};
  for (const { key, kind } of THEN_CONFIG_KEYS) {
    if (flags[key]) out[key] = true;
    const list = values[key];
    if (list) out[key] = kind === 'list' || list.length > 1 ? list : list[0];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
