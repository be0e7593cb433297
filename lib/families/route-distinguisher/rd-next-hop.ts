/**
 * The VPN form of MP_REACH_NLRI's "Network Address of Next Hop" (RFC 4364 §4.3.2, RFC 4659
 * §3.2.1): each address behind an 8-octet route distinguisher (zeros when sent): 12 octets for an
 * IPv4 address, 24 for IPv6, 48 for an IPv6 global and link-local pair. The RDs are dropped and the
 * addresses kept. Shared by every family with VPN next hops (L3VPN, flow-vpn).
 */
import { formatIpv4, formatIpv6 } from '../../wire/address';
import { RD_LENGTH } from './index';

/** The addresses of an RD-prefixed next hop in buf[start, end) for `afi`, or undefined when its length is not one of those. */
export function decodeRdNextHop(buf: Buffer, start: number, end: number, afi: number): string[] | undefined {
  switch (end - start) {
    case RD_LENGTH + 4:
      return afi === 1 ? [formatIpv4(buf, start + RD_LENGTH)] : undefined;
    case RD_LENGTH + 16:
      return [formatIpv6(buf, start + RD_LENGTH)];
    case 2 * (RD_LENGTH + 16):
      return [formatIpv6(buf, start + RD_LENGTH), formatIpv6(buf, start + 2 * RD_LENGTH + 16)];
    default:
      return undefined;
  }
}
