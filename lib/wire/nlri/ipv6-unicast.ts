/**
 * IPv6 unicast NLRI (RFC 4760 §5, RFC 2545): a length octet (0..128), then the prefix in the
 * fewest octets that hold it. The next hop is 16 octets (global) or 32 (global + link-local).
 */
import { formatIpv6, parsePrefix } from '../address';
import { Afi, Safi } from '../iana';
import type { Writer } from '../writer';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from './ip-next-hop';
import { invalidNetworkField } from './invalid-network-field';
import type { NlriCodec } from './nlri-codec';

const NEXT_HOP_LENGTHS: readonly NextHopLength[] = [16, 32];

/** One zeroed address to format from: decoding is synchronous, so it is never shared. */
const scratch = Buffer.alloc(16);

export const ipv6Unicast: NlriCodec = {
  afi: Afi.IPV6,
  safi: Safi.UNICAST,
  name: 'ipv6 unicast',

  decodeOne(buf, at, end, out) {
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
  },

  encodeOne(w: Writer, text: string) {
    const prefix = parsePrefix(text);
    if (typeof prefix === 'string' || prefix.afi !== Afi.IPV6) {
      throw new Error(`"${text}" is not an IPv6 prefix${typeof prefix === 'string' ? `: ${prefix}` : ''}`);
    }
    w.u8(prefix.length);
    w.bytes(prefix.address, 0, (prefix.length + 7) >> 3);
  },

  decodeNextHop: (buf, start, end) => decodeIpNextHop(buf, start, end, NEXT_HOP_LENGTHS),
  encodeNextHop: (w, nextHop) => encodeIpNextHop(w, nextHop, NEXT_HOP_LENGTHS),
};
