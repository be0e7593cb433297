/**
 * The FlowSpec rules the interop tests send, one per action (RFC 8955 §7; RFC 7674 redirect to
 * next hop; draft-ietf-idr-flowspec-redirect-ip's 0x010c form), in ExaBGP's command grammar so the
 * same lines can later go through rxbgp's process API, with what each real daemon shows for them
 * (recorded from gobgpd 3.10, BIRD 2.0.12 and FRR 8.4.4 on this machine). Each rule has its own
 * destination so a daemon's table says which one it holds.
 *
 * `undefined` for a daemon means it does not take the rule (see the spec that sends it).
 */
import type { FlowRouteOptions } from '../../../lib/families/flowspec';

/** GoBGP's `global rib -a ipv4-flowspec -j`: the key (its rule text) and the EXTENDED_COMMUNITIES values. */
export interface GobgpView {
  readonly rule: string;
  readonly extcomms: readonly object[];
  /** IPV6_EXTENDED_COMMUNITIES (attribute 25, RFC 5701), when there are any. */
  readonly ipv6extcomms?: unknown;
}

/** BIRD's `show route table flowtabN all`: the route's net and its BGP.ext_community line. */
export interface BirdView {
  readonly net: string;
  readonly extcomms: string;
}

export interface FlowCase {
  /** Short name used in test titles and the interop matrix. */
  readonly action: string;
  readonly afi: 1 | 2;
  /** The text after `flow route`. */
  readonly text: string;
  readonly options?: FlowRouteOptions;
  readonly gobgp?: GobgpView;
  readonly bird?: BirdView;
  /** FRR's `show bgp ipvN flowspec detail` lines for the entry (trimmed; age and PBR lines left out). */
  readonly frr?: readonly string[];
  /** The same rule in a form ExaBGP 4.2 takes, where it does not take `text`. */
  readonly exabgpText?: string;
  /** ExaBGP 4.2 has no command that sends this rule. */
  readonly exabgpRefuses?: boolean;
  /** Where ExaBGP 4.2's JSON for the rule is wrong: what it prints instead of ours. */
  readonly exabgpJson?: string;
}

const V6: FlowRouteOptions = { afi: 2, safi: 133 };

