/**
 * Extended next hop (RFC 8950) between rxbgp (bin/rxbgp, from dist/) and a real BIRD 2.0.12 on
 * IPv4 iBGP sessions:
 * - with `extended next hop on` in BIRD's ipv4 channel and `"nexthop": { "ipv4 unicast": "ipv6" }`
 *   in rxbgp's neighbor, BIRD holds rxbgp's IPv4 route with its IPv6 next hop (`birdc show route
 *   all`: BGP.next_hop 2001:db8::121), and rxbgp prints BIRD's IPv4 route under BIRD's IPv6 next hop;
 * - a second BIRD session without it: rxbgp does not send that route there (RFC 8950 §4), and the
 *   session stays up.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { Rxbgp, type RxbgpConfig } from '../rxbgp';

const BIRD = '127.0.105.20';
const RX_ENH = '127.0.105.21';
const RX_PLAIN = '127.0.105.22';
const AS = 65120;
const TIMEOUT_MS = 20000;

const birdConf = `log stderr all;
router id 192.0.2.120;
protocol device { }
protocol static st { ipv4; route 10.120.0.0/24 blackhole; }
protocol bgp enh {
  local ${BIRD} port 17120 as ${AS};
  neighbor ${RX_ENH} port 17121 as ${AS};
  multihop; passive on;
  ipv4 { import all; export all; extended next hop on; next hop address 2001:db8::120; };
}
protocol bgp plain {
  local ${BIRD} port 17122 as ${AS};
  neighbor ${RX_PLAIN} port 17123 as ${AS};
  multihop; passive on;
  ipv4 { import all; export none; };
}
`;

const route = { prefix: '10.121.0.0/24', nextHop: '2001:db8::121' };
const neighbor = (local: string, birdPort: number, extra: Record<string, unknown>) => ({
  peerAddress: BIRD,
  peerPort: birdPort,
  localAddress: local,
  localAs: AS,
  peerAs: AS,
  routerId: local,
  connectRetry: 1,
  families: ['ipv4 unicast'],
  ...extra,
});
// "nexthop" is a key the harness's typed config does not list.
const config = {
  neighbors: [
    neighbor(RX_ENH, 17120, { nexthop: { 'ipv4 unicast': 'ipv6' }, routes: [route] }),
    neighbor(RX_PLAIN, 17122, { nexthop: { 'ipv4 unicast': 'ipv6' }, routes: [route, { prefix: '10.122.0.0/24', nextHop: '198.51.100.1' }] }),
  ],
} as unknown as RxbgpConfig;

async function birdc(sock: string, ...args: string[]): Promise<string> {
  const r = await runCommand('birdc', ['-s', sock, ...args], 10000);
  return r.stdout;
}

describe('extended next hop (RFC 8950) between rxbgp and BIRD', () => {
  let dir = '';
  let bird: Child | undefined;
  let rx: Rxbgp | undefined;
  let sock = '';

  beforeAll(async () => {
    dir = makeTempDir('enh-bird');
    const file = path.join(dir, 'bird.conf');
    sock = path.join(dir, 'bird.sock');
    fs.writeFileSync(file, birdConf);
    bird = new Child({ name: 'bird', command: 'bird', args: ['-f', '-c', file, '-s', sock] });
    await pollUntil('BIRD to answer birdc', async () => ((await runCommand('birdc', ['-s', sock, 'show', 'status'], 5000)).code === 0 ? true : undefined), {
      timeoutMs: 15000,
      context: () => bird!.lastLines(),
    });
    rx = Rxbgp.start(config);
  }, 60000);

  afterAll(async () => {
    await rx?.dispose();
    await bird?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, ...rx!.also });

  it('BIRD holds the IPv4 route rxbgp sent with its IPv6 next hop', async () => {
    const text = await waitFor('BIRD to hold 10.121.0.0/24 from rxbgp', async () => {
      const out = await birdc(sock, 'show', 'route', 'all', '10.121.0.0/24', 'protocol', 'enh');
      return out.includes('BGP.next_hop') ? out : undefined;
    });
    expect(text).toMatch(/BGP\.next_hop: 2001:db8::121\s*\n/);
  });

  it('rxbgp prints the IPv4 route BIRD sent under its IPv6 next hop', async () => {
    const event = await rx!.waitForEvent("BIRD's 10.120.0.0/24", (e) => e.type === 'update' && JSON.stringify(e).includes('10.120.0.0/24'), TIMEOUT_MS);
    const update = (event.neighbor.message as { update: { announce: Record<string, unknown> } }).update;
    expect(update.announce['ipv4 unicast']).toEqual({ '2001:db8::120': [{ nlri: '10.120.0.0/24' }] });
  });

  it('does not send the IPv6 next hop route to the BIRD session without the capability, which stays up with the other route', async () => {
    await waitFor('BIRD to hold 10.122.0.0/24 on the plain session', async () => ((await birdc(sock, 'show', 'route', '10.122.0.0/24', 'protocol', 'plain')).includes('10.122.0.0/24') ? true : undefined));
    expect(await birdc(sock, 'show', 'route', '10.121.0.0/24', 'protocol', 'plain')).not.toContain('10.121.0.0/24');
    expect(await birdc(sock, 'show', 'protocols', 'plain')).toContain('Established');
  });
});
