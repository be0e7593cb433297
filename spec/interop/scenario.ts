/**
 * The interop scenario every daemon goes through, twice: once with rxbgp connecting to the
 * daemon, once with the daemon connecting to rxbgp (only the first for a daemon that can only
 * listen, see DaemonUnderTest.modes). Steps share one session and run in order;
 * when the session never comes up the later steps fail at once instead of each waiting out
 * its deadline.
 *
 * Every check reads what the DAEMON reports (its CLI, log or API events) or, for routes the
 * daemon sends, rxbgp's JSON events, which must be in ExaBGP's format.
 */
import { announcedRoutes, peerOf, stateOf, updateOf, withdrawnPrefixes, type ExaEvent } from './harness/exabgp-json';
import { familyOf, type Route, type UnicastFamily } from './harness/route';
import { waitEstablished, waitForCease, waitForRoute, waitForRouteGone, type BgpPeer } from './peers/bgp-peer';
import { Rxbgp, type RxbgpConfig } from './rxbgp';

export interface Speaker {
  readonly address: string;
  /** Where it listens. */
  readonly port: number;
  readonly asn: number;
  readonly routerId: string;
}

export interface DaemonUnderTest extends Speaker {
  /** e.g. "gobgpd". */
  readonly daemon: string;
  /** Starts the daemon with rxbgp as its only neighbor; it connects to `neighbor.port` when given, else it only listens. */
  start(neighbor: { readonly address: string; readonly asn: number; readonly port?: number }): Promise<BgpPeer>;
  /**
   * rxbgp's configured routes and what the daemon must report for each. The scenario later
   * removes the first two from the config; the third stays, to show the session was not reset.
   */
  readonly toDaemon: readonly [RouteCheck, RouteCheck, RouteCheck];
  /** Routes the daemon originates and the ExaBGP JSON rxbgp must print for each. */
  readonly fromDaemon: readonly JsonCheck[];
  /** Which directions to run; both when absent (a daemon that only listens runs 'rxbgp connects'). */
  readonly modes?: readonly Mode[];
}

export interface RouteCheck {
  /** As written in rxbgp's config. */
  readonly configured: Route;
  /** What the daemon must report holding (extra fields it reports are ignored). */
  readonly reported: Route;
}

export interface JsonCheck {
  /** What the daemon is told to originate. */
  readonly route: Route;
  /** The key under "announce" -> family in rxbgp's update event. */
  readonly nextHop: string;
  /** Must match rxbgp's "attribute" object (extra keys are ignored). */
  readonly attribute: Readonly<Record<string, unknown>>;
}

const SESSION_TIMEOUT_MS = 40000; // gobgpd waits 4-9 s before it first connects
const ROUTE_TIMEOUT_MS = 15000;
const CEASE_TIMEOUT_MS = 15000;
const FAMILIES: readonly UnicastFamily[] = ['ipv4 unicast', 'ipv6 unicast'];

export type Mode = 'rxbgp connects' | 'daemon connects';

const BOTH_MODES: readonly Mode[] = ['rxbgp connects', 'daemon connects'];

export function describeInterop(d: DaemonUnderTest, rx: Speaker): void {
  for (const mode of d.modes ?? BOTH_MODES) describeMode(d, rx, mode);
}

function rxbgpConfig(d: DaemonUnderTest, rx: Speaker, mode: Mode, routes: readonly Route[]): RxbgpConfig {
  return {
    listen: mode === 'daemon connects' ? [{ address: rx.address, port: rx.port }] : [],
    neighbors: [
      {
        peerAddress: d.address,
        peerPort: d.port,
        localAddress: rx.address,
        localAs: rx.asn,
        peerAs: d.asn,
        routerId: rx.routerId,
        holdTime: 90,
        passive: mode === 'daemon connects',
        connectRetry: 2,
        families: FAMILIES,
        routes,
      },
    ],
  };
}