export const IPV4_CASES: readonly FlowCase[] = [
  {
    action: 'discard (rate-limit 0)',
    afi: 1,
    text: 'destination 10.150.1.0/24 source 10.0.0.1/32 protocol [ tcp ] destination-port [ =80 ] discard',
    gobgp: { rule: '[destination: 10.150.1.0/24][source: 10.0.0.1/32][protocol: ==tcp][destination-port: ==80]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 0 }] },
    bird: { net: 'flow4 { dst 10.150.1.0/24; src 10.0.0.1/32; proto 6; dport 80; }', extcomms: '(generic, 0x80060000, 0x0)' },
    frr: ['Destination Address 10.150.1.0/24', 'Source Address 10.0.0.1/32', 'IP Protocol = 6', 'Destination Port = 80', 'FS:rate 0.000000'],
  },
  {
    action: 'rate-limit 9600',
    afi: 1,
    text: 'destination 10.150.2.0/24 protocol [ udp ] source-port [ =53 ] packet-length [ >=500 ] rate-limit 9600',
    gobgp: { rule: '[destination: 10.150.2.0/24][protocol: ==udp][source-port: ==53][packet-length: >=500]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 9600 }] },
    bird: { net: 'flow4 { dst 10.150.2.0/24; proto 17; sport 53; length >= 500; }', extcomms: '(generic, 0x80060000, 0x46160000)' },
    frr: ['Destination Address 10.150.2.0/24', 'IP Protocol = 17', 'Source Port = 53', 'Packet Length >= 500', 'FS:rate 9600.000000'],
  },
  {
    action: 'redirect AS:NN',
    afi: 1,
    text: 'destination 10.150.3.0/24 protocol [ tcp ] tcp-flags [ syn ] redirect 65000:100',
    gobgp: { rule: '[destination: 10.150.3.0/24][protocol: ==tcp][tcp-flags: S]', extcomms: [{ type: 128, subtype: 8, value: '65000:100' }] },
    bird: { net: 'flow4 { dst 10.150.3.0/24; proto 6; tcp flags !0x0/0x2; }', extcomms: '(generic, 0x8008fde8, 0x64)' },
    frr: ['Destination Address 10.150.3.0/24', 'IP Protocol = 6', 'TCP Flags ∋ 2', 'FS:redirect VRF RT:65000:100'],
  },
  {
    action: 'mark DSCP',
    afi: 1,
    text: 'destination 10.150.4.0/24 protocol [ icmp ] icmp-type [ =8 ] mark 46',
    gobgp: { rule: '[destination: 10.150.4.0/24][protocol: ==icmp][icmp-type: ==8]', extcomms: [{ type: 128, subtype: 9, value: 46 }] },
    bird: { net: 'flow4 { dst 10.150.4.0/24; proto 1; icmp type 8; }', extcomms: '(generic, 0x80090000, 0x2e)' },
    frr: ['Destination Address 10.150.4.0/24', 'IP Protocol = 1', 'ICMP Type = 8', 'FS:marking 46'],
  },
  {
    action: 'action sample-terminal',
    afi: 1,
    text: 'destination 10.150.5.0/24 fragment [ is-fragment ] dscp [ =10 ] action sample-terminal',
    gobgp: { rule: '[destination: 10.150.5.0/24][dscp: ==10][fragment: is-fragment]', extcomms: [{ type: 128, subtype: 7, terminal: true, sample: true }] },
    bird: { net: 'flow4 { dst 10.150.5.0/24; dscp 10; fragment !!is_fragment; }', extcomms: '(generic, 0x80070000, 0x3)' },
    // FRR prints "eval stops" whatever the bits (see action sample / terminal); RFC 8955 §7.3: T set means evaluation goes on.
    frr: ['Destination Address 10.150.5.0/24', 'DSCP field = 10', 'Packet Fragment ∋ 2', 'FS:action eval stops'],
  },
  {
    action: 'action sample',
    afi: 1,
    text: 'destination 10.150.10.0/24 protocol [ udp ] action sample',
    gobgp: { rule: '[destination: 10.150.10.0/24][protocol: ==udp]', extcomms: [{ type: 128, subtype: 7, sample: true, terminal: false }] },
    bird: { net: 'flow4 { dst 10.150.10.0/24; proto 17; }', extcomms: '(generic, 0x80070000, 0x2)' },
    // FRR 8.4 prints "eval stops" for traffic-action 0x02, 0x01 and 0x03 alike: its text does not follow the bits.
    frr: ['Destination Address 10.150.10.0/24', 'IP Protocol = 17', 'FS:action eval stops'],
  },
  {
    action: 'action terminal',
    afi: 1,
    text: 'destination 10.150.11.0/24 protocol [ udp ] action terminal',
    gobgp: { rule: '[destination: 10.150.11.0/24][protocol: ==udp]', extcomms: [{ type: 128, subtype: 7, terminal: true, sample: false }] },
    bird: { net: 'flow4 { dst 10.150.11.0/24; proto 17; }', extcomms: '(generic, 0x80070000, 0x1)' },
    frr: ['Destination Address 10.150.11.0/24', 'IP Protocol = 17', 'FS:action eval stops'],
  },
  {
    action: 'redirect-to-nexthop-ietf (0x010c)',
    afi: 1,
    text: 'destination 10.150.6.0/24 port [ >=8080&<=8088 ] redirect-to-nexthop-ietf 198.51.100.7',
    gobgp: { rule: '[destination: 10.150.6.0/24][port: >=8080&<=8088]', extcomms: [{ type: 1, subtype: 12, value: '198.51.100.7:0' }] },
    bird: { net: 'flow4 { dst 10.150.6.0/24; port 8080..8088; }', extcomms: '(unknown 0x10c, 198.51.100.7, 0)' },
    frr: ['Destination Address 10.150.6.0/24', 'Port >= 8080 , <= 8088', 'NH:198.51.100.7:0'],
  },
  {
    action: 'redirect IP (RFC 7674, 0x0800 + next hop)',
    afi: 1,
    text: 'destination 10.150.7.0/24 protocol [ udp ] redirect 198.51.100.8',
    // GoBGP keeps the community but does not know it ("[0]" in its text) and shows no next hop.
    gobgp: { rule: '[destination: 10.150.7.0/24][protocol: ==udp]', extcomms: [{ type: 8, subtype: 0, value: 'AAAAAAAAAA==' }] },
    bird: { net: 'flow4 { dst 10.150.7.0/24; proto 17; }', extcomms: '(generic, 0x8000000, 0x0)' },
    frr: ['Destination Address 10.150.7.0/24', 'IP Protocol = 17', 'FS:redirect IP 0x0', 'NLRI NH 198.51.100.8'],
  },
];

export const IPV6_CASES: readonly FlowCase[] = [
  {
    action: 'discard (rate-limit 0)',
    afi: 2,
    text: 'destination-ipv6 2001:db8:150:1::/64 source-ipv6 2001:db8:ffff::1/128 next-header [ tcp ] destination-port [ =80 ] discard',
    options: V6,
    gobgp: { rule: '[destination: 2001:db8:150:1::/64/0][source: 2001:db8:ffff::1/128/0][protocol: ==tcp][destination-port: ==80]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 0 }] },
    bird: { net: 'flow6 { dst 2001:db8:150:1::/64; src 2001:db8:ffff::1/128; next header 6; dport 80; }', extcomms: '(generic, 0x80060000, 0x0)' },
    frr: ['Destination Address 2001:db8:150:1::/64/off 0', 'Source Address 2001:db8:ffff::1/128/off 0', 'IP Protocol = 6', 'Destination Port = 80', 'FS:rate 0.000000'],
  },
  {
    action: 'rate-limit 9600',
    afi: 2,
    text: 'destination-ipv6 2001:db8:150:2::/64 next-header [ udp ] source-port [ =53 ] rate-limit 9600',
    options: V6,
    gobgp: { rule: '[destination: 2001:db8:150:2::/64/0][protocol: ==udp][source-port: ==53]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 9600 }] },
    bird: { net: 'flow6 { dst 2001:db8:150:2::/64; next header 17; sport 53; }', extcomms: '(generic, 0x80060000, 0x46160000)' },
    frr: ['Destination Address 2001:db8:150:2::/64/off 0', 'IP Protocol = 17', 'Source Port = 53', 'FS:rate 9600.000000'],
  },
  {
    action: 'redirect AS:NN',
    afi: 2,
    text: 'destination-ipv6 2001:db8:150:3::/64 next-header [ tcp ] redirect 65000:100',
    options: V6,
    gobgp: { rule: '[destination: 2001:db8:150:3::/64/0][protocol: ==tcp]', extcomms: [{ type: 128, subtype: 8, value: '65000:100' }] },
    bird: { net: 'flow6 { dst 2001:db8:150:3::/64; next header 6; }', extcomms: '(generic, 0x8008fde8, 0x64)' },
    frr: ['Destination Address 2001:db8:150:3::/64/off 0', 'IP Protocol = 6', 'FS:redirect VRF RT:65000:100'],
  },
  {
    action: 'mark DSCP',
    afi: 2,
    text: 'destination-ipv6 2001:db8:150:4::/64 next-header [ =58 ] icmp-type [ =128 ] mark 46',
    options: V6,
    gobgp: { rule: '[destination: 2001:db8:150:4::/64/0][protocol: ==58][icmp-type: ==128]', extcomms: [{ type: 128, subtype: 9, value: 46 }] },
    bird: { net: 'flow6 { dst 2001:db8:150:4::/64; next header 58; icmp type 128; }', extcomms: '(generic, 0x80090000, 0x2e)' },
    frr: ['Destination Address 2001:db8:150:4::/64/off 0', 'IP Protocol = 58', 'ICMP Type = 128', 'FS:marking 46'],
    // ExaBGP 4.2 names neither ICMPv6 (58) nor its echo request (128).
    exabgpJson: '"next-header": [ "=unknown protocol type 58" ], "icmp-type": [ "=unknown icmp type type 128" ]',
  },
  {
    action: 'action sample-terminal',
    afi: 2,
    text: 'destination-ipv6 2001:db8:150:5::/64 flow-label [ =7 ] action sample-terminal',
    options: V6,
    gobgp: { rule: '[destination: 2001:db8:150:5::/64/0][label: ==7]', extcomms: [{ type: 128, subtype: 7, terminal: true, sample: true }] },
    bird: { net: 'flow6 { dst 2001:db8:150:5::/64; label 7; }', extcomms: '(generic, 0x80070000, 0x3)' },
    frr: ['Destination Address 2001:db8:150:5::/64/off 0', 'Packet Flow Label = 7', 'FS:action eval stops'],
  },
  {
    action: 'redirect-to-nexthop-ietf IPv6 (0x000c, IPv6 extended community)',
    afi: 2,
    text: 'destination-ipv6 2001:db8:150:6::/64 next-header [ udp ] redirect-to-nexthop-ietf 2001:db8::7',
    options: V6,
    // The action is attribute 25 (RFC 5701): GoBGP's JSON lists it there, BIRD shows no line for it, FRR does not name it.
    gobgp: { rule: '[destination: 2001:db8:150:6::/64/0][protocol: ==udp]', extcomms: [], ipv6extcomms: [{ type: 0, subtype: 12, value: '2001:db8::7:0' }] },
    bird: { net: 'flow6 { dst 2001:db8:150:6::/64; next header 17; }', extcomms: '' },
    frr: ['Destination Address 2001:db8:150:6::/64/off 0', 'IP Protocol = 17', 'UNK:0, 12'],
  },
  {
    action: 'redirect IP (RFC 7674, 0x0800 + IPv6 next hop)',
    afi: 2,
    text: 'destination-ipv6 2001:db8:150:7::/64 next-header [ udp ] redirect 2001:db8::8',
    options: V6,
    // ExaBGP 4.2 refuses `redirect 2001:db8::8` ("it looks like you tried to use an IPv6 but did not
    // enclose it in []") and sends nothing for `next-hop 2001:db8::8 redirect-to-nexthop` either.
    exabgpRefuses: true,
    gobgp: { rule: '[destination: 2001:db8:150:7::/64/0][protocol: ==udp]', extcomms: [{ type: 8, subtype: 0, value: 'AAAAAAAAAA==' }] },
    bird: { net: 'flow6 { dst 2001:db8:150:7::/64; next header 17; }', extcomms: '(generic, 0x8000000, 0x0)' },
    frr: ['Destination Address 2001:db8:150:7::/64/off 0', 'IP Protocol = 17', 'FS:redirect IP 0x0', 'NLRI NH 2001:db8::8'],
  },
];

/**
 * RFC 8956 §3.1: a prefix with an offset carries only the bits after the offset. The codec's bytes
 * for this rule are 07 01 60 40 12 34 56 78 (length 7; type 1; /96; offset 64; bits 64-95).
 * BIRD takes it; GoBGP and FRR do not (see their specs).
 */
export const IPV6_OFFSET_CASE: FlowCase = {
  action: 'prefix offset /96/64 (RFC 8956 §3.1)',
  afi: 2,
  text: 'destination-ipv6 ::1234:5678:0:0/96/64 discard',
  options: V6,
  bird: { net: 'flow6 { dst ::1234:5678:0:0/96 offset 64; }', extcomms: '(generic, 0x80060000, 0x0)' },
};

/** The same rule as ExaBGP 4.2 and GoBGP 3.10 write it: the whole prefix after the offset (wrong, RFC 8956 §3.1). */
export const IPV6_OFFSET_WHOLE_PREFIX_NLRI = '0f016040000000000000000012345678';

/** flow-vpn (SAFI 134, RFC 8955 §8): a route distinguisher before the components. GoBGP only (BIRD 2.0 and FRR 8.4 have no flow-vpn). */
export const VPN_CASES: readonly FlowCase[] = [
  {
    action: 'flow-vpn (RD 65000:1) rate-limit 1000',
    afi: 1,
    text: 'rd 65000:1 destination 10.150.9.0/24 protocol [ tcp ] rate-limit 1000',
    exabgpText: '{ rd 65000:1; match { destination 10.150.9.0/24; protocol [ tcp ]; } then { rate-limit 1000; } }',
    gobgp: { rule: '[rd: 65000:1][destination: 10.150.9.0/24][protocol: ==tcp]', extcomms: [{ type: 128, subtype: 6, as: 0, rate: 1000 }] },
  },
  {
    action: 'flow-vpn (RD 192.0.2.1:7) redirect AS:NN',
    afi: 2,
    text: 'rd 192.0.2.1:7 destination-ipv6 2001:db8:150:9::/64 redirect 65000:9',
    exabgpText: '{ rd 192.0.2.1:7; match { destination-ipv6 2001:db8:150:9::/64; } then { redirect 65000:9; } }',
    options: { afi: 2, safi: 134 },
    gobgp: { rule: '[rd: 192.0.2.1:7][destination: 2001:db8:150:9::/64/0]', extcomms: [{ type: 128, subtype: 8, value: '65000:9' }] },
  },
];

/**
 * A rule of 256 octets or more: its NLRI length takes two octets (0xf0 | high nibble, RFC 8955 §4.1).
 * 90 destination ports 1000..1089; a daemon's text for it must name all 90.
 */
export const LONG_CASE: FlowCase = {
  action: 'discard, a 2-octet NLRI length (90 ports)',
  afi: 1,
  text: `destination 10.150.12.0/24 port [ ${Array.from({ length: 90 }, (_, i) => `=${1000 + i}`).join(' ')} ] discard`,
};

/** How many of the LONG_CASE ports (1000..1089) a daemon's text names. */
export function longCasePorts(text: string): number {
  return new Set(text.match(/\b10[0-8]\d\b/g) ?? []).size;
}
