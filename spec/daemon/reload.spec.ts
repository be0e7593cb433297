/**
 * Config reload (SIGHUP in the CLI): neighbors added and removed, settings changed, listeners
 * moved, without touching sessions whose settings stayed the same.
 */
import { config, startDaemon, until } from './helpers';
import type { Daemon } from '../../lib/daemon/daemon';

const HUB = '127.0.0.31';
const P1 = '127.0.0.32';
const P2 = '127.0.0.33';
const PORT = 17931;
const PORT2 = 17932;

const hubNeighbor = (peer: string, peerAs: number, extra: object = {}) => ({ peerAddress: peer, localAddress: HUB, localAs: 65000, peerAs, routerId: '192.0.2.31', passive: true, ...extra });
const spoke = (me: string, asn: number, port = PORT) => ({
  listen: [],
  neighbors: [{ peerAddress: HUB, peerPort: port, localAddress: me, localAs: asn, peerAs: 65000, routerId: `192.0.2.${asn - 65000}`, connectRetry: 1, routes: [{ prefix: `10.${asn - 65000}.0.0/24` }] }],
});

describe('reload', () => {
  let hub: ReturnType<typeof startDaemon>;
  const spokes: Daemon[] = [];

  afterAll(async () => {
    await Promise.all([hub?.daemon.stop(), ...spokes.map((d) => d.stop())]);
  });

  it('adds a neighbor, resets one whose settings changed, removes one, and moves a listener', async () => {
    hub = startDaemon({ listen: [{ address: HUB, port: PORT }], neighbors: [hubNeighbor(P1, 65001)] });
    await hub.started;
    const s1 = startDaemon(spoke(P1, 65001));
    const s2 = startDaemon(spoke(P2, 65002));
    spokes.push(s1.daemon, s2.daemon);
    await Promise.all([s1.started, s2.started]);
    const n1 = () => hub.daemon.neighbors.find((n) => n.endpoint.peerAddress === P1);
    const n2 = () => hub.daemon.neighbors.find((n) => n.endpoint.peerAddress === P2);
    await until(() => n1()?.state === 'Established', 10000, 'P1 up');
    expect(n2()).toBeUndefined(); // P2 is not configured yet: its connections are rejected

    // Add P2; P1 untouched.
    const first = n1()!;
    expect(await hub.daemon.reload(config({ listen: [{ address: HUB, port: PORT }], neighbors: [hubNeighbor(P1, 65001), hubNeighbor(P2, 65002)] }))).toEqual({ added: 1, removed: 0, reset: 0, kept: 1 });
    await until(() => n2()?.state === 'Established' && n2()!.ribIn.size === 1, 10000, 'P2 up after reload');
    expect(n1()).toBe(first);
    expect(first.state).toBe('Established');

    // Change P1's hold time (a session setting): P1 is reset with Cease / Other Configuration Change.
    const s1Downs = () => s1.events.filter((e) => e.event.kind === 'down');
    expect(await hub.daemon.reload(config({ listen: [{ address: HUB, port: PORT }], neighbors: [hubNeighbor(P1, 65001, { holdTime: 30 }), hubNeighbor(P2, 65002)] }))).toEqual({ added: 0, removed: 0, reset: 1, kept: 1 });
    await until(() => s1Downs().length === 1, 5000, 'P1 reset');
    const down = s1Downs()[0].event;
    expect(down.kind === 'down' && [down.notification?.code, down.notification?.subcode]).toEqual([6, 6]);
    await until(() => n1()?.state === 'Established', 15000, 'P1 back up with the new settings');
    expect(n1()!.session.negotiatedSession?.holdTime).toBe(30);

    // Remove P2 (Cease / Peer De-configured) and move the listener to another port.
    const s2Downs = () => s2.events.filter((e) => e.event.kind === 'down');
    expect(await hub.daemon.reload(config({ listen: [{ address: HUB, port: PORT2 }], neighbors: [hubNeighbor(P1, 65001, { holdTime: 30 })] }))).toEqual({ added: 0, removed: 1, reset: 0, kept: 1 });
    await until(() => s2Downs().length === 1, 5000, 'P2 removed');
    const d2 = s2Downs()[0].event;
    expect(d2.kind === 'down' && [d2.notification?.code, d2.notification?.subcode]).toEqual([6, 3]);
    expect(hub.daemon.neighbors).toHaveLength(1);
    expect(n1()!.state).toBe('Established'); // the established session survives the listener move
    const s3 = startDaemon(spoke(P2, 65002, PORT2));
    spokes.push(s3.daemon);
    await s3.started;
    await until(() => s3.daemon.neighbors[0].session.fsmState.lastError?.code === 6, 10000, 'P2 rejected on the new port');
    expect(s3.daemon.neighbors[0].session.fsmState.lastError?.subcode).toBe(5);
  }, 60000);
});
