/**
 * The MP_REACH_NLRI "Network Address of Next Hop" (RFC 4760 §3) a FlowSpec family reads.
 *
 * RFC 8955 §4: a rule needs no next hop, so it is normally 0 octets (read as none). A peer
 * redirecting to an IP next hop (RFC 7674) puts an address there: 4 octets (IPv4 only), 16, or 32
 * (global + link-local), which is what ExaBGP sends for both flow and flow-vpn. For flow-vpn
 * (SAFI 134) a VPN-style next hop is accepted too: an 8-octet route distinguisher, then the address
 * (RFC 4364 §4.3.2, RFC 4659 §3.2.1: 12 octets for IPv4, 24 for IPv6, 48 for an IPv6 global and a
 * link-local address each behind an RD), as other VPN families send it; the RDs are dropped, the
 * addresses kept. Any other length does not fit the family (malformed, RFC 7606 §7.11).
 */
import { decodeIpNextHop, type NextHopLength } from '../../wire/nlri/ip-next-hop';
import type { FlowFamily } from '../flowspec';
import { decodeRdNextHop } from '../route-distinguisher/rd-next-hop';

/** The plain address lengths of a family's next hop. */
export function flowNextHopLengths(family: FlowFamily): readonly NextHopLength[] {
  return family.afi === 1 ? [4, 16, 32] : [16, 32];
}

/** The next hop(s) in buf[start, end): [] for none, undefined when the length does not fit. */
export function decodeFlowNextHop(buf: Buffer, start: number, end: number, family: FlowFamily): string[] | undefined {
  if (end === start) return [];
  const lengths = flowNextHopLengths(family);
  const plain = decodeIpNextHop(buf, start, end, lengths);
  if (plain !== undefined || family.safi !== 134) return plain;
  return decodeRdNextHop(buf, start, end, family.afi);
}
