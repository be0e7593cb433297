/**
 * The JSON cases checked against ExaBGP: each is a request for the ExaBGP oracle
 * (spec/fixtures/exabgp-json/exabgp-oracle.py) and, with `decode`, also for `exabgp --decode`.
 * Expected lines, normalized, are kept in spec/fixtures/exabgp-json/expected.json.
 */
import {
  asPath,
  attr,
  capability,
  ip,
  keepalive,
  mpReach,
  mpUnreach,
  nextHop,
  notification,
  open,
  origin,
  prefix,
  prefixes,
  routeRefresh,
  u16,
  u32,
  u8,
  update,
} from './bgp-bytes';

export interface JsonCase {
  readonly name: string;
  readonly kind: 'message' | 'state' | 'fsm' | 'signal' | 'negotiated' | 'shutdown';
  /** Whole message (kind 'message'). */
  readonly hex?: string;
  readonly direction?: 'receive' | 'send';
  /** Session with 4-octet AS numbers (RFC 6793); default true. */
  readonly asn4?: boolean;
  /** ADD-PATH receive on every family (RFC 7911); default false. */
  readonly addpath?: boolean;
  /** Also compare with `exabgp --decode` (UPDATE messages; direction 'in'). */
  readonly decode?: boolean;
  /** False for a case too large to keep in expected.json (checked live by the interop suite only). */
  readonly stored?: boolean;
  readonly state?: 'connected' | 'up' | 'down';
  readonly reason?: string;
  readonly fsmState?: string;
  readonly signal?: number;
  /** OPENs for kind 'negotiated': ours (sent) and the peer's (received). */
  readonly sent?: string;
  readonly received?: string;
}

const SEQ = 2;
const SET = 1;
const CONFED_SEQ = 3;
const CONFED_SET = 4;

/** ORIGIN IGP, AS_PATH 65002, NEXT_HOP: the minimum a route needs. */
const BASE = [origin(0), asPath([[SEQ, [65002]]]), nextHop('192.0.2.1')];

function hex(b: Buffer): string {
  return b.toString('hex');
}

function msg(name: string, bytes: Buffer, extra: Partial<JsonCase> = {}): JsonCase {
  return { name, kind: 'message', hex: hex(bytes), direction: 'receive', ...extra };
}

function upd(name: string, parts: Parameters<typeof update>[0], extra: Partial<JsonCase> = {}): JsonCase {
  return msg(name, update(parts), { decode: true, ...extra });
}

/** Extended communities (RFC 4360), 8 octets each, written as hex. */
const EXTENDED = [
  '0002fde800000001', // route target 65000:1
  '0102c000020a0005', // route target 192.0.2.10:5
  '0202000100010002', // route target 65537L:2
  '0003fde8c0000201', // route origin, read by ExaBGP as AS:IP
  '0103c000020a0007', // route origin IP:AS
  '0203000100010009', // route origin 4-octet AS
  '4002fde80000002a', // non-transitive route target: same text
  '0909090909090909', // unknown: empty string
].join('');

const FLOWSPEC_EXTENDED = [
  '800600004c800000', // traffic-rate 64e6 bytes/s (RFC 8955 §7.3)
  '8007000000000003', // traffic-action sample + terminal
  '8008fde800000064', // redirect 65000:100
  '800900000000002e', // traffic-marking DSCP 46
  '010cc000020a0001', // redirect-to-nexthop-ietf with copy
  '0800000000000000', // redirect-to-nexthop (draft-simpson)
  '030c000000000008', // encapsulation VXLAN (RFC 9012)
  '800a130000fa0064', // layer-2 info (RFC 4761)
  '0600010000000005', // MAC mobility, sticky, sequence 5 (RFC 7432)
  '0314000000070000', // consistent hash sort order 7
  '0702fde80000c00a', // interface-set input-output 10
  '0013fde800000003', // rt-record 65000:3
  '4004fde84c800000', // link bandwidth: ExaBGP never imports its class
].join('');

