/**
 * MVPN (issue 14, "ipv4 mcast-vpn" / "ipv6 mcast-vpn", RFC 6514) between two rxbgp daemons
 * (bin/rxbgp, from dist/) on one real TCP session. No daemon installed here speaks SAFI 5: ExaBGP
 * 4.2 refuses "ipv4 mcast-vpn" in its config ("invalid afi/safi pair ipv4/mcast-vpn"), gobgpd 3.10
 * and FRR's bgpd have no MVPN NLRI, BIRD 2 has no MVPN channel. So this is the session check: the
 * Multiprotocol capability for SAFI 5 from the config's families, every route type of the sender's
 * "mvpn" config list received and printed as ExaBGP 5 prints it (the JSON of ExaBGP's
 * qa/encoding/conf-mvpn.ci for types 5-7, GenericMVPN for 1-4), then a config reload sending only the
 * withdrawal of the route taken out.
 * Addresses 127.0.103.60 (sender) and 127.0.103.61 (receiver, listening on port 17160).
 */
import { Rxbgp, type RxbgpConfig } from '../rxbgp';
import type { ExaEvent } from '../harness/exabgp-json';

const SENDER = '127.0.103.60';
const RECEIVER = '127.0.103.61';
const PORT = 17160;
const TIMEOUT_MS = 20000;
const FAMILIES = ['ipv4 unicast', 'ipv4 mcast-vpn', 'ipv6 mcast-vpn'];

const RT = ['target:65000:99999'];
const MVPN = [
  { routeType: 'source-ad', rd: '65000:99999', source: '10.99.12.4', group: '239.251.255.228', nextHop: '10.10.6.4', extendedCommunities: RT },
  { routeType: 'shared-join', rd: '65000:99999', sourceAs: 65000, rp: '10.99.199.1', group: '239.251.255.228', nextHop: '10.10.6.3', extendedCommunities: RT },
  { routeType: 'source-join', rd: '65000:99999', sourceAs: 65000, source: '10.99.12.2', group: '239.251.255.228', nextHop: '10.10.6.3', extendedCommunities: RT },
  { routeType: 'source-join', rd: '65000:99999', sourceAs: 65000, source: 'fd12::2', group: 'ff0e::1', nextHop: '10.10.6.3', extendedCommunities: RT },
  { routeType: 'intra-as-ipmsi-ad', rd: '65000:1', originator: '192.0.2.1', nextHop: '192.0.2.1' },
  { routeType: 'inter-as-ipmsi-ad', rd: '65000:1', sourceAs: 65001, nextHop: '192.0.2.1' },
  { routeType: 'spmsi-ad', rd: '65000:1', source: '*', group: '232.1.1.1', originator: '192.0.2.1', nextHop: '192.0.2.1' },
  { routeType: 'leaf-ad', routeKey: '0x030E0000FDE8000000010000C0000201', originator: '198.51.100.1', nextHop: '192.0.2.1' },
];

/** What the receiver prints for each, by family: ExaBGP 5's items (types 5-7 from conf-mvpn.ci). */
const EXPECTED: ReadonlyArray<readonly [string, string, object]> = [
  ['ipv4 mcast-vpn', '10.10.6.4', { code: 5, parsed: true, raw: '05120000FDE80001869F200A630C0420EFFBFFE4', name: 'Source Active A-D Route', rd: '65000:99999', source: '10.99.12.4', group: '239.251.255.228' }],
  ['ipv4 mcast-vpn', '10.10.6.3', { code: 6, parsed: true, raw: '06160000FDE80001869F0000FDE8200A63C70120EFFBFFE4', name: 'C-Multicast Shared Tree Join route', rd: '65000:99999', 'source-as': '65000', source: '10.99.199.1', group: '239.251.255.228' }],
  ['ipv4 mcast-vpn', '10.10.6.3', { code: 7, parsed: true, raw: '07160000FDE80001869F0000FDE8200A630C0220EFFBFFE4', name: 'C-Multicast Source Tree Join route', rd: '65000:99999', 'source-as': '65000', source: '10.99.12.2', group: '239.251.255.228' }],
  [
    'ipv6 mcast-vpn',
    '10.10.6.3',
    { code: 7, parsed: true, raw: '072E0000FDE80001869F0000FDE880FD12000000000000000000000000000280FF0E0000000000000000000000000001', name: 'C-Multicast Source Tree Join route', rd: '65000:99999', 'source-as': '65000', source: 'fd12::2', group: 'ff0e::1' },
  ],
  ['ipv4 mcast-vpn', '192.0.2.1', { code: 1, parsed: false, raw: '010C0000FDE800000001C0000201' }],
  ['ipv4 mcast-vpn', '192.0.2.1', { code: 2, parsed: false, raw: '020C0000FDE8000000010000FDE9' }],
  ['ipv4 mcast-vpn', '192.0.2.1', { code: 3, parsed: false, raw: '03120000FDE8000000010020E8010101C0000201' }],
  ['ipv4 mcast-vpn', '192.0.2.1', { code: 4, parsed: false, raw: '0414030E0000FDE8000000010000C0000201C6336401' }],
];

