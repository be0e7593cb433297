/**
 * IPv4 unicast NLRI (RFC 4271 §4.3): a length octet, then the prefix in the fewest octets
 * that hold `length` bits. Used by the classic NLRI / Withdrawn Routes fields and by
 * MP_REACH/MP_UNREACH with AFI 1 / SAFI 1 (RFC 4760).
 */
import { formatIpv4Number } from '../address';
import { Afi, Safi } from '../iana';
import type { Writer } from '../writer';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from './ip-next-hop';
import { invalidNetworkField } from './invalid-network-field';
import { ipv4Mask, packedAddress, packedLength, parseIpv4PrefixPacked } from './ipv4-prefix';
import type { NlriCodec } from './nlri-codec';

/** IPv4 next hop, or IPv6 (global, optionally + link-local) per RFC 8950. */
const NEXT_HOP_LENGTHS: readonly NextHopLength[] = [4, 16, 32];

export const ipv4Unicast: NlriCodec = {
  afi: Afi.IPV4,
  safi: Safi.UNICAST,
  name: 'ipv4 unicast',

  decodeOne(buf, at, end, out) {
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
  },

  encodeOne(w: Writer, text: string) {
    const packed = parseIpv4PrefixPacked(text);
    if (packed < 0) throw new Error(`"${text}" is not an IPv4 prefix (a.b.c.d/len, host bits clear)`);
    const address = packedAddress(packed);
    const length = packedLength(packed);
    w.u8(length);
    const octets = (length + 7) >> 3;
    for (let i = 0; i < octets; i++) w.u8((address >>> (24 - 8 * i)) & 255);
  },

  decodeNextHop: (buf, start, end) => decodeIpNextHop(buf, start, end, NEXT_HOP_LENGTHS),
  encodeNextHop: (w, nextHop) => encodeIpNextHop(w, nextHop, NEXT_HOP_LENGTHS),
};
