/**
 * Names of component values as ExaBGP 4.2 reads and prints them (exabgp/protocol/__init__.py,
 * protocol/ip/icmp.py, protocol/ip/tcp/flag.py, protocol/ip/fragment.py).
 */

/** IP protocol numbers (IANA "Assigned Internet Protocol Numbers"). */
export const PROTOCOL_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['icmp', 1],
  ['igmp', 2],
  ['tcp', 6],
  ['egp', 8],
  ['udp', 17],
  ['rsvp', 46],
  ['gre', 47],
  ['esp', 50],
  ['ah', 51],
  ['ospf', 89],
  ['ipip', 94],
  ['pim', 103],
  ['sctp', 132],
];

/** ICMP (IPv4) types, RFC 792 and later. */
export const ICMP_TYPE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['echo-reply', 0],
  ['unreachable', 3],
  ['source-quench', 4],
  ['redirect', 5],
  ['echo-request', 8],
  ['router-advertisement', 9],
  ['router-solicit', 10],
  ['time-exceeded', 11],
  ['parameter-problem', 12],
  ['timestamp', 13],
  ['timestamp-reply', 14],
  ['info-request', 15],
  ['info-reply', 16],
  ['mask-request', 17],
  ['mask-reply', 18],
  ['traceroute', 30],
  ['experimental-mobility', 41],
  ['extended-echo-request', 42],
  ['extended-echo-reply', 43],
  ['experimental-one', 253],
  ['experimental-two', 254],
];

/**
 * ICMPv6 types (RFC 4443, RFC 4861), read in IPv6 rules. ExaBGP uses its IPv4 table there, which
 * gives ICMPv6 values the wrong names; rxbgp prints IPv6 ICMP types as numbers.
 */
export const ICMPV6_TYPE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['unreachable', 1],
  ['packet-too-big', 2],
  ['time-exceeded', 3],
  ['parameter-problem', 4],
  ['echo-request', 128],
  ['echo-reply', 129],
  ['router-solicit', 133],
  ['router-advertisement', 134],
  ['neighbor-solicit', 135],
  ['neighbor-advertisement', 136],
  ['redirect', 137],
];

/** ICMP codes (read only: ExaBGP prints codes as numbers, and several names share a value). */
export const ICMP_CODE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['network-unreachable', 0],
  ['host-unreachable', 1],
  ['protocol-unreachable', 2],
  ['port-unreachable', 3],
  ['fragmentation-needed', 4],
  ['source-route-failed', 5],
  ['destination-network-unknown', 6],
  ['destination-host-unknown', 7],
  ['source-host-isolated', 8],
  ['destination-network-prohibited', 9],
  ['destination-host-prohibited', 10],
  ['network-unreachable-for-tos', 11],
  ['host-unreachable-for-tos', 12],
  ['communication-prohibited-by-filtering', 13],
  ['host-precedence-violation', 14],
  ['precedence-cutoff-in-effect', 15],
  ['redirect-for-network', 0],
  ['redirect-for-host', 1],
  ['redirect-for-tos-and-net', 2],
  ['redirect-for-tos-and-host', 3],
  ['ttl-eq-zero-during-transit', 0],
  ['ttl-eq-zero-during-reassembly', 1],
  ['required-option-missing', 1],
  ['ip-header-bad', 2],
];

/** TCP header flags (RFC 9293, RFC 3168 ECE/CWR, RFC 3540 NS), in bit order as ExaBGP prints them. */
export const TCP_FLAG_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['fin', 0x01],
  ['syn', 0x02],
  ['rst', 0x04],
  ['push', 0x08],
  ['ack', 0x10],
  ['urg', 0x20],
  ['ece', 0x40],
  ['cwr', 0x80],
  ['ns', 0x100],
];

/** Other spellings read for TCP flags (ExaBGP's "urgent"; "psh" and "urgent" as tcpdump writes them). */
export const TCP_FLAG_ALIASES: ReadonlyArray<readonly [string, number]> = [
  ['urgent', 0x20],
  ['psh', 0x08],
];

/** Fragment bits, RFC 8955 §4.2.2.12: DF, IsF, FF, LF. */
export const FRAGMENT_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['dont-fragment', 0x01],
  ['is-fragment', 0x02],
  ['first-fragment', 0x04],
  ['last-fragment', 0x08],
];

/** ExaBGP's name for a fragment value of 0 and, in JSON, for "!is-fragment". */
export const NOT_A_FRAGMENT = 'not-a-fragment';

export function nameMap(...tables: ReadonlyArray<ReadonlyArray<readonly [string, number]>>): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const table of tables) for (const [name, value] of table) if (!map.has(name)) map.set(name, value);
  return map;
}

export function valueMap(table: ReadonlyArray<readonly [string, number]>): ReadonlyMap<number, string> {
  const map = new Map<number, string>();
  for (const [name, value] of table) if (!map.has(value)) map.set(value, name);
  return map;
}
