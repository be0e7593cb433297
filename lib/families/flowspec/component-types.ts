/**
 * The FlowSpec component types (IANA "Flow Spec Component Types": RFC 8955 §4.2.2 for IPv4,
 * RFC 8956 §3 for IPv6), how each is compared, its names as ExaBGP prints and reads them,
 * and the longest value it may carry.
 */
import type { FlowAfi } from './types';

export const FlowComponentType = {
  DESTINATION_PREFIX: 1, // RFC 8955 §4.2.2.1, RFC 8956 §3.1
  SOURCE_PREFIX: 2, // RFC 8955 §4.2.2.2, RFC 8956 §3.2
  IP_PROTOCOL: 3, // RFC 8955 §4.2.2.3; IPv6 "upper-layer protocol" (next header), RFC 8956 §3.3
  PORT: 4, // RFC 8955 §4.2.2.4
  DESTINATION_PORT: 5, // RFC 8955 §4.2.2.5
  SOURCE_PORT: 6, // RFC 8955 §4.2.2.6
  ICMP_TYPE: 7, // RFC 8955 §4.2.2.7; ICMPv6 type, RFC 8956 §3.4
  ICMP_CODE: 8, // RFC 8955 §4.2.2.8; ICMPv6 code, RFC 8956 §3.5
  TCP_FLAGS: 9, // RFC 8955 §4.2.2.9
  PACKET_LENGTH: 10, // RFC 8955 §4.2.2.10
  DSCP: 11, // RFC 8955 §4.2.2.11 (the DSCP bits of IPv6's Traffic Class)
  FRAGMENT: 12, // RFC 8955 §4.2.2.12; IPv6 fragments, RFC 8956 §3.6
  FLOW_LABEL: 13, // RFC 8956 §3.7, IPv6 only
} as const;

export type ComponentKind = 'prefix' | 'numeric' | 'bitmask';

export interface ComponentInfo {
  readonly type: number;
  readonly kind: ComponentKind;
  /** ExaBGP's name for IPv4 and for IPv6 rules (JSON keys and text keywords). */
  readonly name: Readonly<Record<FlowAfi, string>>;
  /**
   * Longest value in octets (1, 2 or 4). A longer operator length makes the NLRI malformed: the
   * RFCs define each component's value size ("SHOULD be encoded as ... 1- or 2-octet"), and BIRD
   * rejects a longer one; none of these fields needs 8 octets.
   */
  readonly maxLength: 0 | 1 | 2 | 4;
  /** Largest value the text form accepts (the width of the packet field it matches). */
  readonly maxValue: number;
}

function info(type: number, kind: ComponentKind, v4: string, v6: string, maxLength: 0 | 1 | 2 | 4, maxValue: number): ComponentInfo {
  return { type, kind, name: { 1: v4, 2: v6 }, maxLength, maxValue };
}

const T = FlowComponentType;

/** Index = component type; IPv4 rules know 1-12, IPv6 rules 1-13. */
const TABLE: readonly (ComponentInfo | undefined)[] = [
  undefined, // 0 is reserved
  info(T.DESTINATION_PREFIX, 'prefix', 'destination-ipv4', 'destination-ipv6', 0, 0),
  info(T.SOURCE_PREFIX, 'prefix', 'source-ipv4', 'source-ipv6', 0, 0),
  info(T.IP_PROTOCOL, 'numeric', 'protocol', 'next-header', 1, 0xff),
  info(T.PORT, 'numeric', 'port', 'port', 2, 0xffff),
  info(T.DESTINATION_PORT, 'numeric', 'destination-port', 'destination-port', 2, 0xffff),
  info(T.SOURCE_PORT, 'numeric', 'source-port', 'source-port', 2, 0xffff),
  info(T.ICMP_TYPE, 'numeric', 'icmp-type', 'icmp-type', 1, 0xff),
  info(T.ICMP_CODE, 'numeric', 'icmp-code', 'icmp-code', 1, 0xff),
  info(T.TCP_FLAGS, 'bitmask', 'tcp-flags', 'tcp-flags', 2, 0xffff),
  info(T.PACKET_LENGTH, 'numeric', 'packet-length', 'packet-length', 2, 0xffff),
  // ExaBGP names type 11 "traffic-class" in IPv6 rules. The value is the 6-bit DSCP (RFC 8955
  // §4.2.2.11); `dscp` text is held to 0..63, `traffic-class` to the octet (ExaBGP's own tests send 101).
  info(T.DSCP, 'numeric', 'dscp', 'traffic-class', 1, 0xff),
  info(T.FRAGMENT, 'bitmask', 'fragment', 'fragment', 1, 0xff),
  info(T.FLOW_LABEL, 'numeric', 'flow-label', 'flow-label', 4, 0xfffff),
];

/** The highest component type of each family: 12 for IPv4 (RFC 8955), 13 for IPv6 (RFC 8956). */
export const LAST_COMPONENT_TYPE: Readonly<Record<FlowAfi, number>> = { 1: T.FRAGMENT, 2: T.FLOW_LABEL };

/** What a component type is in this family, or undefined when the family does not define it. */
export function componentInfo(afi: FlowAfi, type: number): ComponentInfo | undefined {
  return type <= LAST_COMPONENT_TYPE[afi] ? TABLE[type] : undefined;
}
