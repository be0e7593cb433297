import { parseIpv4PrefixPacked } from '../../../lib/wire/nlri/ipv4-prefix';
/** Grammar table: ExaBGP text command lines and the Command each must give (deep equal). */
import { parseCommand } from '../../../lib/api/commands/parse-command';
import type { Command, RouteSpec } from '../../../lib/api/commands/types';
import type { PathAttributes } from '../../../lib/wire/types';

const SEQ = 2;
const SET = 1;
/** ORIGIN IGP and an empty AS_PATH are filled in when a command gives none, as lib/config does. */
const base: PathAttributes = { origin: 0, asPath: [] };
/** IPv4 routes carry their prefix packed too (address * 64 + length) for the Adj-RIB-Out. */
const v4 = (prefix: string, nextHop: string, attributes: PathAttributes = base, extra: Partial<RouteSpec> = {}): RouteSpec => ({
  afi: 1,
  safi: 1,
  prefix,
  packed: parseIpv4PrefixPacked(prefix),
  nextHop,
  attributes,
  ...extra,
});
const v6 = (prefix: string, nextHop: string, attributes: PathAttributes = base, extra: Partial<RouteSpec> = {}): RouteSpec => ({
  afi: 2,
  safi: 1,
  prefix,
  nextHop,
  attributes,
  ...extra,
});
const announce = (...routes: RouteSpec[]): Command => ({ kind: 'announce-route', routes });
const withdraw = (...routes: RouteSpec[]): Command => ({ kind: 'withdraw-route', routes });

