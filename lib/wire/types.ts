/**
 * The decoded message model shared by every layer. Plain data, no classes:
 * easy to compare in tests, to log and to turn into JSON.
 *
 * Prefixes are canonical strings ("10.0.0.0/24", "2001:db8::/32"): the RIB keys on them,
 * the JSON needs them, and NLRI are kept in per-family lists (one array per UPDATE, never
 * one object per prefix) so a full table stays compact.
 */
import type { Afi, Safi } from './iana';
import type { NlriCodecs } from './nlri/nlri-codec';

/** Negotiated per-direction codec parameters (built by the FSM after OPEN exchange). */
export interface CodecContext {
  /** RFC 6793: both sides advertised the 4-octet AS capability, so AS_PATH/AGGREGATOR use 4 octets. */
  readonly asn4: boolean;
  /** RFC 8654: both sides advertised extended message, so messages may be up to 65535 octets. */
  readonly extendedMessage: boolean;
  /** RFC 7911: families (familyKey) whose NLRI carry a 4-octet Path Identifier in this direction. */
  readonly addPath: ReadonlySet<number>;
  /**
   * NLRI codecs by familyKey for MP_REACH/MP_UNREACH (lib/families builds them from its
   * descriptors). Absent: wire's own IPv4 and IPv6 unicast codecs (nlri/index.ts).
   */
  readonly nlri?: NlriCodecs;
  /**
   * The UPDATE comes from an external (eBGP) peer: RFC 7606 handles some attributes by where they
   * come from (§7.5: a LOCAL_PREF from an external peer is discarded). Absent: not known (tools).
   */
  readonly external?: boolean;
  /**
   * RFC 7311 §3 AIGP_SESSION: whether the AIGP attribute is accepted from and sent to this peer.
   * False: a received AIGP is ignored (as an unknown non-transitive attribute) and none is sent.
   * Absent: accepted and sent (tools such as `rxbgp decode` show everything).
   */
  readonly aigp?: boolean;
}

/** Before OPEN is exchanged, and for tools like `rxbgp decode`: 4-octet AS, no ADD-PATH. */
export const DEFAULT_CONTEXT: CodecContext = { asn4: true, extendedMessage: false, addPath: new Set() };

/** One number per (AFI, SAFI), usable as a Map/Set key. */
export function familyKey(afi: Afi, safi: Safi): number {
  return afi * 256 + safi;
}

export interface Family {
  readonly afi: Afi;
  readonly safi: Safi;
}

// ---------------------------------------------------------------- OPEN (RFC 4271 §4.2)

export type Capability =
  | { readonly kind: 'multiprotocol'; readonly afi: Afi; readonly safi: Safi } // RFC 4760
  | { readonly kind: 'route-refresh' } // RFC 2918, code 2
  | { readonly kind: 'route-refresh-cisco' } // code 128, pre-standard
  | { readonly kind: 'enhanced-route-refresh' } // RFC 7313
  | { readonly kind: 'asn4'; readonly asn: number } // RFC 6793
  | { readonly kind: 'extended-message' } // RFC 8654
  | {
      readonly kind: 'add-path'; // RFC 7911
      readonly families: ReadonlyArray<{ readonly afi: Afi; readonly safi: Safi; readonly mode: number }>;
    }
  | {
      readonly kind: 'graceful-restart'; // RFC 4724
      /** The 4-bit Restart Flags (R = 0x8, N = 0x4 per RFC 8538). */
      readonly flags: number;
      readonly restartTime: number;
      readonly families: ReadonlyArray<{ readonly afi: Afi; readonly safi: Safi; readonly flags: number }>;
    }
  | { readonly kind: 'hostname'; readonly hostname: string; readonly domain: string } // FQDN, code 73
  | { readonly kind: 'unknown'; readonly code: number; readonly value: Buffer };

export interface OpenMessage {
  readonly type: 'open';
  readonly version: number;
  /** The 2-octet My Autonomous System field (AS_TRANS when the real AS needs 4 octets). */
  readonly myAs: number;
  readonly holdTime: number;
  /** BGP Identifier, dotted quad. */
  readonly bgpId: string;
  readonly capabilities: readonly Capability[];
  /** Optional parameters other than capabilities (kept opaque). */
  readonly otherParams?: ReadonlyArray<{ readonly type: number; readonly value: Buffer }>;
}

// ---------------------------------------------------------------- UPDATE (RFC 4271 §4.3)

export interface AsPathSegment {
  /** AsPathSegmentType: 1 SET, 2 SEQUENCE, 3 CONFED_SEQUENCE, 4 CONFED_SET. */
  readonly type: number;
  readonly asns: readonly number[];
}

export interface Aggregator {
  readonly asn: number;
  readonly address: string;
}

export interface UnknownAttribute {
  readonly flags: number;
  readonly type: number;
  readonly value: Buffer;
}

/**
 * Path attributes other than MP_REACH/MP_UNREACH (those become UpdateMessage.announced/withdrawn).
 * After decoding, asPath/aggregator already have AS4_PATH / AS4_AGGREGATOR merged in (RFC 6793 §4.2.3)
 * when the session is 2-octet; as4Path/as4Aggregator keep what was received.
 */
