/**
 * The library API between two speakers in one process: announce / withdraw reach the peer and
 * show on its updates$; bad routes and configs are refused with what and where; text commands run.
 */
import { firstValueFrom, filter, take, timeout, toArray } from 'rxjs';
import { Speaker, SpeakerConfigError, type SpeakerUpdate } from '../../lib';
import { until } from '../daemon/helpers';

const A = '127.0.0.169';
const B = '127.0.0.170';
const PORT = 18074;

describe('Speaker', () => {
  let a: Speaker;
  let b: Speaker;
  const updates: SpeakerUpdate[] = [];

  beforeAll(async () => {
    b = await Speaker.start({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.170', passive: true, families: ['ipv4 unicast', 'ipv6 unicast'] }],
    });
    b.updates$.subscribe((u) => updates.push(u));
    a = await Speaker.start({
      neighbors: [
        { description: 'to-b', peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.169', connectRetry: 1, families: ['ipv4 unicast', 'ipv6 unicast'] },
      ],
    });
    await until(() => a.neighbors[0].state === 'Established' && b.neighbors[0].state === 'Established', 10000, 'both sessions up');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('announce reaches the peer with its attributes, and shows on its updates$', async () => {
    const seen = firstValueFrom(b.updates$.pipe(filter((u) => u.message.announced.some((l) => l.prefixes.includes('203.0.113.0/24'))), timeout(5000)));
    expect(a.announce([{ prefix: '203.0.113.0/24', nextHop: '198.51.100.1', med: 5, communities: ['65001:7'] }, { prefix: '2001:db8:5::/48', nextHop: '2001:db8::1' }])).toBe(2);
    const u = await seen;
    expect(u.neighbor.name).toBe(A);
    expect(u.message.attributes.med).toBe(5);
    expect(u.message.attributes.communities).toEqual([65001 * 65536 + 7]);
    await until(() => b.neighbors[0].ribIn.size === 2, 5000, 'both routes at the peer');
  });

  it('withdraw takes them back, by prefix text', async () => {
    expect(a.withdraw(['203.0.113.0/24', '2001:db8:5::/48'])).toBe(2);
    await until(() => b.neighbors[0].ribIn.size === 0, 5000, 'the routes withdrawn at the peer');
    expect(updates.some((u) => u.message.withdrawn.some((l) => l.prefixes.includes('2001:db8:5::/48')))).toBe(true);
  });

  it('refuses a bad route saying which and why, announcing none of the batch', () => {
    expect(() => a.announce([{ prefix: '198.51.100.0/24', nextHop: '198.51.100.1' }, { prefix: '198.51.100.0/24', nextHop: '2001:db8::1' }])).toThrow(SpeakerConfigError);
    expect(() => a.announce([{ prefix: '198.51.100.0/24', nextHop: '198.51.100.1' }, { prefix: '198.51.100.0/24', nextHop: '2001:db8::1' }])).toThrow(/routes\[1\]\.nextHop: expected an IPv4 next hop/);
    expect(() => a.announce({ prefix: '10.0.0.0/24', nexthop: '1.2.3.4' })).toThrow(/routes\[0\]\.nexthop: unknown key "nexthop" \(did you mean "nextHop"\?\)/);
    expect(() => a.announce({ prefix: '10.0.0.0/24' }, { neighbors: 'nobody' })).toThrow(/no neighbor named "nobody"; neighbors: to-b/);
    expect(a.neighbors[0].ribOut.apiSize).toBe(0);
  });

  it('runs ExaBGP text commands, chooses neighbors by name, and lists them', async () => {
    const answer = a.command('show neighbor summary');
    expect(answer.ok).toBe(true);
    expect(answer.lines.join('\n')).toContain(B);
    expect(a.announce({ prefix: '192.0.2.128/25', nextHop: '198.51.100.1' }, { neighbors: 'to-b' })).toBe(1);
    await until(() => b.neighbors[0].ribIn.size === 1, 5000, 'the route at the peer');
    expect(a.neighbors.map((n) => n.name)).toEqual(['to-b']);
  });

  it('answers the reload command with error: a library speaker has no file to read again', () => {
    expect(a.command('reload')).toEqual({ ok: false, lines: ['a library speaker has no config file to read again: call speaker.reload(config)'] });
  });

  it('refuses a config with what and where, and its events$ completes on stop', async () => {
    await expect(Speaker.start({ neighbors: [{ peerAddress: '127.0.0.171', peerAs: 0 }] })).rejects.toThrow(/config:\n.*neighbors\[0\]\.peerAs: expected an AS number/);
    const c = await Speaker.start({ neighbors: [{ peerAddress: '127.0.0.171', peerPort: 18075, peerAs: 65009, localAs: 65001, routerId: '192.0.2.171', connectRetry: 60 }] });
    const all = firstValueFrom(c.events$.pipe(take(1000), toArray()));
    await c.stop();
    await expect(all).resolves.toBeInstanceOf(Array);
  });
});