const table: ReadonlyArray<readonly [string, Command]> = [
  // ---- announce route: next hop and the family from the prefix
  ['announce route 10.0.0.0/24 next-hop self', announce(v4('10.0.0.0/24', 'self'))],
  ['announce route 10.0.0.0/24 next-hop 198.51.100.1', announce(v4('10.0.0.0/24', '198.51.100.1'))],
  ['announce route 192.0.2.1 next-hop self', announce(v4('192.0.2.1/32', 'self'))],
  ['announce route 010.000.0.0/08 next-hop 010.0.0.1', announce(v4('10.0.0.0/8', '10.0.0.1'))],
  ['announce route 2001:DB8::/32 next-hop 2001:db8:0:0::1', announce(v6('2001:db8::/32', '2001:db8::1'))],
  ['announce route 2001:db8::1 next-hop self', announce(v6('2001:db8::1/128', 'self'))],
  ['  announce   route\t10.0.0.0/24   next-hop  SELF  ', announce(v4('10.0.0.0/24', 'self'))],
  // ---- every attribute
  ['announce route 10.0.0.0/24 next-hop self origin egp', announce(v4('10.0.0.0/24', 'self', { origin: 1, asPath: [] }))],
  ['announce route 10.0.0.0/24 next-hop self origin INCOMPLETE', announce(v4('10.0.0.0/24', 'self', { origin: 2, asPath: [] }))],
  ['announce route 10.0.0.0/24 next-hop self as-path 65001', announce(v4('10.0.0.0/24', 'self', { origin: 0, asPath: [{ type: SEQ, asns: [65001] }] }))],
  [
    'announce route 10.0.0.0/24 next-hop self as-path [ 65001 65002 4200000000 ]',
    announce(v4('10.0.0.0/24', 'self', { origin: 0, asPath: [{ type: SEQ, asns: [65001, 65002, 4200000000] }] })),
  ],
  ['announce route 10.0.0.0/24 next-hop self as-path [65001,65002]', announce(v4('10.0.0.0/24', 'self', { origin: 0, asPath: [{ type: SEQ, asns: [65001, 65002] }] }))],
  ['announce route 10.0.0.0/24 next-hop self as-path [ ]', announce(v4('10.0.0.0/24', 'self'))],
  [
    'announce route 10.0.0.0/24 next-hop self as-path [ 1 2 ( 3 4 ) ]',
    announce(v4('10.0.0.0/24', 'self', { origin: 0, asPath: [{ type: SEQ, asns: [1, 2] }, { type: SET, asns: [3, 4] }] })),
  ],
  [
    'announce route 10.0.0.0/24 next-hop self as-path [1 {3 4} 2]',
    announce(v4('10.0.0.0/24', 'self', { origin: 0, asPath: [{ type: SEQ, asns: [1, 2] }, { type: SET, asns: [3, 4] }] })),
  ],
  ['announce route 10.0.0.0/24 next-hop self as-path [ [ 7 8 ] ]', announce(v4('10.0.0.0/24', 'self', { origin: 0, asPath: [{ type: SET, asns: [7, 8] }] }))],
  ['announce route 10.0.0.0/24 next-hop self med 0', announce(v4('10.0.0.0/24', 'self', { ...base, med: 0 }))],
  ['announce route 10.0.0.0/24 next-hop self med 4294967295', announce(v4('10.0.0.0/24', 'self', { ...base, med: 4294967295 }))],
  ['announce route 10.0.0.0/24 next-hop self local-preference 200', announce(v4('10.0.0.0/24', 'self', { ...base, localPref: 200 }))],
  ['announce route 10.0.0.0/24 next-hop self atomic-aggregate', announce(v4('10.0.0.0/24', 'self', { ...base, atomicAggregate: true }))],
  [
    'announce route 10.0.0.0/24 next-hop self aggregator (65000:192.0.2.9)',
    announce(v4('10.0.0.0/24', 'self', { ...base, aggregator: { asn: 65000, address: '192.0.2.9' } })),
  ],
  [
    'announce route 10.0.0.0/24 next-hop self aggregator ( 4200000000:192.0.2.9 )',
    announce(v4('10.0.0.0/24', 'self', { ...base, aggregator: { asn: 4200000000, address: '192.0.2.9' } })),
  ],
  ['announce route 10.0.0.0/24 next-hop self aggregator 1:10.0.0.1', announce(v4('10.0.0.0/24', 'self', { ...base, aggregator: { asn: 1, address: '10.0.0.1' } }))],
  ['announce route 10.0.0.0/24 next-hop self originator-id 192.0.2.7', announce(v4('10.0.0.0/24', 'self', { ...base, originatorId: '192.0.2.7' }))],
  ['announce route 10.0.0.0/24 next-hop self cluster-list 192.0.2.1', announce(v4('10.0.0.0/24', 'self', { ...base, clusterList: ['192.0.2.1'] }))],
  [
    'announce route 10.0.0.0/24 next-hop self cluster-list [ 192.0.2.1 192.0.2.2 ]',
    announce(v4('10.0.0.0/24', 'self', { ...base, clusterList: ['192.0.2.1', '192.0.2.2'] })),
  ],
  ['announce route 10.0.0.0/24 next-hop self community 65000:1', announce(v4('10.0.0.0/24', 'self', { ...base, communities: [0xfde80001] }))],
  [
    'announce route 10.0.0.0/24 next-hop self community [65000:1 no-export no-advertise nopeer no-peer blackhole 0x10 7]',
    announce(v4('10.0.0.0/24', 'self', { ...base, communities: [0xfde80001, 0xffffff01, 0xffffff02, 0xffffff04, 0xffffff04, 0xffff029a, 16, 7] })),
  ],
  ['announce route 10.0.0.0/24 next-hop self community [ ]', announce(v4('10.0.0.0/24', 'self'))],
  [
    'announce route 10.0.0.0/24 next-hop self large-community [ 65000:1:2 4200000000:4294967295:0 65000:1:2 ]',
    announce(v4('10.0.0.0/24', 'self', { ...base, largeCommunities: [[65000, 1, 2], [4200000000, 4294967295, 0]] })),
  ],
  ['announce route 10.0.0.0/24 next-hop self large-community 1:2:3', announce(v4('10.0.0.0/24', 'self', { ...base, largeCommunities: [[1, 2, 3]] }))],
  [
    'announce route 10.0.0.0/24 next-hop self extended-community [ target:65000:7 origin:192.0.2.1:9 target:4200000000:5 ]',
    announce(v4('10.0.0.0/24', 'self', { ...base, extendedCommunities: [0x0002fde800000007n, 0x0103c00002010009n, 0x0202fa56ea000005n] })),
  ],
  [
    'announce route 10.0.0.0/24 next-hop self extended-community [ 65000:7 target:65000:192.0.2.1 origin:65000L:7 target4:1:2 origin4:3:4 ]',
    announce(
      v4('10.0.0.0/24', 'self', {
        ...base,
        extendedCommunities: [0x0002fde800000007n, 0x0002fde8c0000201n, 0x02030000fde80007n, 0x0202000000010002n, 0x0203000000030004n],
      }),
    ),
  ],
  [
    'announce route 10.0.0.0/24 next-hop self extended-community [ redirect:65000:100 bandwidth:65000:1250000 l2info:19:0:1500:111 redirect-to-nexthop 0x0102030405060708 ]',
    announce(
      v4('10.0.0.0/24', 'self', {
        ...base,
        extendedCommunities: [0x8008fde800000064n, 0x4004fde849989680n, 0x800a130005dc006fn, 0x0800000000000000n, 0x0102030405060708n],
      }),
    ),
  ],
  ['announce route 10.0.0.0/24 next-hop self path-information 7', announce(v4('10.0.0.0/24', 'self', base, { pathId: 7 }))],
  ['announce route 10.0.0.0/24 next-hop self path-information 0.0.1.2', announce(v4('10.0.0.0/24', 'self', base, { pathId: 258 }))],
  ['announce route 10.0.0.0/24 next-hop self name "my route" watchdog dog1', announce(v4('10.0.0.0/24', 'self', base, { name: 'my route', watchdog: 'dog1' }))],
  [
    'announce route 10.0.0.0/24 next-hop self attribute [ 0x63 0xc0 0x01020304 ]',
    announce(v4('10.0.0.0/24', 'self', { ...base, unknown: [{ type: 0x63, flags: 0xc0, value: Buffer.from('01020304', 'hex') }] })),
  ],
  ['announce route 10.0.0.0/24 next-hop self aigp 0xffffffffffffffff', announce(v4('10.0.0.0/24', 'self', { ...base, aigp: 0xffffffffffffffffn }))],
  [
    'announce route 10.0.0.0/24 next-hop self aigp 100',
    announce(v4('10.0.0.0/24', 'self', { ...base, aigp: 100n })),
  ],
  [
    'announce route 10.0.0.0/24 next-hop 192.0.2.1 origin igp as-path [ 65001 ] med 10 local-preference 100 atomic-aggregate aggregator (65001:192.0.2.1) originator-id 1.1.1.1 cluster-list [ 2.2.2.2 ] community [ 65001:1 ] large-community [ 65001:1:1 ] extended-community [ target:65001:1 ]',
    announce(
      v4('10.0.0.0/24', '192.0.2.1', {
        origin: 0,
        asPath: [{ type: SEQ, asns: [65001] }],
        med: 10,
        localPref: 100,
        atomicAggregate: true,
        aggregator: { asn: 65001, address: '192.0.2.1' },
        originatorId: '1.1.1.1',
        clusterList: ['2.2.2.2'],
        communities: [0xfde90001],
        largeCommunities: [[65001, 1, 1]],
        extendedCommunities: [0x0002fde900000001n],
      }),
    ),
  ],
  // ExaBGP keeps the first of a repeated attribute.
  ['announce route 10.0.0.0/24 next-hop self med 1 med 2', announce(v4('10.0.0.0/24', 'self', { ...base, med: 1 }))],
  // ---- split
  ['announce route 10.0.0.0/24 next-hop self split /25', announce(v4('10.0.0.0/25', 'self'), v4('10.0.0.128/25', 'self'))],
  ['announce route 10.0.0.0/24 next-hop self split /24', announce(v4('10.0.0.0/24', 'self'))],
  ['announce route 10.0.0.0/24 next-hop self split /8', announce(v4('10.0.0.0/24', 'self'))],
  ['announce route 2001:db8::/32 next-hop ::1 split /33', announce(v6('2001:db8::/33', '::1'), v6('2001:db8:8000::/33', '::1'))],
  // ---- the family-named spelling of later ExaBGP
  ['announce ipv4 unicast 10.0.0.0/24 next-hop 192.0.2.1', announce(v4('10.0.0.0/24', '192.0.2.1'))],
  ['withdraw ipv6 unicast 2001:db8::/32', withdraw(v6('2001:db8::/32', '::'))],
  // ---- withdraw route
  ['withdraw route 10.0.0.0/24', withdraw(v4('10.0.0.0/24', '0.0.0.0'))],
  ['withdraw route 10.0.0.0/24 next-hop 192.0.2.1 path-information 3', withdraw(v4('10.0.0.0/24', '192.0.2.1', base, { pathId: 3 }))],
  // ---- attributes ... nlri
  [
    'announce attributes next-hop 192.0.2.1 community [65000:1] nlri 10.0.0.0/24 10.0.1.0/24 2001:db8::/48',
    announce(
      v4('10.0.0.0/24', '192.0.2.1', { ...base, communities: [0xfde80001] }),
      v4('10.0.1.0/24', '192.0.2.1', { ...base, communities: [0xfde80001] }),
      v6('2001:db8::/48', '192.0.2.1', { ...base, communities: [0xfde80001] }),
    ),
  ],
  ['announce attribute next-hop self nlri 10.0.0.0/24', announce(v4('10.0.0.0/24', 'self'))],
  ['withdraw attributes nlri 10.0.0.0/24 10.0.1.0/24', withdraw(v4('10.0.0.0/24', '0.0.0.0'), v4('10.0.1.0/24', '0.0.0.0'))],
  ['announce attributes next-hop self split /25 nlri 10.0.0.0/24', announce(v4('10.0.0.0/25', 'self'), v4('10.0.0.128/25', 'self'))],
  // ---- selectors
  [
    'neighbor 127.0.0.1 announce route 10.0.0.0/24 next-hop self',
    { kind: 'announce-route', selectors: [{ address: '127.0.0.1' }], routes: [v4('10.0.0.0/24', 'self')] },
  ],
  [
    'neighbor 127.0.0.1 local-ip 127.0.0.2 local-as 65000 peer-as 65001 router-id 1.2.3.4 family-allowed ipv4-unicast/ipv6-unicast withdraw route 10.0.0.0/24',
    {
      kind: 'withdraw-route',
      selectors: [{ address: '127.0.0.1', localIp: '127.0.0.2', localAs: 65000, peerAs: 65001, routerId: '1.2.3.4', familyAllowed: 'ipv4-unicast/ipv6-unicast' }],
      routes: [v4('10.0.0.0/24', '0.0.0.0')],
    },
  ],
  [
    'neighbor 127.0.0.1 , neighbor ::1 peer-as 2, neighbor * announce eor ipv6 unicast',
    { kind: 'announce-eor', selectors: [{ address: '127.0.0.1' }, { address: '::1', peerAs: 2 }, { address: '*' }], family: { afi: 2, safi: 1 } },
  ],
  ['neighbor 127.0.0.1 teardown 2', { kind: 'teardown', selectors: [{ address: '127.0.0.1' }], subcode: 2 }],
  ['neighbor 127.0.0.1 flush adj-rib out', { kind: 'flush-adj-rib-out', selectors: [{ address: '127.0.0.1' }] }],
  ['neighbor 127.0.0.1 clear adj-rib in', { kind: 'clear-adj-rib', direction: 'in', selectors: [{ address: '127.0.0.1' }] }],
  ['neighbor 127.0.0.1 announce watchdog dog', { kind: 'announce-watchdog', selectors: [{ address: '127.0.0.1' }], name: 'dog' }],
  ['neighbor 127.0.0.1 announce route-refresh ipv4 unicast', { kind: 'announce-route-refresh', selectors: [{ address: '127.0.0.1' }], family: { afi: 1, safi: 1 } }],
  ['neighbor 127.0.0.1 show adj-rib out', { kind: 'show-adj-rib', direction: 'out', extensive: false, selectors: [{ address: '127.0.0.1' }] }],
  // ---- eor, route-refresh, watchdog, teardown
  ['announce eor', { kind: 'announce-eor', family: { afi: 1, safi: 1 } }],
  ['announce eor ipv4 unicast', { kind: 'announce-eor', family: { afi: 1, safi: 1 } }],
  ['announce eor l2vpn evpn', { kind: 'announce-eor', family: { afi: 25, safi: 70 } }],
  ['announce route-refresh ipv6 unicast', { kind: 'announce-route-refresh', family: { afi: 2, safi: 1 } }],
  ['announce route-refresh ipv4 flow', { kind: 'announce-route-refresh', family: { afi: 1, safi: 133 } }],
  ['announce watchdog dog', { kind: 'announce-watchdog', name: 'dog' }],
  ['withdraw watchdog dog', { kind: 'withdraw-watchdog', name: 'dog' }],
  ['teardown 4', { kind: 'teardown', subcode: 4 }],
  // ---- show, adj-rib
  ['show neighbor summary', { kind: 'show-neighbor', mode: 'summary', json: false }],
  ['show neighbor 127.0.0.1 extensive', { kind: 'show-neighbor', address: '127.0.0.1', mode: 'extensive', json: false }],
  ['show neighbor configuration 127.0.0.1', { kind: 'show-neighbor', address: '127.0.0.1', mode: 'configuration', json: false }],
  ['show neighbor summary json', { kind: 'show-neighbor', mode: 'summary', json: true }],
  ['show adj-rib in', { kind: 'show-adj-rib', direction: 'in', extensive: false }],
  ['show adj-rib out extensive', { kind: 'show-adj-rib', direction: 'out', extensive: true }],
  ['show adj-rib in 192.0.2.1', { kind: 'show-adj-rib', direction: 'in', extensive: false, selectors: [{ address: '192.0.2.1' }] }],
  ['show adj-rib-out', { kind: 'show-adj-rib', direction: 'out', extensive: false }],
  ['flush adj-rib out', { kind: 'flush-adj-rib-out' }],
  ['clear adj-rib', { kind: 'clear-adj-rib', direction: 'out' }],
  ['clear adj-rib in', { kind: 'clear-adj-rib', direction: 'in' }],
  ['clear adj-rib out', { kind: 'clear-adj-rib', direction: 'out' }],
  ['clear adj-rib both', { kind: 'clear-adj-rib', direction: 'both' }],
  // ---- control
  ['shutdown', { kind: 'shutdown' }],
  ['reload', { kind: 'reload' }],
  ['restart', { kind: 'restart' }],
  ['version', { kind: 'version' }],
  ['help', { kind: 'help' }],
  ['enable-ack', { kind: 'ack', mode: 'enable' }],
  ['disable-ack', { kind: 'ack', mode: 'disable' }],
  ['silence-ack', { kind: 'ack', mode: 'silence' }],
  ['#comment', { kind: 'comment' }],
  ['  # announce route nonsense [', { kind: 'comment' }],
];

