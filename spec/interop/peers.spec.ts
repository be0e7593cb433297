/**
 * The harness checked on its own: the three daemons peered with each other, without rxbgp, through
 * the same peer modules the rxbgp scenarios use. When an rxbgp scenario fails and these pass, the
 * fault is in rxbgp, not in how the suite drives or reads the daemons.
 */
import { waitEstablished, waitForCease, waitForRoute, waitForRouteGone, type BgpPeer } from './peers/bgp-peer';
import { startBird } from './peers/bird';
import { startExabgp } from './peers/exabgp';
import { startGobgp } from './peers/gobgp';
import type { Route, UnicastFamily } from './harness/route';

const FAMILIES: readonly UnicastFamily[] = ['ipv4 unicast', 'ipv6 unicast'];
const gobgpd = { address: '127.0.0.41', port: 1797, apiPort: 50797, asn: 65041, routerId: '192.0.2.41', families: FAMILIES };
const bird = { address: '127.0.0.42', port: 1798, asn: 65042, routerId: '192.0.2.42', families: FAMILIES };
const exabgp = { address: '127.0.0.43', port: 1799, asn: 65043, routerId: '192.0.2.43', families: FAMILIES };

const SESSION_TIMEOUT_MS = 40000;
const ROUTE_TIMEOUT_MS = 15000;

interface Originated {
  readonly announce: readonly Route[];
  /** What the receiving daemon must report. */
  readonly expected: readonly Route[];
}

/**
 * An IPv4 route with every attribute the suite compares and an IPv6 one with a few. gobgpd and
 * BIRD put their own AS in front of the path they are given; ExaBGP sends it as given.
 */
function originated(asn: number, octet: number, prependsOwnAs: boolean): Originated {
  const v4: Route = {
    prefix: `172.16.${octet}.0/24`,
    nextHop: `198.51.100.${octet}`,
    origin: 'igp',
    asPath: prependsOwnAs ? [65100] : [asn, 65100],
    med: 10,
    communities: [`${asn}:7`],
    largeCommunities: [`${asn}:1:2`],
    extendedCommunities: [`target:${asn}:1`],
  };
  const v6: Route = { prefix: `2001:db8:${octet}::/48`, nextHop: `2001:db8::${octet}`, origin: 'igp', med: 20, communities: [`${asn}:8`] };
  return { announce: [v4, v6], expected: [{ ...v4, asPath: [asn, 65100] }, { ...v6, asPath: [asn] }] };
}

/** ExaBGP 4.2 closes its sessions on SIGTERM without a NOTIFICATION, so a Cease check stops the other daemon. */
type Stopped = 'connecting' | 'listening';

function describePair(
  title: string,
  startConnecting: () => Promise<BgpPeer>,
  startListening: () => Promise<BgpPeer>,
  fromConnecting: Originated,
  fromListening: Originated,
  stopped: Stopped,
): void {
  describe(title, () => {
    let connecting: BgpPeer | undefined;
    let listening: BgpPeer | undefined;

    beforeAll(async () => {
      listening = await startListening();
      connecting = await startConnecting();
    }, 60000);

    afterAll(async () => {
      await connecting?.stop();
      await listening?.stop();
    }, 30000);

    test('both report the session Established', async () => {
      await waitEstablished(listening!, SESSION_TIMEOUT_MS);
      await waitEstablished(connecting!, 5000);
    });

    test('routes originated on each side arrive with their attributes', async () => {
      await connecting!.announce(fromConnecting.announce);
      await listening!.announce(fromListening.announce);
      for (const route of fromConnecting.expected) {
        expect(await waitForRoute(listening!, route.prefix, ROUTE_TIMEOUT_MS)).toMatchObject(route);
      }
      for (const route of fromListening.expected) {
        expect(await waitForRoute(connecting!, route.prefix, ROUTE_TIMEOUT_MS)).toMatchObject(route);
      }
    });

    test('withdrawals on each side arrive, without a session reset', async () => {
      const marks = [await connecting!.sessionMark(), await listening!.sessionMark()];
      await connecting!.withdraw(fromConnecting.announce.map((r) => r.prefix));
      await listening!.withdraw(fromListening.announce.map((r) => r.prefix));
      for (const route of fromConnecting.announce) await waitForRouteGone(listening!, route.prefix, ROUTE_TIMEOUT_MS);
      for (const route of fromListening.announce) await waitForRouteGone(connecting!, route.prefix, ROUTE_TIMEOUT_MS);
      expect([await connecting!.sessionMark(), await listening!.sessionMark()]).toEqual(marks);
    });

    test(`stopping the ${stopped} side makes the other report a Cease`, async () => {
      const [stop, other] = stopped === 'connecting' ? [connecting!, listening!] : [listening!, connecting!];
      await stop.stop();
      expect(await waitForCease(other, 15000)).toMatch(/\S/);
    });
  });
}

describePair(
  'harness: bird connects to gobgpd',
  () => startBird({ ...bird, neighbor: { address: gobgpd.address, asn: gobgpd.asn, port: gobgpd.port } }),
  () => startGobgp({ ...gobgpd, neighbor: { address: bird.address, asn: bird.asn } }),
  originated(bird.asn, 42, true),
  originated(gobgpd.asn, 41, true),
  'listening',
);

describePair(
  'harness: gobgpd connects to exabgp',
  () => startGobgp({ ...gobgpd, neighbor: { address: exabgp.address, asn: exabgp.asn, port: exabgp.port } }),
  () => startExabgp({ ...exabgp, neighbor: { address: gobgpd.address, asn: gobgpd.asn } }),
  originated(gobgpd.asn, 41, true),
  originated(exabgp.asn, 43, false),
  'connecting',
);

describePair(
  'harness: exabgp connects to bird',
  () => startExabgp({ ...exabgp, neighbor: { address: bird.address, asn: bird.asn, port: bird.port } }),
  () => startBird({ ...bird, neighbor: { address: exabgp.address, asn: exabgp.asn } }),
  originated(exabgp.asn, 43, false),
  originated(bird.asn, 42, true),
  'listening',
);