export interface PathAttributes {
  readonly origin?: number;
  readonly asPath?: readonly AsPathSegment[];
  /** IPv4 NEXT_HOP attribute (used by IPv4 unicast NLRI in the classic field). */
  readonly nextHop?: string;
  readonly med?: number;
  readonly localPref?: number;
  readonly atomicAggregate?: boolean;
  readonly aggregator?: Aggregator;
  /** RFC 1997 communities, each a uint32 (asn << 16 | value). */
  readonly communities?: readonly number[];
  readonly originatorId?: string;
  readonly clusterList?: readonly string[];
  /** RFC 4360 extended communities, each the 8 octets as an unsigned 64-bit value. */
  readonly extendedCommunities?: readonly bigint[];
  readonly as4Path?: readonly AsPathSegment[];
  readonly as4Aggregator?: Aggregator;
  /** RFC 7311 AIGP: the accumulated IGP metric of the AIGP TLV (type 1), 64 bits. */
  readonly aigp?: bigint;
  /** RFC 8092 large communities: [global administrator, local data 1, local data 2]. */
  readonly largeCommunities?: ReadonlyArray<readonly [number, number, number]>;
  /** BGP Prefix-SID (RFC 8669, RFC 9252): its TLVs in wire order. */
  readonly prefixSid?: readonly PrefixSidTlv[];
  /** Unrecognized optional attributes, passed through (transitive ones get the Partial bit when re-sent). */
  readonly unknown?: readonly UnknownAttribute[];
}

/**
 * One TLV of the BGP Prefix-SID attribute. The reserved octets and flags RFC 8669 defines none of
 * are not kept: they "MUST be clear on transmission and MUST be ignored at reception".
 */
export type PrefixSidTlv =
  /** RFC 8669 §3.1 Label-Index TLV (type 1): the index of the prefix's label in the SRGB. */
  | { readonly type: 1; readonly labelIndex: number }
  /** RFC 8669 §3.2 Originator SRGB TLV (type 3): [base label, range size] pairs, 24 bits each. */
  | { readonly type: 3; readonly srgbs: ReadonlyArray<readonly [number, number]> }
  /** RFC 9252 §2 SRv6 L3 Service (type 5) and L2 Service (type 6) TLVs: their sub-TLVs. */
  | { readonly type: 5 | 6; readonly subTlvs: readonly Srv6ServiceSubTlv[] }
  /** Any other type: kept as received, to be passed on (RFC 8669 §3: "MUST ... be propagated"). */
  | { readonly type: number; readonly value: Buffer };

/** RFC 9252 §3.1 SRv6 SID Information Sub-TLV (type 1), or another sub-TLV kept raw. */
export type Srv6ServiceSubTlv =
  | {
      readonly type: 1;
      /** The SRv6 SID, an IPv6 address. */
      readonly sid: string;
      /** SRv6 Service SID Flags (none defined yet, kept). */
      readonly flags: number;
      /** SRv6 Endpoint Behavior (RFC 8986 §10.2 codes; 0xFFFF opaque). */
      readonly behavior: number;
      readonly subSubTlvs: readonly Srv6DataSubSubTlv[];
    }
  | { readonly type: number; readonly value: Buffer };

/** RFC 9252 §3.2.1 SRv6 SID Structure Sub-Sub-TLV (type 1): six bit lengths, or another kept raw. */
export type Srv6DataSubSubTlv =
  | {
      readonly type: 1;
      /** Locator Block, Locator Node, Function, Argument lengths, Transposition Length and Offset, in bits. */
      readonly structure: readonly [number, number, number, number, number, number];
    }
  | { readonly type: number; readonly value: Buffer };

/** NLRI of one family, as parallel arrays (no per-prefix objects). */
export interface NlriList {
  readonly afi: Afi;
  readonly safi: Safi;
  readonly prefixes: readonly string[];
  /** RFC 7911 path identifiers, parallel to prefixes, when ADD-PATH is on for this family and direction. */
  readonly pathIds?: readonly number[];
  /**
   * IPv4 unicast only: true when carried in MP_REACH/MP_UNREACH rather than the classic
   * NLRI / Withdrawn Routes fields. Other families always travel in MP attributes.
   */
  readonly mp?: boolean;
}

export interface Announced extends NlriList {
  /** Next hop(s): [global] or, for IPv6, [global, link-local] (RFC 2545 §3). */
  readonly nextHop: readonly string[];
}

export interface UpdateMessage {
  readonly type: 'update';
  /** Withdrawn IPv4 unicast routes and MP_UNREACH_NLRI, per family. An empty MP list is an End-of-RIB. */
  readonly withdrawn: readonly NlriList[];
  readonly attributes: PathAttributes;
  /** IPv4 unicast NLRI (next hop from NEXT_HOP) and MP_REACH_NLRI, per family. */
  readonly announced: readonly Announced[];
  /**
   * RFC 7606 outcome when some attribute was malformed but the session survives:
   * 'treat-as-withdraw' means every announced prefix must be handled as withdrawn;
   * 'discard' means the attributes in `discarded` were dropped.
   */
  readonly errorAction?: 'treat-as-withdraw' | 'discard';
  readonly discarded?: readonly number[];
}

// ---------------------------------------------------------------- other messages

export interface NotificationMessage {
  readonly type: 'notification';
  readonly code: number;
  readonly subcode: number;
  readonly data: Buffer;
  /** RFC 8203/9003 shutdown communication (Cease 2 and 4), when present and valid UTF-8. */
  readonly shutdownMessage?: string;
}

export interface KeepaliveMessage {
  readonly type: 'keepalive';
}

export interface RouteRefreshMessage {
  readonly type: 'route-refresh';
  readonly afi: Afi;
  readonly safi: Safi;
  /** RFC 7313 message subtype: 0 normal, 1 BoRR, 2 EoRR. */
  readonly subtype: number;
}

export type Message = OpenMessage | UpdateMessage | NotificationMessage | KeepaliveMessage | RouteRefreshMessage;
