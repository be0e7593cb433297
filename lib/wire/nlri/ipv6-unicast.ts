/**
 * IPv6 unicast NLRI (RFC 4760 §5, RFC 2545): a length octet (0..128), then the prefix in the
 * fewest octets that hold it. The next hop is 16 octets (global) or 32 (global + link-local).
 */
import { formatIpv6 } from '../address';
import { Afi, Safi } from '../iana';
import type { Writer } from '../writer';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from './ip-next-hop';
import { invalidNetworkField } from './invalid-network-field';
import { parseIpv6PrefixInto } from './ipv6-prefix';
import type { NlriCodec } from './nlri-codec';
import { decodePrefixField, encodePrefixRange, type DecodeOne, type EncodeOne } from './prefix-run';

const NEXT_HOP_LENGTHS: readonly NextHopLength[] = [16, 32];
/**
 * Read also: a 4-octet IPv4 next hop, which RFC 2545 does not allow for IPv6 NLRI but some
 * speakers send (RFC 8950's capability turned around); ExaBGP reads it as an IPv4 next hop when
 * the extended next hop capability is negotiated, and so does rxbgp, always, rather than reset the
 * session with 3/9. rxbgp itself sends an IPv4 next hop of an IPv6 route IPv4-mapped (16 octets).
 */
const DECODED_NEXT_HOP_LENGTHS: readonly NextHopLength[] = [4, 16, 32];

/** Scratch space for one address: coding is synchronous, so it is never shared. */
const scratch = Buffer.alloc(16);
const words = new Uint16Array(8);

/** One IPv6 prefix (length octet, then the fewest octets holding it) onto `out`. */
const decodeOne: DecodeOne = (buf, at, end, out) => {
  const length = buf[at];
  if (length > 128) throw invalidNetworkField(`IPv6 prefix length ${length} > 128`);
  const octets = (length + 7) >> 3;
  const next = at + 1 + octets;
  if (next > end) throw invalidNetworkField('IPv6 prefix runs past the end of its field');
  scratch.fill(0);
  buf.copy(scratch, 0, at + 1, next);
  // Clear the trailing bits past the length (RFC 4271 §4.3: they are irrelevant).
  if (length & 7) scratch[octets - 1] &= (0xff << (8 - (length & 7))) & 0xff;
  out.push(`${formatIpv6(scratch)}/${length}`);
  return next;
};

const encodeOne: EncodeOne = (w: Writer, text: string) => {
  const length = parseIpv6PrefixInto(text, words);
  if (length < 0) throw new Error(`"${text}" is not an IPv6 prefix (x:x::x/len, host bits clear)`);
  w.u8(length);
  const octets = (length + 7) >> 3;
  for (let i = 0; i < octets; i++) w.u8(i & 1 ? words[i >> 1] & 255 : words[i >> 1] >> 8);
};

export const ipv6Unicast: NlriCodec & { readonly decodeOne: DecodeOne; readonly encodeOne: EncodeOne } = {
  afi: Afi.IPV6,
  safi: Safi.UNICAST,
  name: 'ipv6 unicast',
  decodeOne,
  encodeOne,
  decodeField: (target, buf, start, end, addPath) => decodePrefixField(decodeOne, target, buf, start, end, addPath),
  count: (list) => list.prefixes.length,
  encodeRange: (w, list, addPath, from, to, limit) => encodePrefixRange(encodeOne, w, list, addPath, from, to, limit),
  decodeNextHop: (buf, start, end) => decodeIpNextHop(buf, start, end, DECODED_NEXT_HOP_LENGTHS),
  encodeNextHop: (w, nextHop) => encodeIpNextHop(w, nextHop, NEXT_HOP_LENGTHS),
};
