/**
 * AFI and SAFI names as ExaBGP prints them (exabgp/protocol/family.py), including its text for
 * numbers it does not know ("unknown-afi-0x0x5" is what `'0x%s' % hex(n)` gives).
 */
const AFI_NAMES: Readonly<Record<number, string>> = { 0: 'undefined', 1: 'ipv4', 2: 'ipv6', 25: 'l2vpn', 16388: 'bgp-ls' };

const SAFI_NAMES: Readonly<Record<number, string>> = {
  1: 'unicast',
  2: 'multicast',
  4: 'nlri-mpls', // RFC 8277
  65: 'vpls',
  70: 'evpn', // RFC 7432
  71: 'bgp-ls',
  72: 'bgp-ls-vpn',
  128: 'mpls-vpn', // RFC 4364
  132: 'rtc',
  133: 'flow', // RFC 8955
  134: 'flow-vpn',
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
