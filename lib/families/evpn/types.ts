/**
 * The NLRI value of the EVPN family (AFI 25 "l2vpn", SAFI 70 "evpn"): one route of RFC 7432 §7
 * (types 1-4) or RFC 9136 §3 (type 5), or a route type rxbgp does not know, kept as its octets so
 * it is shown and passed on as received (ExaBGP's GenericEVPN).
 *
 * Every field keeps what the wire held, so decode then encode gives the same octets: labels as
 * their 3-octet fields (RFC 7432 §7.2 puts an MPLS label in the high 20 bits; RFC 8365 §5.1.3 puts
 * a 24-bit VNI in the whole field), the MAC and IP lengths as sent, a type 5 prefix with any host bits.
 */
import type { RouteDistinguisher } from '../route-distinguisher';

/** RFC 7432 §7.1 / RFC 9136 §3.1 route types. */
export const EvpnRouteType = {
  ETHERNET_AD: 1, // RFC 7432 §7.1 Ethernet Auto-discovery
  MAC_IP: 2, // RFC 7432 §7.2 MAC/IP Advertisement
  MULTICAST: 3, // RFC 7432 §7.3 Inclusive Multicast Ethernet Tag
  ETHERNET_SEGMENT: 4, // RFC 7432 §7.4 Ethernet Segment
  IP_PREFIX: 5, // RFC 9136 §3.1 IP Prefix
} as const;

/** The 10-octet Ethernet Segment Identifier (RFC 7432 §5), as 20 lower-case hex digits. */
export type EsiHex = string;

export interface EvpnEthernetAd {
  readonly type: 1;
  readonly rd: RouteDistinguisher;
  readonly esi: EsiHex;
  readonly etag: number;
  /** The MPLS Label field (3 octets as a number). */
  readonly label: number;
}

export interface EvpnMacIp {
  readonly type: 2;
  readonly rd: RouteDistinguisher;
  readonly esi: EsiHex;
  readonly etag: number;
  /** MAC Address Length in bits, 48 by RFC 7432 §7.2 (kept as sent). */
  readonly macLength: number;
  /** The 6 MAC octets as 12 lower-case hex digits. */
  readonly mac: string;
  /** The IP address (canonical text), absent when the IP Address Length is 0. */
  readonly ip?: string;
  /** MPLS Label1 and, when sent, MPLS Label2 (RFC 7432 §7.2), each the 3-octet field. */
  readonly labels: readonly number[];
}

export interface EvpnMulticast {
  readonly type: 3;
  readonly rd: RouteDistinguisher;
  readonly etag: number;
  /** Originating Router's IP Address. */
  readonly ip: string;
}

export interface EvpnEthernetSegment {
  readonly type: 4;
  readonly rd: RouteDistinguisher;
  readonly esi: EsiHex;
  /** Originating Router's IP Address. */
  readonly ip: string;
}

export interface EvpnIpPrefix {
  readonly type: 5;
  readonly rd: RouteDistinguisher;
  readonly esi: EsiHex;
  readonly etag: number;
  /** The IP Prefix field's address (IPv4 or IPv6, as sent: host bits are not cleared). */
  readonly ip: string;
  readonly length: number;
  /** GW IP Address, of the prefix's address family (0.0.0.0 / :: for none, RFC 9136 §3.1). */
  readonly gateway: string;
  readonly label: number;
}

/** A route type rxbgp does not decode: its type and Route Type Specific octets as hex. */
export interface EvpnUnknown {
  readonly type: number;
  readonly raw: string;
}

export type EvpnRoute = EvpnEthernetAd | EvpnMacIp | EvpnMulticast | EvpnEthernetSegment | EvpnIpPrefix | EvpnUnknown;

export const isKnown = (route: EvpnRoute): route is Exclude<EvpnRoute, EvpnUnknown> => !('raw' in route);

export const ESI_LENGTH = 10;
export const ZERO_ESI: EsiHex = '00000000000000000000';
