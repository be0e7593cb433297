/** Hand-built MRT TABLE_DUMP_V2 records (RFC 6396) for tests. */
import { hex } from '../helpers/hex';

/** One MRT record: timestamp, type, subtype, length, body (RFC 6396 §2). */
export function record(type: number, subtype: number, body: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt32BE(1700000000, 0);
  head.writeUInt16BE(type, 4);
  head.writeUInt16BE(subtype, 6);
  head.writeUInt32BE(body.length, 8);
  return Buffer.concat([head, body]);
}

/** A RIB_IPV4/IPV6_UNICAST body (RFC 6396 §4.3.2) with one entry per attribute list. */
export function rib(sequence: number, length: number, prefix: Buffer, ...entries: Buffer[]): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(sequence, 0);
  head[4] = length;
  const count = Buffer.alloc(2);
  count.writeUInt16BE(entries.length, 0);
  const body = entries.map((attrs, i) => {
    const e = Buffer.alloc(8);
    e.writeUInt16BE(i, 0);
    e.writeUInt32BE(1700000000, 2);
    e.writeUInt16BE(attrs.length, 6);
    return Buffer.concat([e, attrs]);
  });
  return Buffer.concat([head, prefix, count, ...body]);
}

// ORIGIN IGP, AS_PATH 64500 64501 (4-octet, RFC 6396 §4.3.4), NEXT_HOP 198.51.100.1, MED 5.
export const V4_ATTRS = hex`40 01 01 00  40 02 0a 02 02 0000fbf4 0000fbf5  40 03 04 c6336401  80 04 04 00000005`;
// ORIGIN IGP, AS_PATH 64500, abbreviated MP_REACH_NLRI: next hop length 16, 2001:db8::1.
export const V6_ATTRS = hex`40 01 01 00  40 02 06 02 01 0000fbf4  80 0e 11 10 20010db8000000000000000000000001`;
export const PEER_INDEX = hex`c0000201 0000 0001 02 c0000202 c0000202 0000fbf4`;
