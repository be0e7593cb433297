/**
 * Writes MRT BGP4MP message records (RFC 6396 §4.4), the format route collectors (RouteViews, RIPE
 * RIS) archive updates in and `bgpdump` reads: one record per BGP message, the message kept whole
 * (marker, length and type included) behind the peering's ASes and addresses.
 *
 * Subtype, by what the record holds:
 * - received: BGP4MP_MESSAGE_AS4 (4), or BGP4MP_MESSAGE (1) for a session without 4-octet AS
 *   (RFC 6396 §4.4.2: its AS_PATH holds 2-octet ASes, and readers take the AS_PATH width from
 *   the subtype);
 * - sent by us: the _LOCAL twins, BGP4MP_MESSAGE_AS4_LOCAL (7) / BGP4MP_MESSAGE_LOCAL (6), which
 *   are "otherwise identical" (RFC 6396 §4.4.4, §4.4.6): Peer and Local keep their meaning, they
 *   are not swapped. bgpdump 1.6 prints such a record as `FROM: <local> TO: <peer>`;
 * - with RFC 7911 path identifiers in the NLRI: the RFC 8050 ADDPATH subtypes (8 to 11).
 * With `extendedTime`, the record is BGP4MP_ET (type 17, RFC 6396 §3), whose header carries
 * microseconds too; bgpdump reads both types.
 *
 * Encoding is by offset into a caller's Writer, so a sink packs a whole batch into one buffer; the
 * addresses are parsed once per peering (bgp4mpPeering), not per record.
 */
import { AS_TRANS, Afi } from '../wire/iana';
import { parseIp } from '../wire/address';
import { Writer } from '../wire/writer';

/** MRT types (RFC 6396 §4). */
export const MrtType = {
  BGP4MP: 16,
  /** BGP4MP with a Microsecond Timestamp after the common header (RFC 6396 §3). */
  BGP4MP_ET: 17,
} as const;

/** BGP4MP message subtypes (RFC 6396 §4.4; the ADDPATH ones RFC 8050 §3). */
export const Bgp4mpSubtype = {
  MESSAGE: 1,
  MESSAGE_AS4: 4,
  MESSAGE_LOCAL: 6,
  MESSAGE_AS4_LOCAL: 7,
  MESSAGE_ADDPATH: 8,
  MESSAGE_AS4_ADDPATH: 9,
  MESSAGE_LOCAL_ADDPATH: 10,
  MESSAGE_AS4_LOCAL_ADDPATH: 11,
} as const;

/** MRT common header: Timestamp (4), Type (2), Subtype (2), Length (4) (RFC 6396 §2). */
const COMMON_HEADER = 12;
/** Microsecond Timestamp of the _ET types, counted in Length (RFC 6396 §3). */
const MICROSECONDS = 4;
/** Interface Index (2) and Address Family (2) (RFC 6396 §4.4.2). */
const INDEX_AND_FAMILY = 4;

/** The two ends of one BGP session, as BGP4MP records name them; built once per peering. */
export interface Bgp4mpPeering {
  readonly peerAs: number;
  readonly localAs: number;
  /** 1 (IPv4) or 2 (IPv6): the family of both addresses (RFC 6396 §4.4.2 Address Family). */
  readonly afi: typeof Afi.IPV4 | typeof Afi.IPV6;
  /** 4 or 16 bytes. */
  readonly peerAddress: Buffer;
  /** As many bytes as peerAddress. */
  readonly localAddress: Buffer;
}

/** How one message is recorded. */
export interface Bgp4mpMessageOptions {
  /** Sent by us (the _LOCAL subtypes) rather than received. */
  readonly local?: boolean;
  /** The session negotiated 4-octet AS (RFC 6793), so the message's AS_PATH has 4-octet ASes. Default true. */
  readonly asn4?: boolean;
  /** The message's NLRI carry RFC 7911 path identifiers (the RFC 8050 ADDPATH subtypes). */
  readonly addPath?: boolean;
  /** BGP4MP_ET: microseconds in the header (RFC 6396 §3). */
  readonly extendedTime?: boolean;
}

/** One whole record, addresses as text: for callers that encode one record now and then. */
export interface Bgp4mpMessage extends Bgp4mpMessageOptions {
  /** When the message crossed the wire, ms since the epoch (fractions keep microseconds for BGP4MP_ET). */
  readonly time: number;
  readonly peerAs: number;
  readonly localAs: number;
  readonly peerAddress: string;
  /** Absent or of the other family: recorded as the unspecified address (0.0.0.0 or ::). */
  readonly localAddress?: string;
  /** The whole BGP message, header included. */
  readonly message: Uint8Array;
}

/**
 * The peering of a BGP4MP record. Throws an Error when the peer address is not an IP address or
 * an AS is not a 4-octet number. A local address that is missing, unparsable or of the other
 * family is recorded as unspecified: the record still says who the peer was.
 */
