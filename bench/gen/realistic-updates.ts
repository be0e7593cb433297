/**
 * The realistic table as BGP UPDATE messages (RFC 4271 §4.3), for the feeder that loads it into
 * BIRD: per attribute set, its attributes encoded once and as many of its prefixes packed behind
 * them as fit in 4096 octets. IPv4 prefixes go in the NLRI field with a NEXT_HOP attribute; IPv6
 * prefixes in MP_REACH_NLRI (RFC 4760 §3). Messages are concatenated into large chunks; the last
 * chunk ends with both End-of-RIB markers (RFC 4724 §2).
 */
import type { RealisticTable } from './realistic-table';
import { ATTR, encodeSetAttributes, nlriLength, writeIpv4Nlri, writeIpv6Nlri } from './realistic-wire';

/** RFC 4271 §4.1: the largest message without the extended-message capability. */
export const MAX_MESSAGE = 4096;
const HEADER = 19;
const UPDATE = 2;
const AFI_IPV6 = 2;
const SAFI_UNICAST = 1;

export interface UpdateOptions {
  readonly ipv4NextHop: number;
  /** 16 bytes. */
  readonly ipv6NextHop: Buffer;
  /** Bytes per chunk handed to the socket. */
  readonly chunkBytes?: number;
}

/** Chunks of whole UPDATE messages carrying every prefix of the table once. */
export function* tableUpdates(table: RealisticTable, o: UpdateOptions): Generator<Buffer> {
  const chunkBytes = Math.max(o.chunkBytes ?? 1 << 20, MAX_MESSAGE);
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let at = 0;
  for (let s = 0; s < table.setCount; s++) {
    const ipv6 = s >= table.ipv4SetCount;
    const attrs = encodeSetAttributes(table.sets, s, ipv6 ? { kind: 'none' } : { kind: 'next-hop', address: o.ipv4NextHop });
    // Bytes of a message before any NLRI: header, withdrawn length, attribute length, attributes,
    // and for IPv6 the MP_REACH_NLRI header (flags, type, 2-octet length, AFI, SAFI, next hop, reserved).
    const mpHeader = ipv6 ? 4 + 3 + 1 + o.ipv6NextHop.length + 1 : 0;
    const fixed = HEADER + 2 + 2 + attrs.head.length + attrs.tail.length + mpHeader;
    if (fixed + nlriLength(ipv6 ? 48 : 32) > MAX_MESSAGE) throw new Error(`UPDATE: attribute set ${s} leaves no room for a prefix`);
    let i = table.setFirst[s]!;
    const end = table.setFirst[s + 1]!;
    while (i < end) {
      if (at + MAX_MESSAGE > chunk.length) {
        yield chunk.subarray(0, at);
        chunk = Buffer.allocUnsafe(chunkBytes);
        at = 0;
      }
      const start = at;
      at += HEADER;
      at = chunk.writeUInt16BE(0, at); // withdrawn routes length
      const attrLengthAt = at;
      at += 2;
      at += attrs.head.copy(chunk, at);
      let mpLengthAt = 0;
      if (ipv6) {
        chunk[at++] = 0x80 | 0x10; // optional, extended length (RFC 4271 §4.3)
        chunk[at++] = ATTR.MP_REACH_NLRI;
        mpLengthAt = at;
        at += 2;
        at = chunk.writeUInt16BE(AFI_IPV6, at);
        chunk[at++] = SAFI_UNICAST;
        chunk[at++] = o.ipv6NextHop.length;
        at += o.ipv6NextHop.copy(chunk, at);
        chunk[at++] = 0; // reserved
      }
      // The tail (LARGE_COMMUNITY) follows MP_REACH_NLRI for IPv6; for IPv4 it closes the attributes.
      const limit = start + MAX_MESSAGE - (ipv6 ? attrs.tail.length : 0);
      if (!ipv6) at += attrs.tail.copy(chunk, at);
      const nlriStart = at;
      while (i < end && at + nlriLength(table.prefixLength(i)) <= limit) {
        at = ipv6 ? writeIpv6Nlri(chunk, at, table.ipv6High48(i), table.prefixLength(i)) : writeIpv4Nlri(chunk, at, table.ipv4Address(i), table.prefixLength(i));
        i++;
      }
      if (ipv6) {
        chunk.writeUInt16BE(at - mpLengthAt - 2, mpLengthAt);
        at += attrs.tail.copy(chunk, at);
        chunk.writeUInt16BE(at - attrLengthAt - 2, attrLengthAt);
      } else {
        chunk.writeUInt16BE(nlriStart - attrLengthAt - 2, attrLengthAt);
      }
      writeHeader(chunk, start, at - start, UPDATE);
    }
  }
  if (at + 2 * 64 > chunk.length) {
    yield chunk.subarray(0, at);
    chunk = Buffer.allocUnsafe(chunkBytes);
    at = 0;
  }
  yield Buffer.concat([chunk.subarray(0, at), endOfRib(false), endOfRib(true)]);
}

/** RFC 4724 §2: IPv4 unicast's End-of-RIB is an empty UPDATE; another family's an empty MP_UNREACH_NLRI. */
export function endOfRib(ipv6: boolean): Buffer {
  if (!ipv6) {
    const b = Buffer.alloc(HEADER + 4);
    writeHeader(b, 0, b.length, UPDATE);
    return b;
  }
  const b = Buffer.alloc(HEADER + 4 + 6);
  writeHeader(b, 0, b.length, UPDATE);
  b.writeUInt16BE(6, HEADER + 2); // total path attribute length
  b[HEADER + 4] = 0x80; // optional
  b[HEADER + 5] = 15; // MP_UNREACH_NLRI (RFC 4760 §4)
  b[HEADER + 6] = 3;
  b.writeUInt16BE(AFI_IPV6, HEADER + 7);
  b[HEADER + 9] = SAFI_UNICAST;
  return b;
}

/** RFC 4271 §4.1 header: 16 octets of ones, length, type. */
export function writeHeader(b: Buffer, at: number, length: number, type: number): void {
  b.fill(0xff, at, at + 16);
  b.writeUInt16BE(length, at + 16);
  b[at + 18] = type;
}
