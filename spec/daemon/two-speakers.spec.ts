/**
 * Two rxbgp speakers in one process over loopback: one active, one passive. They must reach
 * Established, exchange IPv4 and IPv6 routes with their attributes, apply a reload as a
 * withdrawal without a reset, and end with a Cease on stop.
 */
import * as net from 'net';
import { startDaemon, until } from './helpers';
import type { Daemon, DaemonEvent } from '../../lib/daemon/daemon';

const A = '127.0.0.11';
const B = '127.0.0.12';
const PORT = 17911;

function neighborA(routes: unknown[]) {
  return {
    neighbors: [
      {
        peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.11',
        holdTime: 9, connectRetry: 1, families: ['ipv4 unicast', 'ipv6 unicast'], routes,
      },
    ],
  };
}

const routesA = [
  { prefix: '10.1.0.0/24', nextHop: 'self', med: 10, communities: ['65001:100', 'no-export'], largeCommunities: ['65001:1:2'], extendedCommunities: ['target:65001:1'] },
  { prefix: '10.1.1.0/24', nextHop: 'self', med: 10, communities: ['65001:100', 'no-export'], largeCommunities: ['65001:1:2'], extendedCommunities: ['target:65001:1'] },
  { prefix: '2001:db8:1::/48', nextHop: '2001:db8::11', asPath: [65001, 64512] },
];

describe('two rxbgp speakers over loopback', () => {
  let a: { daemon: Daemon; events: DaemonEvent[] };
  let b: { daemon: Daemon; events: DaemonEvent[] };

  beforeAll(async () => {
    const sb = startDaemon({
      listen: [{ address: B, port: PORT }],
      neighbors: [
        { peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.12', holdTime: 9, passive: true, families: ['ipv4 unicast', 'ipv6 unicast'], routes: [{ prefix: '10.2.0.0/16', nextHop: 'self' }] },
      ],
    });
    await sb.started;
    const sa = startDaemon(neighborA(routesA));
    await sa.started;
    a = sa;
    b = sb;
  });

  afterAll(async () => {
    await a?.daemon.stop();
    await b?.daemon.stop();
  });

  it('reaches Established on both sides', async () => {
    await until(() => a.daemon.neighbors[0].state === 'Established' && b.daemon.neighbors[0].state === 'Established', 10000, 'Established');
    const up = b.events.find((e) => e.event.kind === 'up');
    expect(up?.event.kind === 'up' && up.event.negotiated.holdTime).toBe(9);
  });

  it('delivers routes with their attributes both ways, IPv4 and IPv6', async () => {
    const inB = b.daemon.neighbors[0].ribIn;
    const inA = a.daemon.neighbors[0].ribIn;
    await until(() => inB.size === 3 && inA.size === 1, 10000, 'routes');
    const v4 = inB.get(1, 1, '10.1.1.0/24')!;
    expect(v4.nextHop).toEqual([A]);
    expect(v4.attributes.med).toBe(10);
    expect(v4.attributes.asPath).toEqual([{ type: 2, asns: [65001] }]);
    expect(v4.attributes.communities).toEqual([(65001 << 16) + 100, 0xffffff01].map((x) => x >>> 0));
    expect(v4.attributes.largeCommunities).toEqual([[65001, 1, 2]]);
    expect(v4.attributes.localPref).toBeUndefined(); // eBGP: RFC 4271 §5.1.5
    const v6 = inB.get(2, 1, '2001:db8:1::/48')!;
    expect(v6.nextHop[0]).toBe('2001:db8::11');
    expect(v6.attributes.asPath).toEqual([{ type: 2, asns: [65001, 64512] }]);
    expect(inA.get(1, 1, '10.2.0.0/16')?.attributes.asPath).toEqual([{ type: 2, asns: [65002] }]);
  });

  it('a reload withdraws a removed route without resetting the session', async () => {
    const downsBefore = b.events.filter((e) => e.event.kind === 'down').length;
    const summary = await a.daemon.reload((await import('./helpers')).config(neighborA([routesA[0], routesA[2]])));
    expect(summary).toEqual({ added: 0, removed: 0, reset: 0, kept: 1 });
    const inB = b.daemon.neighbors[0].ribIn;
    await until(() => inB.size === 2, 10000, 'withdrawal');
    expect(inB.get(1, 1, '10.1.1.0/24')).toBeUndefined();
    expect(b.events.filter((e) => e.event.kind === 'down').length).toBe(downsBefore);
    expect(b.daemon.neighbors[0].state).toBe('Established');
  });

  it('rejects a connection from an address that is not a configured neighbor with Cease / Connection Rejected', async () => {
    const sock = net.connect({ host: B, port: PORT, localAddress: '127.0.0.13' });
    const data: Buffer[] = [];
    sock.on('data', (d) => data.push(d));
    await new Promise<void>((resolve) => sock.on('close', () => resolve()));
    const bytes = Buffer.concat(data);
    expect(bytes.subarray(18, 21).toString('hex')).toBe('030605'); // NOTIFICATION, Cease, Connection Rejected
    expect(b.daemon.neighbors[0].state).toBe('Established');
  });

  it('stop sends Cease / Administrative Shutdown and the peer goes down', async () => {
    await a.daemon.stop();
    await until(() => b.events.some((e) => e.event.kind === 'down'), 5000, 'down');
    const down = b.events.find((e) => e.event.kind === 'down')!.event;
    expect(down.kind === 'down' && down.notification && [down.notification.code, down.notification.subcode]).toEqual([6, 2]);
    expect(b.daemon.neighbors[0].ribIn.size).toBe(0);
  });
});
