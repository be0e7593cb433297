/**
 * "Network Address of Next Hop" of the labeled families (RFC 4760 §3):
 * - labeled unicast (RFC 8277 §2): an IP address as for unicast; IPv4 4 octets (or 16 / 32 under
 *   RFC 8950), IPv6 16, or 32 with a link-local one (RFC 2545 §3);
 * - L3VPN (RFC 4364 §4.3.2, RFC 4659 §3.2.1): a route distinguisher of zeros, then the address:
 *   12 octets for IPv4, 24 for IPv6, 48 for IPv6 with a link-local address (each behind its RD);
 *   40 (one RD, then both addresses), ExaBGP 4.2's form, is read too.
 * An IPv4 next hop of an IPv6 route is sent IPv4-mapped (RFC 4798 §2 for 6PE, RFC 4659 §3.2.1.2).
 */
import { formatIpv6, ipFamily, parseIpv4, parseIpv6 } from '../../wire/address';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from '../../wire/nlri/ip-next-hop';
import type { Writer } from '../../wire/writer';
import { RD_LENGTH } from '../route-distinguisher';
import { decodeRdNextHop } from '../route-distinguisher/rd-next-hop';
import type { LabeledFamily } from './types';

const plainLengths = (family: LabeledFamily): readonly NextHopLength[] => (family.afi === 1 ? [4, 16, 32] : [16, 32]);

export function decodeLabeledNextHop(buf: Buffer, start: number, end: number, family: LabeledFamily): string[] | undefined {
  if (family.safi === 4) return decodeIpNextHop(buf, start, end, plainLengths(family));
  // One RD before a global and a link-local address: what ExaBGP 4.2 sends and reads for IPv6.
  if (end - start === RD_LENGTH + 32) return [formatIpv6(buf, start + RD_LENGTH), formatIpv6(buf, start + RD_LENGTH + 16)];
  return decodeRdNextHop(buf, start, end, family.afi);
}

/** An IPv4 address as the IPv4-mapped IPv6 one (::ffff:a.b.c.d), for IPv6 routes. */
function mapped(text: string): string {
  return ipFamily(text) === 1 ? `::ffff:${text}` : text;
}

export function encodeLabeledNextHop(w: Writer, nextHop: readonly string[], family: LabeledFamily): void {
  if (family.safi === 4) {
    encodeIpNextHop(w, family.afi === 2 ? nextHop.map(mapped) : nextHop, plainLengths(family));
    return;
  }
  if (nextHop.length < 1 || nextHop.length > 2) throw new Error(`expected 1 or 2 next hops, got ${nextHop.length}`);
  const v4 = nextHop.length === 1 && family.afi === 1 ? parseIpv4(nextHop[0]) : undefined;
  if (v4 !== undefined) {
    w.u32(0).u32(0).u32(v4);
    return;
  }
  for (const text of nextHop) {
    const v6 = parseIpv6(mapped(text));
    if (!v6) throw new Error(`next hop "${text}" is not an IP address`);
    w.u32(0).u32(0).bytes(v6);
  }
}
