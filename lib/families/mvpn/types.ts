/**
 * The NLRI value of the MVPN families (AFI 1 / 2, SAFI 5 "mcast-vpn"): one route of RFC 6514 §4
 * (types 1-7), or a route type rxbgp does not know, kept as its octets so it is shown and passed on
 * as received (ExaBGP's GenericMVPN).
 *
 * Every field keeps what the wire held, so decode then encode gives the same octets. A multicast
 * source or group of length 0 is RFC 6625's wildcard, written "*".
 */
import type { RouteDistinguisher } from '../route-distinguisher';

/** RFC 6514 §4 route types. */
export const MvpnRouteType = {
  INTRA_AS_IPMSI_AD: 1, // §4.1 Intra-AS I-PMSI A-D
  INTER_AS_IPMSI_AD: 2, // §4.2 Inter-AS I-PMSI A-D
  SPMSI_AD: 3, // §4.3 S-PMSI A-D
  LEAF_AD: 4, // §4.4 Leaf A-D
  SOURCE_ACTIVE_AD: 5, // §4.5 Source Active A-D
  SHARED_TREE_JOIN: 6, // §4.6 C-multicast Shared Tree Join
  SOURCE_TREE_JOIN: 7, // §4.6 C-multicast Source Tree Join
} as const;

/** A multicast source or group: an address's canonical text, or "*" (RFC 6625 wildcard, length 0). */
export type MulticastAddress = string;
export const WILDCARD = '*';

export interface MvpnIntraAsIpmsiAd {
  readonly type: 1;
  readonly rd: RouteDistinguisher;
  /** Originating Router's IP Address (4 or 16 octets: the NLRI's length says which). */
  readonly originator: string;
}

export interface MvpnInterAsIpmsiAd {
  readonly type: 2;
  readonly rd: RouteDistinguisher;
  readonly sourceAs: number;
}

export interface MvpnSpmsiAd {
  readonly type: 3;
  readonly rd: RouteDistinguisher;
  readonly source: MulticastAddress;
  readonly group: MulticastAddress;
  readonly originator: string;
}

export interface MvpnLeafAd {
  readonly type: 4;
  /** The Route Key (RFC 6514 §4.4): the NLRI of the route it answers, type and length included, in hex. */
  readonly routeKey: string;
  readonly originator: string;
}

export interface MvpnSourceActiveAd {
  readonly type: 5;
  readonly rd: RouteDistinguisher;
  readonly source: MulticastAddress;
  readonly group: MulticastAddress;
}

/** RFC 6514 §4.6: types 6 and 7 share a layout; a Shared Tree Join's source is the C-RP's address. */
export interface MvpnCMulticast {
  readonly type: 6 | 7;
  readonly rd: RouteDistinguisher;
  readonly sourceAs: number;
  readonly source: MulticastAddress;
  readonly group: MulticastAddress;
}

/** A route type rxbgp does not decode: its type and Route Type Specific octets as hex. */
export interface MvpnUnknown {
  readonly type: number;
  readonly raw: string;
}

export type MvpnRoute = MvpnIntraAsIpmsiAd | MvpnInterAsIpmsiAd | MvpnSpmsiAd | MvpnLeafAd | MvpnSourceActiveAd | MvpnCMulticast | MvpnUnknown;

export type MvpnKnown = Exclude<MvpnRoute, MvpnUnknown>;
export const isKnown = (route: MvpnRoute): route is MvpnKnown => !('raw' in route);
