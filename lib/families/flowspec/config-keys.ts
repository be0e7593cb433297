/**
 * The keys of a flow route in rxbgp's JSON config, each ExaBGP's keyword in camelCase (ExaBGP
 * configuration/flow/match.py, then.py, route.py), and how its value becomes words of that
 * keyword's text statement. The config form is read by the text parser: this table is the whole
 * translation, so the two forms cannot drift apart.
 *
 * The order of each table is the order statements are written in, so that a rule's actions come
 * out in one order however the keys of the JSON object are ordered (a reload that only reorders
 * keys changes nothing).
 */

/**
 * How a key's value is written as text:
 *   prefix  one prefix word:                   `destination 10.0.0.0/24`
 *   list    the items in one bracketed list:    `destination-port [ =80 >=8080&<=8088 ]`
 *   each    one statement per item:             `mark 10 mark 20`
 *   flag    `true` writes the bare keyword:     `discard`
 */
export type FlowConfigValueKind = 'prefix' | 'list' | 'each' | 'flag';

export interface FlowConfigKey {
  /** The JSON key ("destinationPort"). */
  readonly key: string;
  /** ExaBGP's keyword it stands for ("destination-port"). */
  readonly keyword: string;
  readonly kind: FlowConfigValueKind;
}

function keys(...rows: Array<[string, string, FlowConfigValueKind]>): readonly FlowConfigKey[] {
  return rows.map(([key, keyword, kind]) => ({ key, keyword, kind }));
}

/** `match`: one key per component (RFC 8955 §4.2.2, RFC 8956 §3), in component type order. */
export const MATCH_CONFIG_KEYS = keys(
  ['destination', 'destination', 'prefix'], // type 1; the prefix says the family
  ['destinationIpv4', 'destination-ipv4', 'prefix'],
  ['destinationIpv6', 'destination-ipv6', 'prefix'], // "x::/len/offset", RFC 8956 §3.1
  ['source', 'source', 'prefix'], // type 2
  ['sourceIpv4', 'source-ipv4', 'prefix'],
  ['sourceIpv6', 'source-ipv6', 'prefix'],
  ['protocol', 'protocol', 'list'], // type 3
  ['nextHeader', 'next-header', 'list'], // type 3 in IPv6 rules (makes the rule IPv6)
  ['port', 'port', 'list'], // type 4
  ['destinationPort', 'destination-port', 'list'], // type 5
  ['sourcePort', 'source-port', 'list'], // type 6
  ['icmpType', 'icmp-type', 'list'], // type 7
  ['icmpCode', 'icmp-code', 'list'], // type 8
  ['tcpFlags', 'tcp-flags', 'list'], // type 9 (bitmask)
  ['packetLength', 'packet-length', 'list'], // type 10
  ['dscp', 'dscp', 'list'], // type 11, 0..63
  ['trafficClass', 'traffic-class', 'list'], // type 11 in IPv6 rules, 0..255 (makes the rule IPv6)
  ['fragment', 'fragment', 'list'], // type 12 (bitmask)
  ['flowLabel', 'flow-label', 'list'], // type 13, IPv6 only (RFC 8956 §3.7)
);

/** `then`: the actions (RFC 8955 §7 and companions) and the communities sent beside them. */
export const THEN_CONFIG_KEYS = keys(
  ['accept', 'accept', 'flag'],
  ['discard', 'discard', 'flag'], // traffic-rate 0
  ['rateLimit', 'rate-limit', 'each'], // traffic-rate-bytes 0x8006
  ['rateLimitPackets', 'rate-limit-packets', 'each'], // traffic-rate-packets 0x800c
  ['redirect', 'redirect', 'each'], // AS:N, IP:N, [IPv6]:N, or a next-hop address
  ['redirectToNextHop', 'redirect-to-nexthop', 'flag'], // 0x0800 to the rule's nextHop
  ['redirectToNextHopIetf', 'redirect-to-nexthop-ietf', 'each'], // 0x010c / IPv6 0x000c
  ['copy', 'copy', 'each'], // nextHop + 0x0800 with the copy bit
  ['mark', 'mark', 'each'], // traffic-marking DSCP 0x8009
  ['action', 'action', 'each'], // traffic-action sample | terminal | sample-terminal 0x8007
  ['interfaceSet', 'interface-set', 'list'], // 0x0702 / 0x4702
  ['communities', 'community', 'list'], // RFC 1997
  ['community', 'community', 'list'], // the same, under the name issue 12 gives it (ExaBGP's keyword)
  ['extendedCommunities', 'extended-community', 'list'], // RFC 4360
  ['largeCommunities', 'large-community', 'list'], // RFC 8092
);

/** The keys of the route object itself. `match` and `then` hold the tables above. */
export const ROUTE_CONFIG_KEYS = ['family', 'rd', 'nextHop', 'match', 'then'] as const;

/** The route keys that are text statements. */
export const ROUTE_STATEMENT_KEYS = keys(['rd', 'rd', 'each'], ['nextHop', 'next-hop', 'each']);

/** The families a flow route can name, as a neighbor's `families` names them. */
export const FLOW_CONFIG_FAMILIES = ['ipv4 flow', 'ipv6 flow', 'ipv4 flow-vpn', 'ipv6 flow-vpn'] as const;
export type FlowConfigFamily = (typeof FLOW_CONFIG_FAMILIES)[number];

export function configKeyMap(table: readonly FlowConfigKey[]): ReadonlyMap<string, FlowConfigKey> {
  return new Map(table.map((k) => [k.key, k]));
}

/** A value in the config form: one item, or several as an array; `true` for the flags. */
export type FlowConfigValue = string | number | true | ReadonlyArray<string | number>;

/** One flow route as the JSON config holds it (what encodeFlowConfig gives and decodeFlowConfig reads). */
export interface FlowConfig {
  /** Only when the rule alone does not say it (an IPv6 rule with no IPv6 prefix or IPv6-only key). */
  readonly family?: FlowConfigFamily;
  /** Route distinguisher of a flow-vpn rule (RFC 8955 §8), "65000:1", "192.0.2.1:1", "4200000000:1". */
  readonly rd?: string;
  /** The MP_REACH_NLRI next hop (for redirectToNextHop): an address or "self". */
  readonly nextHop?: string;
  readonly match: Readonly<Record<string, FlowConfigValue>>;
  readonly then?: Readonly<Record<string, FlowConfigValue>>;
}
