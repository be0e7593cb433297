/**
 * Writes MRT TABLE_DUMP_V2 records (RFC 6396 §4.3), what table-dump-v2.ts reads: a PEER_INDEX_TABLE,
 * then one RIB record per NLRI with an entry per peer (path). For every family of the registry:
 * the NLRI and the next hop are written by the family's own codec (FAMILY_REGISTRY), so the
 * writer names none.
 *
 * Subtype, by the family and whether the entries carry path ids:
 * - AFI 1/2 with SAFI 1/2: RIB_IPV4/IPV6_UNICAST/MULTICAST (2–5), whose prefix (Prefix Length and
 *   the fewest octets) is the codec's RFC 4271 encoding; with path ids their RFC 8050 ADDPATH
 *   twins (8–11);
 * - any other family: RIB_GENERIC (6, §4.3.3: AFI, SAFI, the NLRI as in MP_REACH_NLRI), with path
 *   ids RIB_GENERIC_ADDPATH (12).
 * An entry's attributes are written with 4-octet ASes (§4.3.4); its next hop is NEXT_HOP for the
 * classic IPv4 unicast family (RFC 4271) and otherwise MP_REACH_NLRI holding only Next Hop Length
 * and Next Hop (§4.3.4).
 *
 * No daemon part writes dumps yet (the MRT sink writes BGP4MP: bgp4mp-writer.ts); this is the
 * library side a `dump` command or sink would use, and what the tests check the reader against.
 */
import { FAMILY_REGISTRY } from '../families';
import { parseIp } from '../wire/address';
import { beginAttribute, encodePathAttributes, endAttribute } from '../wire/attributes';
import { mpFlag } from '../wire/attributes/mp-reach-nlri';
import { familyName } from '../wire/family-names';
import { AttrType } from '../wire/iana';
import { familyKey, type CodecContext, type PathAttributes } from '../wire/types';
import type { Writer } from '../wire/writer';
import { PREFIX_SUBTYPES, Subtype } from './rib-nlri';

const TABLE_DUMP_V2 = 13;
/** TABLE_DUMP_V2 always encodes AS numbers in 4 octets (RFC 6396 §4.3.4). */
const DUMP_CONTEXT: CodecContext = { asn4: true, extendedMessage: true, addPath: new Set() };
/** MP_REACH_NLRI: optional, non-transitive (RFC 4760 §3). */
const MP_REACH_FLAGS = 0x80;

/** One peer of the PEER_INDEX_TABLE (RFC 6396 §4.3.1); RIB entries name it by its index. */
export interface DumpPeer {
  readonly bgpId: string;
  readonly address: string;
  readonly as: number;
}

/** One path of a RIB record. */
export interface DumpEntry {
  readonly peerIndex: number;
  /** When the route was received, seconds since the epoch. */
  readonly originatedTime: number;
  /** RFC 7911 path identifier: the record is then an RFC 8050 ADDPATH subtype (all entries need one). */
  readonly pathId?: number;
  /** The family's next hop(s), as its codec takes them ([] for a family without one). */
  readonly nextHop: readonly string[];
  readonly attributes: PathAttributes;
}

/** One NLRI of a family with its paths. */
export interface DumpRoute {
  readonly afi: number;
  readonly safi: number;
  /** The NLRI's canonical text, as the family's codec reads and writes it. */
  readonly prefix: string;
  readonly entries: readonly DumpEntry[];
}

/** Appends a PEER_INDEX_TABLE record: IPv4 or IPv6 address and 4-octet AS per peer (Peer Type bits 0 and 1). */
export function writePeerIndexTable(w: Writer, time: number, collectorId: string, viewName: string, peers: readonly DumpPeer[]): void {
  const at = header(w, time, Subtype.PEER_INDEX_TABLE);
  w.bytes(address(collectorId, 4, 'collector BGP ID'));
  const name = Buffer.from(viewName, 'utf8');
  w.u16(name.length).bytes(name).u16(peers.length);
  for (const p of peers) {
    const ip = parseIp(p.address);
    if (!ip) throw new Error(`MRT peer index table: peer address "${p.address}" is not an IP address`);
    // Peer Type: bit 0 (0x01) IPv6 address, bit 1 (0x02) 4-octet AS.
    w.u8((ip.length === 16 ? 0x01 : 0) | 0x02)
      .bytes(address(p.bgpId, 4, 'peer BGP ID'))
      .bytes(ip)
      .u32(p.as);
  }
  finish(w, at);
}

