/**
 * IPv4 unicast NLRI (RFC 4271 §4.3): a length octet, then the prefix in the fewest octets
 * that hold `length` bits. Used by the classic NLRI / Withdrawn Routes fields and by
 * MP_REACH/MP_UNREACH with AFI 1 / SAFI 1 (RFC 4760). It stays in wire because the classic
 * fields of every UPDATE need it; lib/families/ipv4-unicast wraps it in the family descriptor.
 *
 * Without ADD-PATH a field is held packed (packed-ipv4.ts): numbers, text made on first read.
 */
import { formatIpv4Number } from '../address';
import { Afi, Safi } from '../iana';
import type { Writer } from '../writer';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from './ip-next-hop';
import { invalidNetworkField } from './invalid-network-field';
import { ipv4Mask, packedAddress, packedLength, parseIpv4PrefixPacked } from './ipv4-prefix';
import type { NlriCodec, NlriSource } from './nlri-codec';
import { attachPackedIpv4, decodeIpv4Packed, encodeIpv4Packed, nlriCount, packedIpv4Of } from './packed-ipv4';
import { decodePrefixField, type DecodeOne, type EncodeOne } from './prefix-run';

/** IPv4 next hop, or IPv6 (global, optionally + link-local) per RFC 8950. */
const NEXT_HOP_LENGTHS: readonly NextHopLength[] = [4, 16, 32];

/** One prefix as text onto `out` (the ADD-PATH path; without it the field is read packed). */
const decodeOne: DecodeOne = (buf, at, end, out) => {
  const length = buf[at];
  if (length > 32) throw invalidNetworkField(`IPv4 prefix length ${length} > 32`);
  const octets = (length + 7) >> 3;
  const next = at + 1 + octets;
  if (next > end) throw invalidNetworkField('IPv4 prefix runs past the end of its field');
  let address = 0;
  for (let i = 0; i < 4; i++) address = address * 256 + (i < octets ? buf[at + 1 + i] : 0);
  // Trailing bits past the length are irrelevant (RFC 4271 §4.3): clear them so the text is canonical.
  out.push(`${formatIpv4Number((address & ipv4Mask(length)) >>> 0)}/${length}`);
  return next;
};

const encodeOne: EncodeOne = (w: Writer, text: string) => {
  const packed = parseIpv4PrefixPacked(text);
  if (packed < 0) throw new Error(`"${text}" is not an IPv4 prefix (a.b.c.d/len, host bits clear)`);
  const address = packedAddress(packed);
  const length = packedLength(packed);
  w.u8(length);
  const octets = (length + 7) >> 3;
  for (let i = 0; i < octets; i++) w.u8((address >>> (24 - 8 * i)) & 255);
};

/** Writes list[from, to) within `limit`, from the packed numbers when the list has them. */
function encodeRange(w: Writer, list: NlriSource, addPath: boolean, from: number, to: number, limit: number): number {
  const packed = packedIpv4Of(list);
  const { prefixes, pathIds } = list;
  let i = from;
  if (packed && !addPath) {
    for (; i < to; i++) {
      const mark = w.pos;
      encodeIpv4Packed(w, packed[i]);
      if (w.pos > limit) {
        w.pos = mark;
        break;
      }
    }
    return i;
  }
  for (; i < to; i++) {
    const mark = w.pos;
    if (addPath) w.u32(pathIds?.[i] ?? 0);
    if (packed) encodeIpv4Packed(w, packed[i]);
    else encodeOne(w, prefixes[i]);
    if (w.pos > limit) {
      w.pos = mark;
      break;
    }
  }
  return i;
}

export const ipv4Unicast: NlriCodec & { readonly decodeOne: DecodeOne; readonly encodeOne: EncodeOne } = {
  afi: Afi.IPV4,
  safi: Safi.UNICAST,
  name: 'ipv4 unicast',
  decodeOne,
  encodeOne,

  decodeField(target, buf, start, end, addPath) {
    if (addPath) return decodePrefixField(decodeOne, target, buf, start, end, true);
    const packed: number[] = [];
    decodeIpv4Packed(buf, start, end, packed);
    return attachPackedIpv4(target, packed);
  },
  count: nlriCount,
  encodeRange,
  decodeNextHop: (buf, start, end) => decodeIpNextHop(buf, start, end, NEXT_HOP_LENGTHS),
  encodeNextHop: (w, nextHop) => encodeIpNextHop(w, nextHop, NEXT_HOP_LENGTHS),
};
