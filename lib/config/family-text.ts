/**
 * Address families as ExaBGP spells them ("ipv4 unicast", "l2vpn evpn"), to and from
 * AFI/SAFI numbers (RFC 4760). The config accepts only CONFIG_FAMILIES, the families
 * rxbgp can carry routes for today; the whole table is here for the process API and logs.
 */
import { Afi, Safi } from '../wire/iana';
import { familyKey, type Family } from '../wire/types';

const NAMES: ReadonlyArray<readonly [string, number, number]> = [
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

const BY_NAME = new Map<string, Family>(NAMES.map(([name, afi, safi]) => [name, { afi, safi }]));
const BY_KEY = new Map<number, string>(NAMES.map(([name, afi, safi]) => [familyKey(afi, safi), name]));

/** Families a neighbor may negotiate and carry configured routes for. */
export const CONFIG_FAMILIES: readonly string[] = ['ipv4 unicast', 'ipv6 unicast'];

/** AFI/SAFI of a family name (case and repeated spaces ignored), or undefined. */
export function parseFamily(text: string): Family | undefined {
  return BY_NAME.get(text.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** ExaBGP's name of a family, or "afi N safi M" for one without a name. */
export function formatFamily(afi: number, safi: number): string {
  return BY_KEY.get(familyKey(afi, safi)) ?? `afi ${afi} safi ${safi}`;
}
