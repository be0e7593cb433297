/**
 * ExaBGP's names of the address families (RFC 4760 AFI/SAFI pairs), for text, JSON and logs at
 * every layer: one table of AFI names and one of SAFI names (exabgp/protocol/family.py), including
 * ExaBGP's text for numbers it does not know ("unknown-afi-0x0x5" is what `'0x%s' % hex(n)` gives).
 * lib/families/family-text.ts parses the names of FAMILY_NAMES.
 */
import { Afi, Safi } from './iana';
import { familyKey } from './types';

const AFI_NAMES: Readonly<Record<number, string>> = { 0: 'undefined', [Afi.IPV4]: 'ipv4', [Afi.IPV6]: 'ipv6', [Afi.L2VPN]: 'l2vpn', [Afi.BGP_LS]: 'bgp-ls' };

const SAFI_NAMES: Readonly<Record<number, string>> = {
  [Safi.UNICAST]: 'unicast',
  [Safi.MULTICAST]: 'multicast',
  [Safi.MPLS_LABEL]: 'nlri-mpls', // RFC 8277
  [Safi.MCAST_VPN]: 'mcast-vpn', // RFC 6514 (ExaBGP 5's name; 4.2 does not know SAFI 5)
  [Safi.VPLS]: 'vpls', // RFC 4761
  [Safi.EVPN]: 'evpn', // RFC 7432
  [Safi.BGP_LS]: 'bgp-ls', // RFC 7752
  72: 'bgp-ls-vpn',
  [Safi.MPLS_VPN]: 'mpls-vpn', // RFC 4364, RFC 4659
  [Safi.RTC]: 'rtc', // RFC 4684
  [Safi.FLOWSPEC]: 'flow', // RFC 8955, RFC 8956
  [Safi.FLOWSPEC_VPN]: 'flow-vpn',
};

export function afiName(afi: number): string {
  return AFI_NAMES[afi] ?? `unknown-afi-0x0x${afi.toString(16)}`;
}

export function safiName(safi: number): string {
  return SAFI_NAMES[safi] ?? `unknown safi ${safi}`;
}

/** "ipv4 unicast": the key of announce / withdraw groups and of the negotiated families. */
export function familyName(afi: number, safi: number): string {
  return `${afiName(afi)} ${safiName(safi)}`;
}

/** "ipv4/unicast": how OPEN capabilities name a family. */
export function familySlashName(afi: number, safi: number): string {
  return `${afiName(afi)}/${safiName(safi)}`;
}

/** The families rxbgp carries, by name (the names come from the tables above). */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, number, number]> = (
  [
    [Afi.IPV4, Safi.UNICAST],
    [Afi.IPV4, Safi.MULTICAST],
    [Afi.IPV4, Safi.MPLS_LABEL],
    [Afi.IPV4, Safi.MPLS_VPN],
    [Afi.IPV4, Safi.MCAST_VPN],
    [Afi.IPV4, Safi.RTC],
    [Afi.IPV4, Safi.FLOWSPEC],
    [Afi.IPV4, Safi.FLOWSPEC_VPN],
    [Afi.IPV6, Safi.UNICAST],
    [Afi.IPV6, Safi.MULTICAST],
    [Afi.IPV6, Safi.MPLS_LABEL],
    [Afi.IPV6, Safi.MPLS_VPN],
    [Afi.IPV6, Safi.MCAST_VPN],
    [Afi.IPV6, Safi.FLOWSPEC],
    [Afi.IPV6, Safi.FLOWSPEC_VPN],
    [Afi.L2VPN, Safi.VPLS],
    [Afi.L2VPN, Safi.EVPN],
    [Afi.BGP_LS, Safi.BGP_LS],
  ] as const
).map(([afi, safi]) => [familyName(afi, safi), afi, safi] as const);

const BY_KEY = new Map<number, string>(FAMILY_NAMES.map(([name, afi, safi]) => [familyKey(afi, safi), name]));

/** ExaBGP's name of a family rxbgp carries, or "afi N safi M" for another. */
export function formatFamily(afi: number, safi: number): string {
  return BY_KEY.get(familyKey(afi, safi)) ?? `afi ${afi} safi ${safi}`;
}
