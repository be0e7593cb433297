/**
 * Route policy against a real BIRD 2 (Debian 2.0.12): rxbgp's export policy decides what BIRD
 * holds and its import policy what rxbgp reports; a SIGHUP that changes a policy's options changes
 * what BIRD ends up with (and what rxbgp reports), without resetting the session.
 */
import path from 'path';
import { announcedRoutes, peerOf, withdrawnPrefixes } from './harness/exabgp-json';
import { startBird } from './peers/bird';
import { waitEstablished, waitForRoute, waitForRouteGone, type BgpPeer } from './peers/bgp-peer';
import { Rxbgp, type RxbgpConfig } from './rxbgp';

const bird = { address: '127.0.0.23', port: 1797, asn: 65023, routerId: '192.0.2.23' };
const rx = { address: '127.0.0.24', asn: 65024, routerId: '192.0.2.24' };
const NO_BOGONS = path.resolve(__dirname, '../../conf/policies/no-bogons.js');
const SESSION_TIMEOUT_MS = 30000;
const ROUTE_TIMEOUT_MS = 15000;

function config(exportExtra: readonly string[], importExtra: readonly string[]): RxbgpConfig {
  const route = (prefix: string) => ({ prefix, nextHop: '198.51.100.24' });
  return {
    policies: {
      'out-filter': { module: NO_BOGONS, options: { extra: exportExtra } },
      'in-filter': { module: NO_BOGONS, options: { extra: importExtra } },
    },
    neighbors: [
      {
        peerAddress: bird.address,
        peerPort: bird.port,
        localAddress: rx.address,
        localAs: rx.asn,
        peerAs: bird.asn,
        routerId: rx.routerId,
        connectRetry: 1,
        families: ['ipv4 unicast'],
        routes: [route('8.8.8.0/24'), route('8.8.4.0/24'), route('10.24.0.0/24'), route('1.1.1.0/25')],
        export: ['out-filter'],
        import: ['in-filter'],
      },
    ],
  };
}

describe('route policy against BIRD', () => {
  let peer: BgpPeer | undefined;
  let rxbgp: Rxbgp | undefined;

  beforeAll(async () => {
    peer = await startBird({ ...bird, neighbor: { address: rx.address, asn: rx.asn }, families: ['ipv4 unicast'] });
    rxbgp = Rxbgp.start(config([], []));
    await waitEstablished(peer, SESSION_TIMEOUT_MS, rxbgp.also);
  }, 60000);

  afterAll(async () => {
    await rxbgp?.dispose();
    await peer?.stop();
  }, 30000);

  test('BIRD holds what the export policy lets through', async () => {
    await waitForRoute(peer!, '8.8.8.0/24', ROUTE_TIMEOUT_MS, rxbgp!.also);
    await waitForRoute(peer!, '8.8.4.0/24', ROUTE_TIMEOUT_MS, rxbgp!.also);
    const held = (await peer!.receivedRoutes()).map((r) => r.prefix).sort();
    expect(held).toEqual(['8.8.4.0/24', '8.8.8.0/24']);
  });

  test("rxbgp's events show what BIRD sends after the import policy", async () => {
    await peer!.announce([
      { prefix: '185.23.0.0/24', nextHop: '198.51.100.23' },
      { prefix: '192.168.23.0/24', nextHop: '198.51.100.23' },
    ]);
    await rxbgp!.waitForEvent('BIRD announcing 185.23.0.0/24', (e) => peerOf(e) === bird.address && announcedRoutes(e).some((r) => r.prefix === '185.23.0.0/24'), ROUTE_TIMEOUT_MS);
    expect(rxbgp!.events.some((e) => announcedRoutes(e).some((r) => r.prefix === '192.168.23.0/24'))).toBe(false);
  });

  test('a SIGHUP with other policy options changes what BIRD holds and what rxbgp reports, without a reset', async () => {
    const mark = await peer!.sessionMark();
    rxbgp!.reload(config(['8.8.4.0/24 le 32'], ['185.23.0.0/24 le 32']));
    await waitForRouteGone(peer!, '8.8.4.0/24', ROUTE_TIMEOUT_MS, rxbgp!.also);
    expect((await peer!.receivedRoutes()).map((r) => r.prefix)).toEqual(['8.8.8.0/24']);
    await rxbgp!.waitForEvent('185.23.0.0/24 withdrawn by the new import policy', (e) => peerOf(e) === bird.address && withdrawnPrefixes(e).includes('185.23.0.0/24'), ROUTE_TIMEOUT_MS);
    expect(await peer!.isEstablished()).toBe(true);
    expect(await peer!.sessionMark()).toBe(mark);
  });
});
