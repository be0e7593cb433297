/**
 * ExaBGP's names of the address families (RFC 4760 AFI/SAFI pairs), for text, JSON and logs at
 * every layer (lib/families/family-text.ts parses them).
 */
import { Afi, Safi } from './iana';
import { familyKey } from './types';

export const FAMILY_NAMES: ReadonlyArray<readonly [string, number, number]> = [
  ['ipv4 unicast', Afi.IPV4, Safi.UNICAST],
  ['ipv4 multicast', Afi.IPV4, Safi.MULTICAST],
  ['ipv4 nlri-mpls', Afi.IPV4, Safi.MPLS_LABEL], // RFC 8277
  ['ipv4 mpls-vpn', Afi.IPV4, Safi.MPLS_VPN], // RFC 4364
  ['ipv4 rtc', Afi.IPV4, Safi.RTC], // RFC 4684
  ['ipv4 flow', Afi.IPV4, Safi.FLOWSPEC], // RFC 8955
  ['ipv4 flow-vpn', Afi.IPV4, Safi.FLOWSPEC_VPN],
  ['ipv6 unicast', Afi.IPV6, Safi.UNICAST],
  ['ipv6 multicast', Afi.IPV6, Safi.MULTICAST],
  ['ipv6 nlri-mpls', Afi.IPV6, Safi.MPLS_LABEL],
  ['ipv6 mpls-vpn', Afi.IPV6, Safi.MPLS_VPN], // RFC 4659
  ['ipv6 flow', Afi.IPV6, Safi.FLOWSPEC], // RFC 8956
  ['ipv6 flow-vpn', Afi.IPV6, Safi.FLOWSPEC_VPN],
  ['l2vpn vpls', Afi.L2VPN, Safi.VPLS], // RFC 4761
  ['l2vpn evpn', Afi.L2VPN, Safi.EVPN], // RFC 7432
  ['bgp-ls bgp-ls', Afi.BGP_LS, Safi.BGP_LS], // RFC 7752
];

const BY_KEY = new Map<number, string>(FAMILY_NAMES.map(([name, afi, safi]) => [familyKey(afi, safi), name]));

/** ExaBGP's name of a family, or "afi N safi M" for one without a name. */
export function formatFamily(afi: number, safi: number): string {
  return BY_KEY.get(familyKey(afi, safi)) ?? `afi ${afi} safi ${safi}`;
}
