/**
 * IANA numbers used by the codec, each group with the RFC that defines it.
 * Plain `as const` objects (not const enums) so they survive isolated-module transforms.
 */

/** RFC 4271 §4.1 message types; ROUTE-REFRESH from RFC 2918. */
export const MessageType = {
  OPEN: 1,
  UPDATE: 2,
  NOTIFICATION: 3,
  KEEPALIVE: 4,
  ROUTE_REFRESH: 5,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** RFC 4271 §4.1 header size; RFC 4271 max message size; RFC 8654 extended message size. */
export const HEADER_LENGTH = 19;
export const MARKER_LENGTH = 16;
export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_EXTENDED_MESSAGE_LENGTH = 65535;
export const BGP_VERSION = 4;

/** Address Family Identifiers (IANA "Address Family Numbers"), RFC 4760. */
export const Afi = {
  IPV4: 1,
  IPV6: 2,
  L2VPN: 25,
  BGP_LS: 16388,
} as const;
export type Afi = number;

/** Subsequent AFIs, RFC 4760 and later. */
export const Safi = {
  UNICAST: 1,
  MULTICAST: 2,
  MPLS_LABEL: 4, // RFC 8277
  MCAST_VPN: 5, // RFC 6514 (MVPN)
  VPLS: 65,
  EVPN: 70, // RFC 7432
  BGP_LS: 71,
  MPLS_VPN: 128, // RFC 4364
  RTC: 132,
  FLOWSPEC: 133, // RFC 8955
  FLOWSPEC_VPN: 134,
} as const;
export type Safi = number;

/** Path attribute type codes (RFC 4271 §5 and the RFC beside each). */
export const AttrType = {
  ORIGIN: 1,
  AS_PATH: 2,
  NEXT_HOP: 3,
  MULTI_EXIT_DISC: 4,
  LOCAL_PREF: 5,
  ATOMIC_AGGREGATE: 6,
  AGGREGATOR: 7,
  COMMUNITIES: 8, // RFC 1997
  ORIGINATOR_ID: 9, // RFC 4456
  CLUSTER_LIST: 10, // RFC 4456
  MP_REACH_NLRI: 14, // RFC 4760
  MP_UNREACH_NLRI: 15, // RFC 4760
  EXTENDED_COMMUNITIES: 16, // RFC 4360
  AS4_PATH: 17, // RFC 6793
  AS4_AGGREGATOR: 18, // RFC 6793
  AIGP: 26, // RFC 7311
  LARGE_COMMUNITIES: 32, // RFC 8092
  BGP_PREFIX_SID: 40, // RFC 8669, RFC 9252
} as const;

/** Attribute flag bits, RFC 4271 §4.3. */
export const AttrFlag = {
  OPTIONAL: 0x80,
  TRANSITIVE: 0x40,
  PARTIAL: 0x20,
  EXTENDED_LENGTH: 0x10,
} as const;

/** ORIGIN values, RFC 4271 §5.1.1. */
export const Origin = { IGP: 0, EGP: 1, INCOMPLETE: 2 } as const;
export type Origin = (typeof Origin)[keyof typeof Origin];

/** AS_PATH segment types: RFC 4271 §4.3 (SET, SEQUENCE), RFC 5065 (confederation). */
export const AsPathSegmentType = {
  AS_SET: 1,
  AS_SEQUENCE: 2,
  AS_CONFED_SEQUENCE: 3,
  AS_CONFED_SET: 4,
} as const;

/** AS_TRANS, RFC 6793 §9. */
export const AS_TRANS = 23456;

/** OPEN optional parameter types: RFC 5492 (capabilities), RFC 9072 (extended length marker). */
export const OptParamType = {
  CAPABILITIES: 2,
  EXTENDED_LENGTH: 255,
} as const;

/** Capability codes (IANA "Capability Codes"). */
export const CapabilityCode = {
  MULTIPROTOCOL: 1, // RFC 4760
  ROUTE_REFRESH: 2, // RFC 2918
  EXTENDED_NEXT_HOP: 5, // RFC 8950
  EXTENDED_MESSAGE: 6, // RFC 8654
  BGP_ROLE: 9, // RFC 9234
  GRACEFUL_RESTART: 64, // RFC 4724
  FOUR_OCTET_AS: 65, // RFC 6793
  ADD_PATH: 69, // RFC 7911
  ENHANCED_ROUTE_REFRESH: 70, // RFC 7313
  LONG_LIVED_GRACEFUL_RESTART: 71,
  FQDN: 73, // draft-walton-bgp-hostname-capability
  ROUTE_REFRESH_CISCO: 128, // pre-standard route refresh
} as const;

/** ADD-PATH send/receive field, RFC 7911 §4. */
export const AddPathMode = { RECEIVE: 1, SEND: 2, BOTH: 3 } as const;

/** NOTIFICATION error codes, RFC 4271 §4.5, RFC 6608 (FSM), RFC 4486 / 8203 (Cease), RFC 7313 (ROUTE-REFRESH). */
export const ErrorCode = {
  MESSAGE_HEADER: 1,
  OPEN_MESSAGE: 2,
  UPDATE_MESSAGE: 3,
  HOLD_TIMER_EXPIRED: 4,
  FSM: 5,
  CEASE: 6,
  ROUTE_REFRESH: 7,
} as const;

/** RFC 4271 §6.1 Message Header Error subcodes. */
export const HeaderSubcode = {
  CONNECTION_NOT_SYNCHRONIZED: 1,
  BAD_MESSAGE_LENGTH: 2,
  BAD_MESSAGE_TYPE: 3,
} as const;

/** RFC 4271 §6.2 OPEN Message Error subcodes (5 is deprecated), RFC 5492 for 7, RFC 9234 for 11. */
export const OpenSubcode = {
  /** RFC 4271 §6.2: a recognized optional parameter is malformed ("Unspecific"). */
  UNSPECIFIC: 0,
  UNSUPPORTED_VERSION_NUMBER: 1,
  BAD_PEER_AS: 2,
  BAD_BGP_IDENTIFIER: 3,
  UNSUPPORTED_OPTIONAL_PARAMETER: 4,
  UNACCEPTABLE_HOLD_TIME: 6,
  UNSUPPORTED_CAPABILITY: 7,
  ROLE_MISMATCH: 11,
} as const;

/** RFC 4271 §6.3 UPDATE Message Error subcodes (7 is deprecated). */
export const UpdateSubcode = {
  MALFORMED_ATTRIBUTE_LIST: 1,
  UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE: 2,
  MISSING_WELL_KNOWN_ATTRIBUTE: 3,
  ATTRIBUTE_FLAGS_ERROR: 4,
  ATTRIBUTE_LENGTH_ERROR: 5,
  INVALID_ORIGIN_ATTRIBUTE: 6,
  INVALID_NEXT_HOP_ATTRIBUTE: 8,
  OPTIONAL_ATTRIBUTE_ERROR: 9,
  INVALID_NETWORK_FIELD: 10,
  MALFORMED_AS_PATH: 11,
} as const;

/** RFC 6608 Finite State Machine Error subcodes. */
export const FsmSubcode = {
  UNSPECIFIED: 0,
  UNEXPECTED_MESSAGE_IN_OPENSENT: 1,
  UNEXPECTED_MESSAGE_IN_OPENCONFIRM: 2,
  UNEXPECTED_MESSAGE_IN_ESTABLISHED: 3,
} as const;

/** RFC 4486 Cease subcodes; RFC 8203/9003 shutdown communication on 2 and 4. */
export const CeaseSubcode = {
  MAXIMUM_PREFIXES_REACHED: 1,
  ADMINISTRATIVE_SHUTDOWN: 2,
  PEER_DECONFIGURED: 3,
  ADMINISTRATIVE_RESET: 4,
  CONNECTION_REJECTED: 5,
  OTHER_CONFIGURATION_CHANGE: 6,
  CONNECTION_COLLISION_RESOLUTION: 7,
  OUT_OF_RESOURCES: 8,
  HARD_RESET: 9, // RFC 8538
  BFD_DOWN: 10, // RFC 9384
} as const;

/** RFC 7313 §5 ROUTE-REFRESH Message Error subcode. */
export const RouteRefreshSubcode = { INVALID_MESSAGE_LENGTH: 1 } as const;

/** RFC 7313 §3 ROUTE-REFRESH "Message Subtype" (reserved field in RFC 2918). */
export const RouteRefreshSubtype = { NORMAL: 0, BORR: 1, EORR: 2 } as const;

/** Well-known communities, RFC 1997, RFC 3765, RFC 7611, RFC 7999, RFC 8326. */
export const WellKnownCommunity = {
  GRACEFUL_SHUTDOWN: 0xffff0000,
  ACCEPT_OWN: 0xffff0001,
  LLGR_STALE: 0xffff0006,
  NO_LLGR: 0xffff0007,
  BLACKHOLE: 0xffff029a,
  NO_EXPORT: 0xffffff01,
  NO_ADVERTISE: 0xffffff02,
  NO_EXPORT_SUBCONFED: 0xffffff03,
  NOPEER: 0xffffff04,
} as const;
