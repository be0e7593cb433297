/**
 * The realistic table as an MRT TABLE_DUMP_V2 file (RFC 6396 §4.3): a PEER_INDEX_TABLE with one
 * peer (the sender), then one RIB_IPV4_UNICAST / RIB_IPV6_UNICAST record per prefix in table order,
 * each with one RIB entry from peer 0. A set's attribute bytes are encoded once and copied behind
 * each of its prefixes; records go through one reused buffer in large writes. rxbgp loads it with
 * a neighbor's `mrtRoutes`, gobgpd with `gobgp mrt inject global`.
 */
import fs from 'fs';
import { parseDottedQuad } from './prefix-run';
import { peerIndexTable, type MrtPeer } from './mrt-table-dump';
import type { RealisticTable } from './realistic-table';
import { encodeSetAttributes, ipv6Bytes, writeIpv4Nlri, writeIpv6Nlri } from './realistic-wire';

/** RFC 6396 §4 type and §4.3 subtypes. */
const MRT_TABLE_DUMP_V2 = 13;
const RIB_IPV4_UNICAST = 2;
const RIB_IPV6_UNICAST = 4;

const MRT_HEADER_LENGTH = 12;
const FLUSH_BYTES = 1 << 20;

export interface RealisticMrtOptions {
  readonly peer: MrtPeer;
  /** NEXT_HOP of the IPv4 routes. */
  readonly ipv4NextHop: string;
  /** Next hop of the IPv6 routes, in the abbreviated MP_REACH_NLRI of RFC 6396 §4.3.4. */
  readonly ipv6NextHop: string;
  /** Seconds since the epoch on every record (header timestamp and originated time). */
  readonly timestamp: number;
}

export interface MrtFileSummary {
  readonly records: number;
  readonly bytes: number;
}

export function writeRealisticMrt(file: string, table: RealisticTable, o: RealisticMrtOptions): MrtFileSummary {
  const ipv4NextHop = parseDottedQuad(o.ipv4NextHop);
  if (ipv4NextHop === undefined) throw new Error(`MRT file: IPv4 next hop ${o.ipv4NextHop} is not an IPv4 address`);
  const ipv6NextHop = ipv6Bytes(o.ipv6NextHop);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    const index = peerIndexTable(o.peer, o.timestamp);
    fs.writeSync(fd, index);
    bytes += index.length;
    const buf = Buffer.allocUnsafe(FLUSH_BYTES);
    let at = 0;
    for (let s = 0; s < table.setCount; s++) {
      const ipv6 = s >= table.ipv4SetCount;
      const encoded = encodeSetAttributes(
        table.sets,
        s,
        ipv6 ? { kind: 'mrt-mp-reach', address: ipv6NextHop } : { kind: 'next-hop', address: ipv4NextHop },
      );
      const attributes = Buffer.concat([encoded.head, encoded.tail]);
      // Largest record: header, sequence, length, 16 prefix octets at most, entry count, entry header.
      const maxRecord = MRT_HEADER_LENGTH + 4 + 1 + 16 + 2 + 8 + attributes.length;
      if (maxRecord > buf.length) throw new Error(`MRT file: attribute set ${s} does not fit a record`);
      for (let i = table.setFirst[s]!; i < table.setFirst[s + 1]!; i++) {
        if (at + maxRecord > buf.length) {
          fs.writeSync(fd, buf, 0, at);
          bytes += at;
          at = 0;
        }
        at = writeRibRecord(buf, at, table, i, attributes, o.timestamp);
      }
    }
    fs.writeSync(fd, buf, 0, at);
    bytes += at;
  } finally {
    fs.closeSync(fd);
  }
  return { records: 1 + table.count, bytes };
}

/**
 * RFC 6396 §4.3.2 RIB_IPV4_UNICAST / RIB_IPV6_UNICAST: sequence number (the global index), prefix
 * length and prefix octets, entry count 1, then §4.3.4's RIB entry: peer index 0, originated time,
 * attribute length, attributes. Returns the offset after it.
 */
export function writeRibRecord(b: Buffer, at: number, table: RealisticTable, i: number, attributes: Buffer, timestamp: number): number {
  const ipv6 = table.isIpv6(i);
  const length = table.prefixLength(i);
  const bodyLength = 4 + 1 + ((length + 7) >> 3) + 2 + 2 + 4 + 2 + attributes.length;
  at = b.writeUInt32BE(timestamp, at);
  at = b.writeUInt16BE(MRT_TABLE_DUMP_V2, at);
  at = b.writeUInt16BE(ipv6 ? RIB_IPV6_UNICAST : RIB_IPV4_UNICAST, at);
  at = b.writeUInt32BE(bodyLength, at);
  at = b.writeUInt32BE(i >>> 0, at);
  at = ipv6 ? writeIpv6Nlri(b, at, table.ipv6High48(i), length) : writeIpv4Nlri(b, at, table.ipv4Address(i), length);
  at = b.writeUInt16BE(1, at); // entry count
  at = b.writeUInt16BE(0, at); // peer index
  at = b.writeUInt32BE(timestamp, at); // originated time
  at = b.writeUInt16BE(attributes.length, at);
  return at + attributes.copy(b, at);
}
