import { isLeft, isRight } from 'fp-ts/Either';
import { decodeConfig, defaultControlSocketPath, formatErrors, type Config } from '../../lib/config';

type Json = any;

/** Decodes and returns the formatted error lines, or [] when the config is valid. */
function errorLines(json: unknown): string[] {
  const r = decodeConfig(json);
  return isLeft(r) ? formatErrors(r.left, 'c.json').split('\n') : [];
}

function decoded(json: unknown): Config {
  const r = decodeConfig(json);
  if (isLeft(r)) throw new Error(formatErrors(r.left));
  return r.right;
}

/** A small valid config; each bad case below changes one thing. */
function base(): Json {
  return {
    localAs: 65001,
    routerId: '192.0.2.1',
    listen: [{ address: '127.0.0.1', port: 1790 }],
    neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, localAddress: '127.0.0.1', routes: [{ prefix: '10.0.0.0/24' }] }],
  };
}

function edited(change: (c: Json) => void): Json {
  const c = base();
  change(c);
  return c;
}

describe('decodeConfig: valid configs', () => {
  it('reads "nexthop" (RFC 8950, ExaBGP\'s nexthop { ipv4 unicast ipv6; }) and lets those routes have an IPv6 next hop', () => {
    const c = decoded(
      edited((j) => {
        j.neighbors[0].nexthop = { 'ipv4 unicast': 'ipv6' };
        j.neighbors[0].routes = [{ prefix: '10.0.0.0/24', nextHop: '2001:db8::1' }];
      }),
    );
    expect(c.neighbors[0].extendedNextHop).toEqual([{ afi: 1, safi: 1, nextHopAfi: 2 }]);
    expect(c.neighbors[0].routes[0].nextHop).toBe('2001:db8::1');
    expect(decoded(base()).neighbors[0].extendedNextHop).toBeUndefined();
  });

  it('reads the BGP Prefix-SID keys (RFC 8669, RFC 9252) into the attribute TLVs', () => {
    const c = decoded(
      edited((j) => {
        j.neighbors[0].routes = [
          { prefix: '10.0.0.0/24', bgpPrefixSid: { labelIndex: 300, srgbs: [[800000, 4096]] } },
          { prefix: '10.0.1.0/24', nextHop: '192.0.2.9', bgpPrefixSid: { labelIndex: 7 } },
          { prefix: '2001:db8::/48', nextHop: '2001:db8::9', bgpPrefixSidSrv6: { service: 'l3-service', sid: '2001:DB8:1:1::', behavior: 72, structure: [64, 24, 16, 0, 0, 0] } },
          { prefix: '2001:db8:1::/48', nextHop: '2001:db8::9', bgpPrefixSidSrv6: { service: 'l2-service', sid: '2001:db8::1' } },
        ];
      }),
    );
    expect(c.neighbors[0].routes.map((r) => r.attributes.prefixSid)).toEqual([
      [{ type: 1, labelIndex: 300 }, { type: 3, srgbs: [[800000, 4096]] }],
      [{ type: 1, labelIndex: 7 }],
      [{ type: 5, subTlvs: [{ type: 1, sid: '2001:db8:1:1::', flags: 0, behavior: 72, subSubTlvs: [{ type: 1, structure: [64, 24, 16, 0, 0, 0] }] }] }],
      [{ type: 6, subTlvs: [{ type: 1, sid: '2001:db8::1', flags: 0, behavior: 0xffff, subSubTlvs: [] }] }],
    ]);
  });

  it('reads AIGP (RFC 7311): the route metric as a number or a decimal / 0x string, and the neighbor AIGP_SESSION', () => {
    const c = decoded(
      edited((j) => {
        j.neighbors[0].aigp = true;
        j.neighbors[0].routes = [
          { prefix: '10.0.0.0/24', aigp: 100 },
          { prefix: '10.0.1.0/24', aigp: '18446744073709551615' },
          { prefix: '10.0.2.0/24', aigp: '0x10' },
        ];
      }),
    );
    expect(c.neighbors[0].aigp).toBe(true);
    expect(c.neighbors[0].routes.map((r) => r.attributes.aigp)).toEqual([100n, 0xffffffffffffffffn, 16n]);
    expect(decoded(base()).neighbors[0].aigp).toBeUndefined();
  });

  it('applies every default to a minimal config', () => {
    expect(decoded({ neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001, routerId: '192.0.2.1' }] })).toEqual({
      listen: [],
      log: { level: 'info' },
      events: { output: 'stdout', format: 'json' },
      processes: [],
      policies: [],
      sinks: [],
      sources: [],
      control: { socket: defaultControlSocketPath(), enabled: true },
      neighbors: [
        {
          name: '127.0.0.2',
          peerAddress: '127.0.0.2',
          peerPort: 179,
          localAs: 65001,
          peerAs: 65002,
          routerId: '192.0.2.1',
          holdTime: 90,
          connectRetry: 5,
          delayOpen: 0,
          passive: false,
          families: [{ afi: 1, safi: 1 }],
          routeRefresh: true,
          extendedMessage: true,
          flowIpv6Offset: 'rfc8956',
          flowValidate: false,
          routes: [],
          routeSets: [],
          mrtRoutes: [],
          api: {
            processes: [],
            neighborChanges: false,
            receive: [],
            send: [],
            packets: false,
            parsed: true,
            consolidate: false,
          },
          import: [],
          export: [],
        },
      ],
    });
  });

  it('takes localAs and routerId from the top level, and falls back to an IPv4 localAddress for the router ID', () => {
    const c = decoded({
      localAs: 65010,
      neighbors: [
        { peerAddress: '127.0.0.2', localAddress: '127.0.0.1', peerAs: 65002 },
        { peerAddress: '127.0.0.3', localAddress: '127.0.0.1', peerAs: 65003, localAs: 65011, routerId: '192.0.2.9' },
      ],
    });
    expect(c.neighbors.map((n) => [n.localAs, n.routerId])).toEqual([
      [65010, '127.0.0.1'],
      [65011, '192.0.2.9'],
    ]);
  });

  it('keeps every neighbor setting given', () => {
    const [n] = decoded({
      neighbors: [
        {
          description: 'core-1',
          peerAddress: '2001:DB8:0:0::2',
          peerPort: 1790,
          localAddress: '2001:db8::1',
          localPort: 40000,
          localAs: 4200000000,
          peerAs: 65002,
          routerId: '10.0.0.1',
          holdTime: 0,
          connectRetry: 30,
          delayOpen: 3,
          passive: false,
          families: ['ipv6 unicast', 'ipv4 unicast'],
          addPath: { 'ipv4 unicast': 'receive', 'ipv6 unicast': 'both' },
          routeRefresh: false,
          extendedMessage: false,
          hostname: 'rxbgp-1',
          domainName: 'example.net',
          gracefulRestart: 120,
        },
      ],
    }).neighbors;
    expect(n).toEqual({
      name: 'core-1',
      description: 'core-1',
      peerAddress: '2001:db8::2',
      peerPort: 1790,
      localAddress: '2001:db8::1',
      localPort: 40000,
      localAs: 4200000000,
      peerAs: 65002,
      routerId: '10.0.0.1',
      holdTime: 0,
      connectRetry: 30,
      delayOpen: 3,
      passive: false,
      families: [
        { afi: 2, safi: 1 },
        { afi: 1, safi: 1 },
      ],
      addPath: [
        { afi: 1, safi: 1, mode: 1 },
        { afi: 2, safi: 1, mode: 3 },
      ],
      routeRefresh: false,
      extendedMessage: false,
      hostname: 'rxbgp-1',
      domainName: 'example.net',
      gracefulRestart: 120,
      flowIpv6Offset: 'rfc8956',
      flowValidate: false,
      routes: [],
      routeSets: [],
      mrtRoutes: [],
      api: { processes: [], neighborChanges: false, receive: [], send: [], packets: false, parsed: true, consolidate: false },
      import: [],
      export: [],
    });
  });

  it('decodes every route attribute to the wire model', () => {
    const [route] = decoded(
      edited((c) => {
        c.neighbors[0].routes = [
          {
            prefix: '10.1.0.0/16',
            nextHop: '192.0.2.7',
            origin: 'incomplete',
            asPath: [65001, 4200000000],
            med: 10,
            localPref: 200,
            communities: ['65001:100', 'no-export', 'blackhole'],
            largeCommunities: ['65001:1:2'],
            extendedCommunities: ['target:65001:1', '0x0002000000010002'],
            atomicAggregate: true,
            aggregator: '65001:192.0.2.1',
            originatorId: '192.0.2.5',
            clusterList: ['192.0.2.6', '192.0.2.7'],
            pathId: 7,
          },
        ];
      }),
    ).neighbors[0].routes;
    expect(route).toEqual({
      afi: 1,
      safi: 1,
      prefix: '10.1.0.0/16',
      nextHop: '192.0.2.7',
      pathId: 7,
      attributes: {
        origin: 2,
        asPath: [{ type: 2, asns: [65001, 4200000000] }],
        med: 10,
        localPref: 200,
        communities: [0xfde90064, 0xffffff01, 0xffff029a],
        largeCommunities: [[65001, 1, 2]],
        extendedCommunities: [0x0002fde900000001n, 0x0002000000010002n],
        atomicAggregate: true,
        aggregator: { asn: 65001, address: '192.0.2.1' },
        originatorId: '192.0.2.5',
        clusterList: ['192.0.2.6', '192.0.2.7'],
      },
    });
  });

  it('gives a bare route ORIGIN igp, an empty AS_PATH and next hop self', () => {
    expect(decoded(base()).neighbors[0].routes).toEqual([
      { afi: 1, safi: 1, prefix: '10.0.0.0/24', nextHop: 'self', attributes: { origin: 0, asPath: [] } },
    ]);
  });

  it('derives families from the session and the routes when none are given', () => {
    const c = decoded(
      edited((c) => {
        c.neighbors[0].routes.push({ prefix: '2001:db8:1::/48', nextHop: '2001:db8::1' });
      }),
    );
    expect(c.neighbors[0].routes[1]).toMatchObject({ afi: 2, safi: 1, prefix: '2001:db8:1::/48', nextHop: '2001:db8::1' });
    expect(c.neighbors[0].families).toEqual([
      { afi: 1, safi: 1 },
      { afi: 2, safi: 1 },
    ]);
  });

  it('keeps a route set as a run, even the largest one allowed', () => {
    const c = decoded(
      edited((c) => {
        c.neighbors[0].routes = []; // the base route 10.0.0.0/24 is in the run: announced twice (route-overlaps.spec.ts)
        c.neighbors[0].routeSets = [
          { prefixes: { from: '10.0.0.0/24', count: 10_000_000 }, asPath: [65001], communities: ['65001:1'] },
          { prefixes: { from: '2001:db8::/64', count: 3 }, nextHop: '2001:db8::1' },
        ];
      }),
    );
    expect(c.neighbors[0].routeSets).toEqual([
      {
        afi: 1,
        safi: 1,
        from: '10.0.0.0/24',
        length: 24,
        count: 10_000_000,
        nextHop: 'self',
        attributes: { origin: 0, asPath: [{ type: 2, asns: [65001] }], communities: [0xfde90001] },
      },
      { afi: 2, safi: 1, from: '2001:db8::/64', length: 64, count: 3, nextHop: '2001:db8::1', attributes: { origin: 0, asPath: [] } },
    ]);
  });

  it('accepts a run that ends exactly at the end of the address space', () => {
    const c = edited((c) => (c.neighbors[0].routeSets = [{ prefixes: { from: '255.255.255.0/24', count: 1 } }]));
    expect(isRight(decodeConfig(c))).toBe(true);
  });

  it('accepts passive neighbors covered by a specific or a wildcard listener', () => {
    for (const address of ['127.0.0.1', '0.0.0.0', '::']) {
      const c = edited((c) => {
        c.listen = [{ address, port: 1790 }];
        c.neighbors[0].passive = true;
      });
      expect(errorLines(c)).toEqual([]);
    }
    const noLocal = edited((c) => {
      c.listen = [{ address: '127.0.0.9', port: 1790 }];
      c.neighbors[0].passive = true;
      delete c.neighbors[0].localAddress;
    });
    expect(errorLines(noLocal)).toEqual([]);
  });

  it('allows the same peer on two local addresses', () => {
    const c = edited((c) => c.neighbors.push({ peerAddress: '127.0.0.2', peerAs: 65002, localAddress: '127.0.0.3' }));
    expect(decoded(c).neighbors).toHaveLength(2);
  });

  it('keeps log and events settings', () => {
    const c = decoded(edited((c) => Object.assign(c, { log: { level: 'debug' }, events: { output: '/tmp/events.jsonl', format: 'json' } })));
    expect([c.log, c.events]).toEqual([{ level: 'debug' }, { output: '/tmp/events.jsonl', format: 'json' }]);
  });
});