const MANY = Array.from({ length: 1000 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);

export const UPDATE_CASES: readonly JsonCase[] = [
  upd('ipv4 with every attribute', {
    withdrawn: prefixes('192.168.0.0/16', '172.16.0.0/12'),
    attributes: [
      origin(0),
      asPath([[SEQ, [65002, 4200000000, 65010]], [SET, [64512, 64513]]]),
      nextHop('192.0.2.1'),
      attr(0x80, 4, u32(150)), // MULTI_EXIT_DISC
      attr(0x40, 5, u32(200)), // LOCAL_PREF
      attr(0x40, 6, ''), // ATOMIC_AGGREGATE
      attr(0xc0, 7, Buffer.concat([u32(65002), ip('192.0.2.9')])), // AGGREGATOR
      attr(0xc0, 8, Buffer.concat([u32(0xfde80001), u32(0xfde80002)])), // COMMUNITIES
      attr(0x80, 9, ip('192.0.2.77')), // ORIGINATOR_ID
      attr(0x80, 10, Buffer.concat([ip('192.0.2.88'), ip('192.0.2.89')])), // CLUSTER_LIST
      attr(0xc0, 16, EXTENDED),
      attr(0xc0, 32, Buffer.concat([u32(65002), u32(1), u32(2)])), // LARGE_COMMUNITY
    ],
    nlri: prefixes('10.0.0.0/24', '10.1.0.0/16', '0.0.0.0/0', '198.51.100.7/32'),
  }),
  upd('origin egp', { attributes: [origin(1), ...BASE.slice(1)], nlri: prefixes('10.0.0.0/8') }),
  upd('origin incomplete', { attributes: [origin(2), ...BASE.slice(1)], nlri: prefixes('10.0.0.0/8') }),
  upd('ipv6 with a link-local next hop', {
    attributes: [origin(0), asPath([[SEQ, [65002]]]), mpReach(2, 1, ['2001:db8::1', 'fe80::1'], prefixes('2001:db8:1::/48', '2001:db8:2::/64'))],
  }),
  upd('ipv6 with one next hop', {
    attributes: [origin(0), asPath([[SEQ, [65002]]]), attr(0x80, 4, u32(0)), mpReach(2, 1, ['2001:db8::1'], prefixes('2001:db8:1::/48', '::/0'))],
  }),
  upd('ipv6 with an IPv4-mapped next hop', {
    attributes: [origin(0), asPath([[SEQ, [65002]]]), mpReach(2, 1, ['::ffff:192.0.2.1'], prefixes('2001:db8:1::/128'))],
  }),
  upd('ipv6 withdrawn', { attributes: [mpUnreach(2, 1, prefixes('2001:db8:1::/48', '2001:db8:ffff::/64'))] }),
  upd('ipv4 withdrawn only', { withdrawn: prefixes('10.0.0.0/24', '10.9.9.0/24') }),
  upd('end-of-rib ipv4', {}),
  upd('end-of-rib ipv6', { attributes: [mpUnreach(2, 1)] }),
  upd('end-of-rib ipv4 in MP_UNREACH', { attributes: [mpUnreach(1, 1)] }),
  upd('well-known communities', {
    attributes: [
      ...BASE,
      attr(0xc0, 8, Buffer.concat([0xffffff01, 0xffffff02, 0xffffff03, 0xffffff04, 0xffff029a, 0xffff0000, 0].map(u32))),
    ],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('flowspec and other extended communities', { attributes: [...BASE, attr(0xc0, 16, FLOWSPEC_EXTENDED)], nlri: prefixes('10.0.0.0/24') }),
  upd('large communities with a duplicate', {
    attributes: [...BASE, attr(0xc0, 32, Buffer.concat([4200000000, 0, 4294967295, 65002, 7, 8, 4200000000, 0, 4294967295].map(u32)))],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('AS_SET only', { attributes: [origin(0), asPath([[SET, [65002, 65003, 65004]]]), nextHop('192.0.2.1')], nlri: prefixes('10.0.0.0/24') }),
  upd('confederation segments', {
    attributes: [
      origin(0),
      asPath([[CONFED_SEQ, [64600, 64601]], [CONFED_SET, [64602]], [SEQ, [65002]], [SET, [65005, 65006]], [SEQ, [65007]]]),
      nextHop('192.0.2.1'),
    ],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('empty AS_PATH (iBGP)', { attributes: [origin(0), attr(0x40, 2, ''), nextHop('192.0.2.1'), attr(0x40, 5, u32(100))], nlri: prefixes('10.0.0.0/24') }),
  upd(
    'AS4_PATH and AS4_AGGREGATOR on a 2-octet session',
    {
      attributes: [
        origin(0),
        asPath([[SEQ, [65002, 23456, 23456]]], false),
        nextHop('192.0.2.1'),
        attr(0xc0, 7, Buffer.concat([u16(23456), ip('192.0.2.9')])),
        asPath([[SEQ, [4200000000, 4200000001]]], true, 17, 0xc0),
        attr(0xc0, 18, Buffer.concat([u32(4200000000), ip('192.0.2.9')])),
      ],
      nlri: prefixes('10.0.0.0/24'),
    },
    { asn4: false },
  ),
  upd('AS4_PATH on a 4-octet session', {
    attributes: [origin(0), asPath([[SEQ, [65002, 65003, 65004]]]), nextHop('192.0.2.1'), asPath([[SEQ, [4200000009]]], true, 17, 0xc0)],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('AS4_PATH without AS_PATH', {
    withdrawn: prefixes('10.1.0.0/16'),
    attributes: [origin(0), nextHop('192.0.2.1'), asPath([[SEQ, [4200000009, 65002]]], true, 17, 0xc0)],
  }),
  upd('unknown attributes', {
    attributes: [
      ...BASE,
      attr(0xc0, 99, '0102030405'), // optional transitive: kept with the Partial bit
      attr(0x80, 98, 'ffff'), // optional non-transitive: ignored
      attr(0xe0, 200, 'abcdef'), // already Partial
      attr(0xc0, 23, Buffer.alloc(300, 0x5a)), // tunnel encapsulation, unknown to both, extended length
    ],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('AIGP on an eBGP session without aigp: ignored (RFC 7311 §3)', {
    attributes: [...BASE, attr(0x80, 26, '01000b0000000000000064')],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('BGP Prefix-SID label index (RFC 8669)', {
    attributes: [...BASE, attr(0xc0, 40, '01 0007 00 0000 00000309')],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('BGP Prefix-SID label index and two SRGB ranges', {
    attributes: [...BASE, attr(0xc0, 40, '01 0007 00 0000 0000012c  03 000e 0000 0c3500 001000 0f4240 001388')],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('unknown attributes with a short Extended Length form', {
    attributes: [
      ...BASE,
      attr(0xd0, 99, '0102'), // optional transitive, 2-octet length for 2 octets: ExaBGP shows 0xF0
      attr(0xf0, 100, '07'), // the same, already Partial
    ],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd(
    '4096-octet UPDATE with 1000 prefixes',
    // 19 (header) + 4 (lengths) + 20 (BASE) + 47 (11 communities) + 6 (unknown) + 4000 (1000 /24) = 4096 octets
    { attributes: [...BASE, attr(0xc0, 8, Buffer.concat(Array.from({ length: 11 }, (_, i) => u32(0xfde80000 + i)))), attr(0xc0, 99, 'abcdef')], nlri: prefixes(...MANY) },
    { stored: false },
  ),
  upd(
    'ADD-PATH path identifiers',
    {
      withdrawn: prefix('10.9.0.0/16', 256),
      attributes: BASE,
      nlri: Buffer.concat([prefix('10.0.0.0/24', 1), prefix('10.0.1.0/24', 0), prefix('10.0.2.0/24', 4294967295)]),
    },
    { addpath: true },
  ),
  upd('IPv4 in MP_REACH and in the NLRI field', {
    attributes: [...BASE, mpReach(1, 1, ['192.0.2.2'], prefixes('10.2.0.0/16', '10.3.0.0/16'))],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('IPv4 NLRI and an IPv6 withdrawal', {
    withdrawn: prefixes('10.8.0.0/16'),
    attributes: [...BASE, mpUnreach(2, 1, prefixes('2001:db8:9::/48'))],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('malformed AS_PATH: treat-as-withdraw', {
    attributes: [origin(0), attr(0x40, 2, '0501000000'), nextHop('192.0.2.1'), attr(0x40, 5, u32(100))],
    nlri: prefixes('10.0.0.0/24', '10.0.1.0/24'),
  }),
  upd('MED with wrong flags: treat-as-withdraw', {
    withdrawn: prefixes('10.7.0.0/16'),
    attributes: [...BASE, attr(0x40, 4, u32(5)), mpReach(2, 1, ['2001:db8::1', 'fe80::1'], prefixes('2001:db8:1::/48'))],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd('end-of-rib l2vpn evpn', { attributes: [mpUnreach(25, 70)] }),
  upd('attributes without NLRI', { attributes: [origin(0), asPath([[SEQ, [65002]]]), attr(0x80, 4, u32(7))] }),
  upd('NEXT_HOP alone', { attributes: [nextHop('192.0.2.1')] }),
  upd('malformed ATOMIC_AGGREGATE: discard', { attributes: [...BASE, attr(0x40, 6, '01')], nlri: prefixes('10.0.0.0/24') }),
];

export const OTHER_CASES: readonly JsonCase[] = [
  msg(
    'OPEN with common capabilities',
    open(65002, 180, '192.0.2.2', [
      capability(1, '00010001'),
      capability(1, '00020001'),
      capability(2),
      capability(128),
      capability(70),
      capability(65, u32(4200000000)),
      capability(6),
      capability(69, '000101030002010' + '1'),
      capability(64, '80780001018000020100'),
    ]),
  ),
  msg(
    'OPEN with unknown and FQDN capabilities',
    open(23456, 90, '10.255.0.1', [
      capability(1, '00010001'),
      capability(128),
      capability(2),
      capability(64, '0078'),
      capability(73, Buffer.concat([u8(4), Buffer.from('edge'), u8(11), Buffer.from('example.net')])),
      capability(71, '0001018000000a'),
      capability(9, '01'),
      capability(200, 'cafe'),
      capability(5, '000100010002'),
    ]),
  ),
  msg(
    'OPEN with capabilities only ExaBGP knows',
    open(65002, 180, '192.0.2.2', [capability(68, '00'), capability(131), capability(185), capability(184, '0161016200'), capability(0)]),
  ),
  msg('OPEN without capabilities', open(65002, 0, '192.0.2.2', []), { direction: 'send' }),
  msg('KEEPALIVE', keepalive()),
  msg('KEEPALIVE sent', keepalive(), { direction: 'send' }),
  msg('NOTIFICATION hold timer expired', notification(4, 0)),
  msg('NOTIFICATION with data', notification(2, 2, Buffer.from([0xfd, 0xe9]))),
  msg('NOTIFICATION cease without communication', notification(6, 2)),
  msg('NOTIFICATION cease with an empty communication', notification(6, 4, Buffer.from([0]))),
  msg('NOTIFICATION cease sent with a communication', notification(6, 2, Buffer.concat([u8(3), Buffer.from('bye')])), { direction: 'send' }),
  msg('NOTIFICATION route-refresh error', notification(7, 2, Buffer.from([0, 1, 9, 1]))),
  msg('ROUTE-REFRESH', routeRefresh(1, 1)),
  msg('ROUTE-REFRESH begin of route refresh', routeRefresh(2, 1, 1)),
  msg('ROUTE-REFRESH end of route refresh', routeRefresh(2, 1, 2), { direction: 'send' }),
  { name: 'state connected', kind: 'state', state: 'connected' },
  { name: 'state up', kind: 'state', state: 'up' },
  { name: 'state down', kind: 'state', state: 'down', reason: 'peer reset, message [closing connection] error{"x"}' },
  { name: 'fsm established', kind: 'fsm', fsmState: 'ESTABLISHED' },
  { name: 'fsm opensent', kind: 'fsm', fsmState: 'OPENSENT' },
  { name: 'fsm idle', kind: 'fsm', fsmState: 'IDLE' },
  { name: 'state down without a reason', kind: 'state', state: 'down' },
  { name: 'signal SIGUSR1', kind: 'signal', signal: 10 },
  { name: 'signal SIGABRT', kind: 'signal', signal: 6 },
  { name: 'shutdown', kind: 'shutdown' },
  {
    name: 'negotiated',
    kind: 'negotiated',
    sent: hex(
      open(65001, 90, '192.0.2.1', [
        capability(1, '00010001'),
        capability(1, '00020001'),
        capability(2),
        capability(65, u32(65001)),
        capability(6),
        capability(69, '00020101'),
      ]),
    ),
    received: hex(
      open(65002, 180, '192.0.2.2', [
        capability(1, '00020001'),
        capability(1, '00010001'),
        capability(2),
        capability(70),
        capability(65, u32(65002)),
        capability(69, '00020102'),
      ]),
    ),
  },
  {
    name: 'negotiated without capabilities in common',
    kind: 'negotiated',
    sent: hex(open(65001, 180, '192.0.2.1', [capability(1, '00010001'), capability(128)])),
    received: hex(open(65002, 180, '192.0.2.2', [])),
  },
];

export const ALL_CASES: readonly JsonCase[] = [...UPDATE_CASES, ...OTHER_CASES];

/** The neighbor both oracles print (spec/fixtures/exabgp-json/exabgp-oracle.py defaults). */
export const CASE_NEIGHBOR = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 } as const;
