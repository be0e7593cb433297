import { accessSync, constants, readdirSync } from 'fs';
import { join } from 'path';
import { isLeft } from 'fp-ts/Either';
import { formatErrors, loadConfig, type Config } from '../../lib/config';

const CONF = join(__dirname, '../../conf');

function load(name: string): Config {
  const r = loadConfig(join(CONF, name));
  if (isLeft(r)) throw new Error(formatErrors(r.left, name));
  return r.right;
}

describe('example configs in conf/', () => {
  const files = readdirSync(CONF).filter((f) => f.endsWith('.json'));

  it('include the demo and the real-router examples', () => {
    expect(files).toEqual(expect.arrayContaining(['demo.json', 'gobgp-peer.json', 'bird-peer.json', 'api-helper.json']));
  });

  it.each(files)('%s decodes', (name) => {
    expect(load(name).neighbors.length).toBeGreaterThan(0);
  });

  it('demo.json peers two neighbors of one process with each other over loopback', () => {
    const { listen, neighbors } = load('demo.json');
    const [a, b] = neighbors;
    expect([a.passive, b.passive]).toEqual([false, true]);
    // a connects from b's peer address to b's local address, on a port we listen on there.
    expect(a.localAddress).toBe(b.peerAddress);
    expect(a.peerAddress).toBe(b.localAddress);
    expect(listen).toContainEqual({ address: b.localAddress, port: a.peerPort });
    expect([a.localAs, a.peerAs]).toEqual([b.peerAs, b.localAs]);
    expect(a.routerId).not.toBe(b.routerId);
    for (const n of neighbors) expect(n.peerAddress).toMatch(/^127\./);
    expect(a.peerPort).not.toBe(179);
    expect(a.routes.some((r) => r.afi === 2)).toBe(true);
    expect(b.routes.length).toBeGreaterThan(0);
  });

  it('api-helper.json runs an executable helper next to it for the neighbor that names it', () => {
    const { processes, neighbors, listen } = load('api-helper.json');
    expect(processes).toEqual([{ name: 'announce', run: [join(CONF, 'helpers/announce.py')], encoder: 'json', respawn: true, cwd: CONF }]);
    expect(() => accessSync(processes[0].run[0], constants.X_OK)).not.toThrow();
    expect(neighbors.map((n) => n.api.processes)).toEqual([['announce'], []]);
    expect(neighbors[0].api.receive).toEqual(['update', 'notification', 'state']);
    // Like demo.json, a and b peer with each other, on addresses and a port of their own.
    const [a, b] = neighbors;
    expect([a.peerAddress, a.localAddress]).toEqual([b.localAddress, b.peerAddress]);
    expect(listen).toContainEqual({ address: b.localAddress, port: a.peerPort });
    expect(load('demo.json').listen).not.toContainEqual(listen[0]);
  });

  it('gobgp-peer.json avoids 127.x next hops, which GoBGP treats as invalid', () => {
    for (const n of load('gobgp-peer.json').neighbors) {
      for (const r of [...n.routes, ...n.routeSets]) expect(r.nextHop).not.toMatch(/^(self|127\.)/);
    }
  });
});