export function bgp4mpPeering(peerAs: number, localAs: number, peerAddress: string, localAddress?: string): Bgp4mpPeering {
  checkAs('peer', peerAs);
  checkAs('local', localAs);
  const peer = parseIp(peerAddress);
  if (!peer) throw new Error(`MRT record: peer address "${peerAddress}" is not an IP address`);
  const parsedLocal = localAddress ? parseIp(localAddress) : undefined;
  const local = parsedLocal && parsedLocal.length === peer.length ? parsedLocal : Buffer.alloc(peer.length);
  return { peerAs, localAs, afi: peer.length === 4 ? Afi.IPV4 : Afi.IPV6, peerAddress: peer, localAddress: local };
}

function checkAs(which: string, asn: number): void {
  if (!Number.isInteger(asn) || asn < 0 || asn > 0xffffffff) throw new Error(`MRT record: ${which} AS ${asn} is not a 4-octet AS number`);
}

/** The subtype of a message record (see the file comment). */
export function bgp4mpSubtype(options: Bgp4mpMessageOptions): number {
  const asn4 = options.asn4 ?? true;
  if (options.addPath) {
    if (options.local) return asn4 ? Bgp4mpSubtype.MESSAGE_AS4_LOCAL_ADDPATH : Bgp4mpSubtype.MESSAGE_LOCAL_ADDPATH;
    return asn4 ? Bgp4mpSubtype.MESSAGE_AS4_ADDPATH : Bgp4mpSubtype.MESSAGE_ADDPATH;
  }
  if (options.local) return asn4 ? Bgp4mpSubtype.MESSAGE_AS4_LOCAL : Bgp4mpSubtype.MESSAGE_LOCAL;
  return asn4 ? Bgp4mpSubtype.MESSAGE_AS4 : Bgp4mpSubtype.MESSAGE;
}

/**
 * Appends one BGP4MP message record to `w`: the MRT common header (and microseconds for
 * BGP4MP_ET), then Peer AS, Local AS, Interface Index (0: rxbgp does not know it), Address
 * Family, Peer IP, Local IP and the message (RFC 6396 §4.4.2, §4.4.3). `time` is ms since the
 * epoch. Throws an Error for a time outside the 32-bit seconds of the MRT header.
 */
export function writeBgp4mpMessage(w: Writer, peering: Bgp4mpPeering, time: number, message: Uint8Array, options: Bgp4mpMessageOptions = {}): void {
  const seconds = Math.floor(time / 1000);
  if (!(seconds >= 0 && seconds <= 0xffffffff)) throw new Error(`MRT record: time ${time} ms is outside the 32-bit seconds of an MRT header`);
  const asn4 = options.asn4 ?? true;
  const et = options.extendedTime === true;
  // Length counts what follows the common header, the microseconds included (RFC 6396 §2, §3).
  const length = bgp4mpMessageLength(peering, message, options) - COMMON_HEADER;
  w.u32(seconds)
    .u16(et ? MrtType.BGP4MP_ET : MrtType.BGP4MP)
    .u16(bgp4mpSubtype(options))
    .u32(length);
  // Whole microseconds of the second; a clock that steps backwards by a fraction cannot give 1e6.
  if (et) w.u32(Math.min(999_999, Math.floor((time - seconds * 1000) * 1000)));
  if (asn4) w.u32(peering.peerAs).u32(peering.localAs);
  // RFC 6793 §4.2.2 (as for a 2-octet OPEN): an AS that needs 4 octets is AS_TRANS in 2.
  else w.u16(twoOctetAs(peering.peerAs)).u16(twoOctetAs(peering.localAs));
  w.u16(0) // Interface Index
    .u16(peering.afi)
    .bytes(peering.peerAddress)
    .bytes(peering.localAddress)
    .bytes(message);
}

function twoOctetAs(asn: number): number {
  return asn > 0xffff ? AS_TRANS : asn;
}

/** Length of the record writeBgp4mpMessage writes, header included. */
export function bgp4mpMessageLength(peering: Bgp4mpPeering, message: Uint8Array, options: Bgp4mpMessageOptions = {}): number {
  const asSize = (options.asn4 ?? true) ? 4 : 2;
  return COMMON_HEADER + (options.extendedTime ? MICROSECONDS : 0) + 2 * asSize + INDEX_AND_FAMILY + 2 * peering.peerAddress.length + message.length;
}

/** One record in a new Buffer (see writeBgp4mpMessage; throws like bgp4mpPeering). */
export function encodeBgp4mpMessage(record: Bgp4mpMessage): Buffer {
  const peering = bgp4mpPeering(record.peerAs, record.localAs, record.peerAddress, record.localAddress);
  const w = new Writer(bgp4mpMessageLength(peering, record.message, record));
  writeBgp4mpMessage(w, peering, record.time, record.message, record);
  return w.view(); // the writer was sized to the record and is dropped: no copy needed
}
