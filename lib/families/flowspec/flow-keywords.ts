/**
 * The keywords of a flow route (ExaBGP configuration/flow/match.py, then.py, route.py and
 * configuration/announce/flow.py), and which component each match keyword fills.
 */
import { FlowComponentType as T } from './component-types';
import type { FlowAfi } from './types';

export interface MatchKeyword {
  readonly type: number;
  /** The family the keyword belongs to, when only one: "destination-ipv6" and "flow-label" say IPv6. */
  readonly afi?: FlowAfi;
}

export const MATCH_KEYWORDS: ReadonlyMap<string, MatchKeyword> = new Map<string, MatchKeyword>([
  ['destination', { type: T.DESTINATION_PREFIX }],
  ['destination-ipv4', { type: T.DESTINATION_PREFIX, afi: 1 }],
  ['destination-ipv6', { type: T.DESTINATION_PREFIX, afi: 2 }],
  ['source', { type: T.SOURCE_PREFIX }],
  ['source-ipv4', { type: T.SOURCE_PREFIX, afi: 1 }],
  ['source-ipv6', { type: T.SOURCE_PREFIX, afi: 2 }],
  ['protocol', { type: T.IP_PROTOCOL }],
  ['next-header', { type: T.IP_PROTOCOL, afi: 2 }],
  ['port', { type: T.PORT }],
  ['destination-port', { type: T.DESTINATION_PORT }],
  ['source-port', { type: T.SOURCE_PORT }],
  ['icmp-type', { type: T.ICMP_TYPE }],
  ['icmp-code', { type: T.ICMP_CODE }],
  ['tcp-flags', { type: T.TCP_FLAGS }],
  ['packet-length', { type: T.PACKET_LENGTH }],
  ['dscp', { type: T.DSCP }],
  ['traffic-class', { type: T.DSCP, afi: 2 }],
  ['fragment', { type: T.FRAGMENT }],
  ['flow-label', { type: T.FLOW_LABEL, afi: 2 }],
]);

export const THEN_KEYWORDS: ReadonlySet<string> = new Set([
  'accept',
  'discard',
  'rate-limit',
  'rate-limit-packets',
  'redirect',
  'redirect-to-nexthop',
  'redirect-to-nexthop-ietf',
  'copy',
  'mark',
  'action',
  'community',
  'large-community',
  'extended-community',
  'interface-set',
]);

export const ROUTE_KEYWORDS: ReadonlySet<string> = new Set(['rd', 'route-distinguisher', 'next-hop']);

/** True for a word that starts a statement in the one-line form (so it ends a list without brackets). */
export function isFlowKeyword(word: string): boolean {
  return MATCH_KEYWORDS.has(word) || THEN_KEYWORDS.has(word) || ROUTE_KEYWORDS.has(word);
}
