/**
 * mrtRoutes end to end: a speaker announces the routes of an MRT dump with their attributes (and a
 * replaced next hop), the peer receives them; a dump that does not parse is logged and left out
 * while the session and the other routes go on.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Daemon, type DaemonEvent } from '../../lib/daemon/daemon';
import { config, startDaemon, until } from './helpers';
import { PEER_INDEX, record, rib, V4_ATTRS, V6_ATTRS } from '../mrt/mrt-records';
import { hex } from '../helpers/hex';

const A = '127.0.0.163';
const B = '127.0.0.164';
const PORT = 18071;

describe('mrtRoutes', () => {
  let dir: string;
  let a: Daemon;
  let b: ReturnType<typeof startDaemon>;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-e2e-'));
    fs.writeFileSync(
      path.join(dir, 'rib.mrt'),
      Buffer.concat([
        record(13, 1, PEER_INDEX),
        record(13, 2, rib(0, 24, hex`0a0000`, V4_ATTRS)),
        record(13, 2, rib(1, 22, hex`0a0104`, V4_ATTRS)),
        record(13, 4, rib(2, 48, hex`20010db80001`, V6_ATTRS)),
      ]),
    );
    fs.writeFileSync(path.join(dir, 'broken.mrt'), record(13, 2, rib(0, 33, hex`0a00000000`, V4_ATTRS)));
    b = startDaemon({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.164', passive: true, families: ['ipv4 unicast', 'ipv6 unicast'] }],
    });
    await b.started;
    const json = {
      neighbors: [
        {
          peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.163', connectRetry: 1,
          families: ['ipv4 unicast', 'ipv6 unicast'],
          routes: [{ prefix: '10.9.0.0/24', nextHop: '198.51.100.9' }],
          mrtRoutes: [{ file: path.join(dir, 'rib.mrt'), nextHop: '198.51.100.7' }, { file: path.join(dir, 'broken.mrt') }],
        },
      ],
    };
    a = new Daemon(config(json), { error: (m) => errors.push(m), warn() {}, info() {}, debug() {} });
    await a.start();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.daemon.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces the dump with its attributes, the IPv4 next hop replaced, beside the config routes', async () => {
    const ribIn = () => b.daemon.neighbors[0].ribIn;
    await until(() => ribIn().size === 4, 10000, `four routes at the peer (errors: ${errors.join(" | ")})`);
    const v4 = ribIn().get(1, 1, '10.1.4.0/22');
    expect(v4?.nextHop).toEqual(['198.51.100.7']);
    expect(v4?.attributes.asPath).toEqual([{ type: 2, asns: [65001, 64500, 64501] }]);
    expect(v4?.attributes.med).toBe(5);
    expect(ribIn().get(1, 1, '10.0.0.0/24')).toBeDefined();
    expect(ribIn().get(1, 1, '10.9.0.0/24')?.nextHop).toEqual(['198.51.100.9']);
    const v6 = ribIn().get(2, 1, '2001:db8:1::/48');
    expect(v6?.attributes.asPath).toEqual([{ type: 2, asns: [65001, 64500] }]);
    expect(v6?.nextHop).toEqual(['2001:db8::1']); // an IPv4 nextHop leaves IPv6 next hops as dumped
  });

  it('logs a dump that does not parse, with its offset, and leaves it out', () => {
    expect(errors.some((e) => e.includes('broken.mrt not loaded') && /offset 0 .*prefix length 33/.test(e))).toBe(true);
  });

  it('refuses a dump that cannot be read when the config is loaded, naming the key', () => {
    const json = { neighbors: [{ peerAddress: B, localAs: 1, peerAs: 2, routerId: '192.0.2.1', mrtRoutes: [{ file: path.join(dir, 'missing.mrt') }] }] };
    expect(() => config(json)).toThrow(/neighbors\[0\]\.mrtRoutes\[0\]\.file: cannot read the MRT dump ".*missing.mrt": ENOENT/);
  });
});