describe('parseCommand grammar table', () => {
  it.each(table)('%s', (line, expected) => {
    expect(parseCommand(line)).toStrictEqual({ ok: true, command: expected });
  });

  it('uses the process name for a watchdog command without a name, as ExaBGP does', () => {
    expect(parseCommand('announce watchdog', 'helper')).toStrictEqual({ ok: true, command: { kind: 'announce-watchdog', name: 'helper' } });
    expect(parseCommand('withdraw watchdog', 'helper')).toStrictEqual({ ok: true, command: { kind: 'withdraw-watchdog', name: 'helper' } });
  });

  it('shares one attribute object between the routes of one command', () => {
    const result = parseCommand('announce attributes next-hop self med 5 nlri 10.0.0.0/24 10.0.1.0/24');
    if (!result.ok || result.command.kind !== 'announce-route') throw new Error(JSON.stringify(result));
    expect(result.command.routes[0].attributes).toBe(result.command.routes[1].attributes);
  });

  it('splits into hundreds of thousands of routes but refuses more than 1,000,000', () => {
    const result = parseCommand('announce route 10.0.0.0/13 next-hop self split /32');
    if (!result.ok || result.command.kind !== 'announce-route') throw new Error(JSON.stringify(result));
    expect(result.command.routes).toHaveLength(2 ** 19);
    expect(result.command.routes[2 ** 19 - 1].prefix).toBe('10.7.255.255/32');
    expect(parseCommand('announce route 10.0.0.0/12 next-hop self split /32')).toStrictEqual({
      ok: false,
      error: 'split /32 of 10.0.0.0/12 would make 1048576 routes (at most 1000000)',
    });
  });
});