function sender(mvpn: readonly object[]): RxbgpConfig {
  return {
    neighbors: [{ peerAddress: RECEIVER, peerPort: PORT, localAddress: SENDER, localAs: 65000, peerAs: 65000, routerId: '192.0.2.60', holdTime: 90, connectRetry: 1, families: FAMILIES, mvpn } as never],
  };
}

const RECEIVER_CONFIG: RxbgpConfig = {
  listen: [{ address: RECEIVER, port: PORT }],
  neighbors: [{ peerAddress: SENDER, localAddress: RECEIVER, localAs: 65000, peerAs: 65000, routerId: '192.0.2.61', holdTime: 90, passive: true, families: FAMILIES as never }],
};

type Items = Array<[string, string, object]>;

/** Every announced MVPN item of the receiver's events: [family, next hop, item]. */
function announced(events: readonly ExaEvent[]): Items {
  const out: Items = [];
  for (const e of events) {
    const announce = (e.neighbor as { message?: { update?: { announce?: Record<string, Record<string, object[]>> } } }).message?.update?.announce ?? {};
    for (const [family, byNextHop] of Object.entries(announce)) {
      if (!family.endsWith('mcast-vpn')) continue;
      for (const [nextHop, items] of Object.entries(byNextHop)) for (const item of items) out.push([family, nextHop, item]);
    }
  }
  return out;
}

function withdrawn(events: readonly ExaEvent[]): object[] {
  return events.flatMap((e) => Object.entries((e.neighbor as { message?: { update?: { withdraw?: Record<string, object[]> } } }).message?.update?.withdraw ?? {}).flatMap(([f, items]) => (f.endsWith('mcast-vpn') ? items : [])));
}

const key = (x: [string, string, object] | readonly [string, string, object]): string => JSON.stringify(x);

describe('MVPN between two rxbgp daemons', () => {
  let receiver: Rxbgp | undefined;
  let sending: Rxbgp | undefined;

  afterAll(async () => {
    await sending?.dispose();
    await receiver?.dispose();
  });

  it('carries every route type, printed as ExaBGP 5 prints it, and a reload sends only the withdrawal', async () => {
    receiver = Rxbgp.start(RECEIVER_CONFIG);
    sending = Rxbgp.start(sender(MVPN));
    await receiver.waitForEvent('all MVPN routes', (e) => e && announced(receiver!.events).length >= EXPECTED.length, TIMEOUT_MS);
    expect(announced(receiver.events).map(key).sort()).toEqual(EXPECTED.map(key).sort());

    sending.reload(sender(MVPN.filter((r) => r.routeType !== 'shared-join')));
    await receiver.waitForEvent('the shared-join withdrawn', () => withdrawn(receiver!.events).length > 0, TIMEOUT_MS);
    await new Promise((r) => setTimeout(r, 1000));
    expect(withdrawn(receiver.events)).toEqual([{ code: 6, parsed: true, raw: '06160000FDE80001869F0000FDE8200A63C70120EFFBFFE4', name: 'C-Multicast Shared Tree Join route', rd: '65000:99999', 'source-as': '65000', source: '10.99.199.1', group: '239.251.255.228' }]);
    // Nothing announced again on the reload.
    expect(announced(receiver.events)).toHaveLength(EXPECTED.length);
  }, 60000);
});