/** Appends one RIB record for `route`. Throws an Error naming the route when its family is not carried or it does not encode. */
export function writeRibRecord(w: Writer, time: number, sequence: number, route: DumpRoute): void {
  const codec = FAMILY_REGISTRY.nlri.get(familyKey(route.afi, route.safi));
  const what = `MRT RIB record of ${familyName(route.afi, route.safi)} ${route.prefix}`;
  if (!codec) throw new Error(`${what}: rxbgp does not carry the family`);
  const addPath = route.entries.length > 0 && route.entries[0]!.pathId !== undefined;
  if (route.entries.some((e) => (e.pathId !== undefined) !== addPath)) throw new Error(`${what}: path ids on some entries only`);
  const fixed = FIXED_SUBTYPES.get(`${route.afi}/${route.safi}/${addPath}`);
  const at = header(w, time, fixed ?? (addPath ? Subtype.RIB_GENERIC_ADDPATH : Subtype.RIB_GENERIC));
  w.u32(sequence);
  if (fixed === undefined) w.u16(route.afi).u8(route.safi);
  if (codec.encodeRange(w, { prefixes: [route.prefix] }, false, 0, 1, w.pos + 0xffff) !== 1) throw new Error(`${what}: the NLRI does not encode`);
  w.u16(route.entries.length);
  const classic = mpFlag(route.afi, route.safi).mp === true;
  for (const e of route.entries) {
    w.u16(e.peerIndex).u32(e.originatedTime);
    if (addPath) w.u32(e.pathId!);
    const lengthAt = w.pos;
    w.u16(0);
    if (classic) encodePathAttributes(w, { attributes: { ...e.attributes, nextHop: e.nextHop[0] } as PathAttributes }, DUMP_CONTEXT);
    else {
      encodePathAttributes(w, { attributes: e.attributes }, DUMP_CONTEXT, 0, AttrType.MP_REACH_NLRI - 1);
      const flagsAt = beginAttribute(w, MP_REACH_FLAGS, AttrType.MP_REACH_NLRI);
      const nextHopLengthAt = w.pos;
      w.u8(0);
      codec.encodeNextHop(w, e.nextHop);
      w.patch(nextHopLengthAt, 1, w.pos - nextHopLengthAt - 1);
      endAttribute(w, flagsAt, MP_REACH_FLAGS);
      encodePathAttributes(w, { attributes: e.attributes }, DUMP_CONTEXT, AttrType.MP_REACH_NLRI + 1);
    }
    w.patch(lengthAt, 2, w.pos - lengthAt - 2);
  }
  finish(w, at);
}

/** The fixed-family subtypes by "afi/safi/addPath": RIB_GENERIC is for every other family. */
const FIXED_SUBTYPES: ReadonlyMap<string, number> = new Map(Object.entries(PREFIX_SUBTYPES).map(([subtype, f]) => [`${f.afi}/${f.safi}/${f.addPath}`, Number(subtype)]));

/** The MRT common header (RFC 6396 §2) with a length placeholder; returns where the header starts. */
function header(w: Writer, time: number, subtype: number): number {
  const at = w.pos;
  w.u32(time).u16(TABLE_DUMP_V2).u16(subtype).u32(0);
  return at;
}

function finish(w: Writer, at: number): void {
  w.patch(at + 8, 4, w.pos - at - 12);
}

function address(text: string, octets: number, what: string): Buffer {
  const ip = parseIp(text);
  if (!ip || ip.length !== octets) throw new Error(`MRT peer index table: ${what} "${text}" is not an IPv4 address`);
  return ip;
}