describe('decodeConfig: errors name the path and say what was expected and found', () => {
  const cases: Array<[string, Json, string[]]> = [
    ['a document that is not an object', [], ['c.json: expected an rxbgp config (a JSON object), got an array']],
    ['neighbors missing', {}, ['c.json: neighbors: missing required key, expected a list of neighbors']],
    ['neighbors not an array', { neighbors: {} }, ['c.json: neighbors: expected a list of neighbors (a JSON array), got an object']],
    [
      'a top-level typo',
      edited((c) => (c.routerID = '1.1.1.1')),
      [
        'c.json: routerID: unknown key "routerID" (did you mean "routerId"?); allowed keys here: neighbors, listen, routerId, localAs, log, events, processes, policies, control, sinks, sources, metrics',
      ],
    ],
    [
      'a neighbor typo',
      edited((c) => (c.neighbors[0].holdtime = 30)),
      [
        'c.json: neighbors[0].holdtime: unknown key "holdtime" (did you mean "holdTime"?); allowed keys here: peerAddress, peerAs, ' +
          'description, peerPort, localAddress, localPort, localAs, routerId, holdTime, connectRetry, delayOpen, passive, families, ' +
          'addPath, nexthop, routeRefresh, extendedMessage, hostname, domainName, gracefulRestart, aigp, routes, flows, evpn, mvpn, flowspec, vpls, rtc, routeSets, mrtRoutes, api, import, export',
      ],
    ],
    [
      'an unknown key with nothing near it',
      edited((c) => (c.listen[0].zzzzzzzz = 1)),
      ['c.json: listen[0].zzzzzzzz: unknown key "zzzzzzzz"; allowed keys here: address, port'],
    ],
    [
      'a __proto__ key',
      JSON.parse('{"__proto__": {"x": 1}, "neighbors": []}'),
      ['c.json: __proto__: unknown key "__proto__"; allowed keys here: neighbors, listen, routerId, localAs, log, events, processes, policies, control, sinks, sources, metrics'],
    ],
    ['hold time 2', edited((c) => (c.neighbors[0].holdTime = 2)), ['c.json: neighbors[0].holdTime: expected 0 or 3..65535, got 2']],
    ['hold time as text', edited((c) => (c.neighbors[0].holdTime = '90')), ['c.json: neighbors[0].holdTime: expected 0 or 3..65535, got "90"']],
    ['AS 0', edited((c) => (c.neighbors[0].peerAs = 0)), ['c.json: neighbors[0].peerAs: expected an AS number 1..4294967295, got 0']],
    ['AS too big', edited((c) => (c.localAs = 4294967296)), ['c.json: localAs: expected an AS number 1..4294967295, got 4294967296']],
    ['AS not an integer', edited((c) => (c.localAs = 65001.5)), ['c.json: localAs: expected an AS number 1..4294967295, got 65001.5']],
    [
      'router ID 0.0.0.0',
      edited((c) => (c.routerId = '0.0.0.0')),
      ['c.json: routerId: expected a router ID: a dotted quad other than 0.0.0.0, got "0.0.0.0"'],
    ],
    [
      'router ID as IPv6',
      edited((c) => (c.neighbors[0].routerId = '::1')),
      ['c.json: neighbors[0].routerId: expected a router ID: a dotted quad other than 0.0.0.0, got "::1"'],
    ],
    [
      'a missing peer address',
      edited((c) => delete c.neighbors[0].peerAddress),
      ['c.json: neighbors[0].peerAddress: missing required key, expected an IPv4 or IPv6 address'],
    ],
    [
      'a host name instead of an address',
      edited((c) => (c.neighbors[0].peerAddress = 'router.example')),
      ['c.json: neighbors[0].peerAddress: expected an IPv4 or IPv6 address, got "router.example"'],
    ],
    ['port 0', edited((c) => (c.listen[0].port = 0)), ['c.json: listen[0].port: expected a port 1..65535, got 0']],
    ['port 65536', edited((c) => (c.neighbors[0].peerPort = 65536)), ['c.json: neighbors[0].peerPort: expected a port 1..65535, got 65536']],
    ['a listener without port', edited((c) => delete c.listen[0].port), ['c.json: listen[0].port: missing required key, expected a port 1..65535']],
    [
      'a listener that is a string',
      edited((c) => (c.listen[0] = '127.0.0.1:1790')),
      ['c.json: listen[0]: expected a listener like { "address": "127.0.0.1", "port": 1790 } (a JSON object), got "127.0.0.1:1790"'],
    ],
    [
      'a duplicate listener',
      edited((c) => c.listen.push({ address: '127.0.0.1', port: 1790 })),
      ['c.json: listen[1]: duplicate listener: listen[0] is also 127.0.0.1 port 1790'],
    ],
    ['passive as text', edited((c) => (c.neighbors[0].passive = 'yes')), ['c.json: neighbors[0].passive: expected true or false, got "yes"']],
    [
      'a null optional key',
      edited((c) => (c.neighbors[0].description = null)),
      ['c.json: neighbors[0].description: expected a non-empty description, got null'],
    ],
    ['connect retry 0', edited((c) => (c.neighbors[0].connectRetry = 0)), ['c.json: neighbors[0].connectRetry: expected seconds 1..65535, got 0']],
    ['delay open -1', edited((c) => (c.neighbors[0].delayOpen = -1)), ['c.json: neighbors[0].delayOpen: expected seconds 0..65535, got -1']],
    [
      'graceful restart over 12 bits',
      edited((c) => (c.neighbors[0].gracefulRestart = 4096)),
      ['c.json: neighbors[0].gracefulRestart: expected seconds 0..4095, got 4096'],
    ],
    [
      'a host name over 255 bytes',
      edited((c) => (c.neighbors[0].hostname = 'h'.repeat(256))),
      [`c.json: neighbors[0].hostname: expected a host name of 1..255 bytes, got "${'h'.repeat(55)}..."`],
    ],
    [
      'an empty families list',
      edited((c) => (c.neighbors[0].families = [])),
      ['c.json: neighbors[0].families: expected a list of families with at least 1, got an empty array'],
    ],
    [
      'an unsupported family',
      edited((c) => (c.neighbors[0].families = ['ipv4 unicast', 'bgp-ls bgp-ls'])),
      ['c.json: neighbors[0].families[1]: expected "ipv4 unicast" or "ipv6 unicast" or "ipv4 flow" or "ipv6 flow" or "ipv4 flow-vpn" or "ipv6 flow-vpn" or "ipv4 nlri-mpls" or "ipv6 nlri-mpls" or "ipv4 mpls-vpn" or "ipv6 mpls-vpn" or "l2vpn evpn" or "ipv4 multicast" or "ipv6 multicast" or "l2vpn vpls" or "ipv4 rtc" or "ipv4 mcast-vpn" or "ipv6 mcast-vpn", got "bgp-ls bgp-ls" (not supported yet)'],
    ],
    [
      'an unknown family',
      edited((c) => (c.neighbors[0].families = ['ipv4 unicast', 'ipv5 unicast'])),
      ['c.json: neighbors[0].families[1]: expected "ipv4 unicast" or "ipv6 unicast" or "ipv4 flow" or "ipv6 flow" or "ipv4 flow-vpn" or "ipv6 flow-vpn" or "ipv4 nlri-mpls" or "ipv6 nlri-mpls" or "ipv4 mpls-vpn" or "ipv6 mpls-vpn" or "l2vpn evpn" or "ipv4 multicast" or "ipv6 multicast" or "l2vpn vpls" or "ipv4 rtc" or "ipv4 mcast-vpn" or "ipv6 mcast-vpn", got "ipv5 unicast"'],
    ],
    [
      'a duplicate family',
      edited((c) => (c.neighbors[0].families = ['ipv4 unicast', 'IPv4  Unicast'])),
      ['c.json: neighbors[0].families[1]: duplicate family "ipv4 unicast"'],
    ],
    [
      'a route outside the families',
      edited((c) => {
        c.neighbors[0].families = ['ipv4 unicast'];
        c.neighbors[0].routes.push({ prefix: '2001:db8::/32', nextHop: '2001:db8::1' });
      }),
      ['c.json: neighbors[0].routes[1].prefix: 2001:db8::/32 is an ipv6 unicast route, but this neighbor\'s families do not include "ipv6 unicast"'],
    ],
    [
      'ADD-PATH for a family not negotiated',
      edited((c) => (c.neighbors[0].addPath = { 'ipv6 unicast': 'send' })),
      ['c.json: neighbors[0].addPath["ipv6 unicast"]: ADD-PATH for "ipv6 unicast", but that family is not in this neighbor\'s families'],
    ],
    [
      'a bad ADD-PATH mode',
      edited((c) => (c.neighbors[0].addPath = { 'ipv4 unicast': 'yes' })),
      ['c.json: neighbors[0].addPath["ipv4 unicast"]: expected one of "receive", "send", "both", got "yes"'],
    ],
    [
      'a misspelt ADD-PATH family',
      edited((c) => (c.neighbors[0].addPath = { 'ipv4 unicst': 'both' })),
      [
        'c.json: neighbors[0].addPath["ipv4 unicst"]: unknown key "ipv4 unicst" (did you mean "ipv4 unicast"?); allowed keys here: ipv4 unicast, ipv6 unicast, ipv4 flow, ipv6 flow, ipv4 flow-vpn, ipv6 flow-vpn, ipv4 nlri-mpls, ipv6 nlri-mpls, ipv4 mpls-vpn, ipv6 mpls-vpn, l2vpn evpn, ipv4 multicast, ipv6 multicast, l2vpn vpls, ipv4 rtc, ipv4 mcast-vpn, ipv6 mcast-vpn',
      ],
    ],
    [
      'a local address of the other family',
      edited((c) => (c.neighbors[0].localAddress = '::1')),
      ['c.json: neighbors[0].localAddress: expected an IPv4 address like peerAddress 127.0.0.2, got "::1"'],
    ],
    [
      'no local AS anywhere',
      edited((c) => delete c.localAs),
      ['c.json: neighbors[0].localAs: missing: set localAs on the neighbor or at the top level'],
    ],
    [
      'no router ID anywhere on an IPv6 session',
      {
        localAs: 65001,
        neighbors: [{ peerAddress: '::2', localAddress: '::1', peerAs: 65002 }],
      },
      ['c.json: neighbors[0].routerId: missing: set routerId on the neighbor or at the top level (only an IPv4 localAddress can stand in for it)'],
    ],
    [
      'a passive neighbor without a listener',
      edited((c) => {
        c.listen = [];
        c.neighbors[0].passive = true;
      }),
      [
        'c.json: neighbors[0].passive: a passive neighbor waits for its peer to connect, but no listener accepts its connection: ' +
          'add a listener on 127.0.0.1 (or 0.0.0.0 or ::) to "listen"',
      ],
    ],
    [
      'a passive neighbor whose listener is elsewhere',
      edited((c) => {
        c.listen = [{ address: '127.0.0.5', port: 1790 }];
        c.neighbors[0].passive = true;
      }),
      [
        'c.json: neighbors[0].passive: a passive neighbor waits for its peer to connect, but no listener accepts its connection: ' +
          'add a listener on 127.0.0.1 (or 0.0.0.0 or ::) to "listen"',
      ],
    ],
    [
      'a passive IPv6 neighbor without local address and an IPv4 listener',
      edited((c) => {
        c.neighbors = [{ peerAddress: '2001:db8::2', peerAs: 65002, passive: true }];
      }),
      [
        'c.json: neighbors[0].passive: a passive neighbor waits for its peer to connect, but no listener accepts its connection: ' +
          'add a listener on an IPv6 address or :: to "listen"',
      ],
    ],
    [
      'two neighbors with the same addresses',
      edited((c) => c.neighbors.push({ peerAddress: '127.0.0.2', peerAs: 65003, localAddress: '127.0.0.1' })),
      ['c.json: neighbors[1].peerAddress: duplicate neighbor: neighbors[0] has the same peerAddress 127.0.0.2 and localAddress 127.0.0.1'],
    ],
    [
      'two neighbors with the same peer written differently and no local address',
      { localAs: 1, routerId: '1.1.1.1', neighbors: [{ peerAddress: '2001:db8::2', peerAs: 2 }, { peerAddress: '2001:DB8:0::2', peerAs: 2 }] },
      ['c.json: neighbors[1].peerAddress: duplicate neighbor: neighbors[0] has the same peerAddress 2001:db8::2 and no localAddress'],
    ],
    ['a route without prefix', edited((c) => (c.neighbors[0].routes = [{}])), ['c.json: neighbors[0].routes[0].prefix: missing required key, expected an IPv4 or IPv6 prefix']],
    [
      'a prefix with host bits',
      edited((c) => (c.neighbors[0].routes[0].prefix = '10.0.0.1/24')),
      ['c.json: neighbors[0].routes[0].prefix: expected a prefix without host bits, got "10.0.0.1/24" (did you mean "10.0.0.0/24"?)'],
    ],
    [
      'a prefix length too long',
      edited((c) => (c.neighbors[0].routes[0].prefix = '10.0.0.0/33')),
      ['c.json: neighbors[0].routes[0].prefix: expected an IPv4 or IPv6 prefix like "10.0.0.0/24", got "10.0.0.0/33"'],
    ],
    [
      'a duplicate route',
      edited((c) => c.neighbors[0].routes.push({ prefix: '10.0.0.0/24', med: 5 })),
      ['c.json: neighbors[0].routes[1].prefix: duplicate route: routes[0] also announces 10.0.0.0/24'],
    ],
    [
      'the same prefix with two path IDs is fine, twice the same ID is not',
      edited((c) => {
        c.neighbors[0].routes = [
          { prefix: '10.0.0.0/24', pathId: 1 },
          { prefix: '10.0.0.0/24', pathId: 2 },
          { prefix: '10.0.0.0/24', pathId: 2 },
        ];
      }),
      ['c.json: neighbors[0].routes[2].prefix: duplicate route: routes[1] also announces 10.0.0.0/24 with pathId 2'],
    ],
    [
      'a bad next hop',
      edited((c) => (c.neighbors[0].routes[0].nextHop = 'me')),
      ['c.json: neighbors[0].routes[0].nextHop: expected "self" or an IP address, got "me"'],
    ],
    [
      'an IPv6 next hop for an IPv4 prefix',
      edited((c) => (c.neighbors[0].routes[0].nextHop = '2001:db8::1')),
      ['c.json: neighbors[0].routes[0].nextHop: expected an IPv4 next hop for 10.0.0.0/24, got "2001:db8::1" (an IPv6 next hop needs "nexthop": { "ipv4 unicast": "ipv6" }, RFC 8950)'],
    ],
    [
      'next hop self for an IPv6 prefix on an IPv4 session',
      edited((c) => (c.neighbors[0].routes[0].prefix = '2001:db8::/32')),
      [
        'c.json: neighbors[0].routes[0].nextHop: "self" is the session\'s IPv4 local address, which cannot be the next hop of IPv6 ' +
          'prefix 2001:db8::/32: give an explicit IPv6 next hop',
      ],
    ],
    [
      'an upper-case origin',
      edited((c) => (c.neighbors[0].routes[0].origin = 'IGP')),
      ['c.json: neighbors[0].routes[0].origin: expected one of "igp", "egp", "incomplete", got "IGP"'],
    ],
    [
      'AS 0 in an AS path',
      edited((c) => (c.neighbors[0].routes[0].asPath = [65001, 0])),
      ['c.json: neighbors[0].routes[0].asPath[1]: expected an AS number 1..4294967295, got 0'],
    ],
    [
      'an AS path as text',
      edited((c) => (c.neighbors[0].routes[0].asPath = '65001 65002')),
      ['c.json: neighbors[0].routes[0].asPath: expected a list of AS numbers (a JSON array), got "65001 65002"'],
    ],
    ['a negative MED', edited((c) => (c.neighbors[0].routes[0].med = -1)), ['c.json: neighbors[0].routes[0].med: expected an integer 0..4294967295, got -1']],
    [
      'a community out of range',
      edited((c) => (c.neighbors[0].routes[0].communities = ['65001:100', '65536:1'])),
      ['c.json: neighbors[0].routes[0].communities[1]: expected a community AS:value with each part 0..65535, got "65536:1"'],
    ],
    [
      'a community given as a number pair',
      edited((c) => (c.neighbors[0].routes[0].communities = [[65001, 100]])),
      ['c.json: neighbors[0].routes[0].communities[0]: expected a community like "65001:100", got an array'],
    ],
    [
      'a large community with two parts',
      edited((c) => (c.neighbors[0].routes[0].largeCommunities = ['65001:1'])),
      [
        'c.json: neighbors[0].routes[0].largeCommunities[0]: expected a large community global:local1:local2 with each part ' +
          '0..4294967295, got "65001:1"',
      ],
    ],
    [
      'an extended community with an unknown kind',
      edited((c) => (c.neighbors[0].routes[0].extendedCommunities = ['color:1:2'])),
      [
        'c.json: neighbors[0].routes[0].extendedCommunities[0]: expected an extended community: target:ADMIN:NUMBER, ' +
          'origin:ADMIN:NUMBER, mac-mobility:SEQUENCE, encap:TYPE, esi-label:LABEL, router-mac:MAC, default-gateway or 0x and 16 hex digits, got "color:1:2"',
      ],
    ],
    [
      'an aggregator without address',
      edited((c) => (c.neighbors[0].routes[0].aggregator = '65001')),
      ['c.json: neighbors[0].routes[0].aggregator: expected an aggregator AS:address like "65001:192.0.2.1" (AS 1..4294967295, an IPv4 address), got "65001"'],
    ],
    [
      'a cluster ID that is not IPv4',
      edited((c) => (c.neighbors[0].routes[0].clusterList = ['::1'])),
      ['c.json: neighbors[0].routes[0].clusterList[0]: expected an IPv4 address, got "::1"'],
    ],
    [
      'an AIGP metric past 64 bits',
      edited((c) => (c.neighbors[0].routes[0].aigp = '18446744073709551616')),
      ['c.json: neighbors[0].routes[0].aigp: expected an AIGP metric (an integer 0..9007199254740991, or a decimal or 0x string up to 64 bits), got "18446744073709551616"'],
    ],
    [
      'an AIGP metric past 2^53 as a JSON number',
      edited((c) => (c.neighbors[0].routes[0].aigp = 2 ** 53)),
      ['c.json: neighbors[0].routes[0].aigp: expected an AIGP metric (an integer 0..9007199254740991, or a decimal or 0x string up to 64 bits), got 9007199254740992'],
    ],
    [
      'an SRGB range past 24 bits',
      edited((c) => (c.neighbors[0].routes[0].bgpPrefixSid = { labelIndex: 1, srgbs: [[16777216, 1]] })),
      ['c.json: neighbors[0].routes[0].bgpPrefixSid.srgbs[0]: expected an SRGB [base, range], each 0..16777215, got an array'],
    ],
    [
      'an SRv6 SID that is not IPv6',
      edited((c) => (c.neighbors[0].routes[0].bgpPrefixSidSrv6 = { service: 'l3-service', sid: '192.0.2.1' })),
      ['c.json: neighbors[0].routes[0].bgpPrefixSidSrv6.sid: expected an IPv6 address, got "192.0.2.1"'],
    ],
    [
      'a SID structure of five lengths',
      edited((c) => (c.neighbors[0].routes[0].bgpPrefixSidSrv6 = { service: 'l3-service', sid: '2001:db8::1', structure: [64, 24, 16, 0, 0] })),
      ['c.json: neighbors[0].routes[0].bgpPrefixSidSrv6.structure: expected six bit lengths [LBL, LNL, FL, AL, TL, TO], each 0..255, got an array'],
    ],
    [
      'a "nexthop" address family that is not ipv4 or ipv6',
      edited((c) => (c.neighbors[0].nexthop = { 'ipv4 unicast': 'ipv7' })),
      ['c.json: neighbors[0].nexthop["ipv4 unicast"]: expected one of "ipv4", "ipv6", got "ipv7"'],
    ],
    ['an AIGP_SESSION that is not a boolean', edited((c) => (c.neighbors[0].aigp = 'yes')), ['c.json: neighbors[0].aigp: expected true or false, got "yes"']],
    ['a negative path ID', edited((c) => (c.neighbors[0].routes[0].pathId = -1)), ['c.json: neighbors[0].routes[0].pathId: expected an integer 0..4294967295, got -1']],
    [
      'a route set over the cap',
      edited((c) => (c.neighbors[0].routeSets = [{ prefixes: { from: '10.0.0.0/24', count: 10_000_001 } }])),
      ['c.json: neighbors[0].routeSets[0].prefixes.count: expected a count 1..10000000, got 10000001'],
    ],
    [
      'a route set past the end of the address space',
      edited((c) => (c.neighbors[0].routeSets = [{ prefixes: { from: '255.255.0.0/24', count: 257 } }])),
      [
        'c.json: neighbors[0].routeSets[0].prefixes.count: expected at most 256 (the /24 prefixes from 255.255.0.0/24 to the end of ' +
          'the IPv4 space), got 257',
      ],
    ],
    [
      'a route set with a typo in its run',
      edited((c) => (c.neighbors[0].routeSets = [{ prefixes: { form: '10.0.0.0/24', count: 2 } }])),
      [
        'c.json: neighbors[0].routeSets[0].prefixes.form: unknown key "form" (did you mean "from"?); allowed keys here: from, count',
        'c.json: neighbors[0].routeSets[0].prefixes.from: missing required key, expected an IPv4 or IPv6 prefix',
      ],
    ],
    [
      'a route set with a next hop of the wrong family',
      edited((c) => (c.neighbors[0].routeSets = [{ prefixes: { from: '2001:db8::/48', count: 2 } }])),
      [
        'c.json: neighbors[0].routeSets[0].nextHop: "self" is the session\'s IPv4 local address, which cannot be the next hop of IPv6 ' +
          'prefix 2001:db8::/48: give an explicit IPv6 next hop',
      ],
    ],
    ['a log level not known', edited((c) => (c.log = { level: 'verbose' })), ['c.json: log.level: expected one of "error", "warn", "info", "debug", got "verbose"']],
    ['an events format not known', edited((c) => (c.events = { format: 'xml' })), ['c.json: events.format: expected "json", got "xml"']],
    ['an empty events output', edited((c) => (c.events = { output: '' })), ['c.json: events.output: expected "stdout", "none" or a file path, got ""']],
    [
      'several errors, in file order',
      edited((c) => {
        c.neighbors[0].peerAs = 'x';
        c.neighbors[0].holdTime = 1;
        c.listen[0].port = 'bgp';
      }),
      [
        'c.json: listen[0].port: expected a port 1..65535, got "bgp"',
        'c.json: neighbors[0].peerAs: expected an AS number 1..4294967295, got "x"',
        'c.json: neighbors[0].holdTime: expected 0 or 3..65535, got 1',
      ],
    ],
  ];

  it.each(cases)('%s', (_name, json, lines) => {
    expect(errorLines(json)).toEqual(lines);
  });

  it('the valid base config really is valid', () => {
    expect(errorLines(base())).toEqual([]);
  });
});