function describeMode(d: DaemonUnderTest, rx: Speaker, mode: Mode): void {
  const title = mode === 'rxbgp connects' ? `rxbgp connects, ${d.daemon} listens` : `${d.daemon} connects, rxbgp listens`;

  describe(title, () => {
    let peer: BgpPeer | undefined;
    let rxbgp: Rxbgp | undefined;
    let sessionUp = false;
    let stopped: Awaited<ReturnType<Rxbgp['stop']>> | undefined;
    const configured = d.toDaemon.map((c) => c.configured);

    /** The peer and rxbgp, once the session step has passed. */
    function running(): { peer: BgpPeer; rxbgp: Rxbgp } {
      if (!peer || !rxbgp || !sessionUp) throw new Error('the session never came up: see the first failure in this block');
      return { peer, rxbgp };
    }

    beforeAll(async () => {
      const neighbor = { address: rx.address, asn: rx.asn };
      if (mode === 'rxbgp connects') {
        peer = await d.start(neighbor);
        rxbgp = Rxbgp.start(rxbgpConfig(d, rx, mode, configured));
      } else {
        rxbgp = Rxbgp.start(rxbgpConfig(d, rx, mode, configured));
        peer = await d.start({ ...neighbor, port: rx.port });
      }
    }, 60000);

    afterAll(async () => {
      await rxbgp?.dispose();
      await peer?.stop();
    }, 30000);

    test(`${d.daemon} reports the session Established and rxbgp prints a state "up" event`, async () => {
      if (!peer || !rxbgp) throw new Error('setup failed');
      await waitEstablished(peer, SESSION_TIMEOUT_MS, rxbgp.also);
      await rxbgp.waitForEvent(`state "up" for ${d.address}`, (e) => peerOf(e) === d.address && stateOf(e) === 'up', 5000);
      sessionUp = true;
    });

    test(`rxbgp's IPv4 and IPv6 routes reach ${d.daemon} with their attributes`, async () => {
      const { peer, rxbgp } = running();
      for (const check of d.toDaemon) {
        const held = await waitForRoute(peer, check.configured.prefix, ROUTE_TIMEOUT_MS, rxbgp.also);
        expect(held).toMatchObject(check.reported);
      }
    });

    test(`${d.daemon}'s IPv4 and IPv6 routes appear in rxbgp's JSON update events`, async () => {
      const { peer, rxbgp } = running();
      await peer.announce(d.fromDaemon.map((c) => c.route));
      for (const check of d.fromDaemon) {
        const prefix = check.route.prefix;
        const event = await rxbgp.waitForEvent(
          `an update from ${d.address} announcing ${prefix}`,
          (e) => peerOf(e) === d.address && announcedRoutes(e).some((r) => r.prefix === prefix),
          ROUTE_TIMEOUT_MS,
        );
        const update = updateOf(event)!;
        expect(event.neighbor.direction).toBe('receive');
        expect(update.announce?.[familyOf(prefix)]?.[check.nextHop]).toContainEqual({ nlri: prefix });
        expect(update.attribute).toMatchObject(check.attribute);
      }
    });

    test(`a route removed from rxbgp's config is withdrawn from ${d.daemon} on SIGHUP, without a session reset`, async () => {
      const { peer, rxbgp } = running();
      const [removedV4, removedV6, kept] = d.toDaemon;
      for (const check of d.toDaemon) await waitForRoute(peer, check.configured.prefix, ROUTE_TIMEOUT_MS, rxbgp.also);
      const markBefore = await peer.sessionMark();
      rxbgp.reload(rxbgpConfig(d, rx, mode, [kept.configured]));
      for (const gone of [removedV4, removedV6]) {
        await waitForRouteGone(peer, gone.configured.prefix, ROUTE_TIMEOUT_MS, rxbgp.also);
      }
      expect((await peer.receivedRoutes()).find((r) => r.prefix === kept.configured.prefix)).toMatchObject(kept.reported);
      expect(await peer.isEstablished()).toBe(true);
      expect(await peer.sessionMark()).toBe(markBefore);
    });

    test(`a route ${d.daemon} withdraws becomes a withdraw event in rxbgp's JSON`, async () => {
      const { peer, rxbgp } = running();
      const prefixes = d.fromDaemon.map((c) => c.route.prefix);
      await peer.withdraw(prefixes);
      for (const prefix of prefixes) {
        const event: ExaEvent = await rxbgp.waitForEvent(
          `an update from ${d.address} withdrawing ${prefix}`,
          (e) => peerOf(e) === d.address && withdrawnPrefixes(e).includes(prefix),
          ROUTE_TIMEOUT_MS,
        );
        expect(updateOf(event)?.withdraw?.[familyOf(prefix)]).toContainEqual({ nlri: prefix });
      }
    });

    test('SIGTERM: rxbgp exits with code 0', async () => {
      const { rxbgp } = running();
      stopped = await rxbgp.stop();
      if (stopped.code !== 0 || stopped.killed) {
        throw new Error(`rxbgp did not exit 0 after SIGTERM: ${JSON.stringify(stopped)}\n${rxbgp.diagnostics()}`);
      }
    });

    test(`${d.daemon} reports the session closed by a Cease NOTIFICATION`, async () => {
      const { peer } = running();
      if (!stopped) throw new Error('rxbgp was not stopped: see the SIGTERM step');
      // Killed after the SIGTERM bound: a Cease it sent would already be there, so look once more only.
      const cease = await waitForCease(peer, stopped.killed ? 1000 : CEASE_TIMEOUT_MS);
      expect(cease).toMatch(/\S/);
    });

    test('rxbgp printed nothing but JSON events on stdout', () => {
      const { rxbgp } = running();
      expect(rxbgp.strayStdout).toEqual([]);
    });
  });
}
