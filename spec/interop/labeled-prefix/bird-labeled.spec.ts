/**
 * Labeled unicast and L3VPN (issue 14) from rxbgp (bin/rxbgp, from dist/) to a real BIRD 2
 * (Debian's 2.0.12) with `vpn4 mpls`, `vpn6 mpls`, `ipv4 mpls` and `ipv6 mpls` channels: each
 * route rxbgp cli announces (`announce route ... rd ... label ...`) is in BIRD's table with its
 * RD, prefix, label stack and next hop (`birdc show route table ... all`: BGP.next_hop,
 * BGP.mpls_label_stack; "unreachable" as BIRD has no IGP here to resolve the next hop), and gone
 * after `withdraw route ...`.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const BIRD = { address: '127.0.0.64', port: 17964, asn: 65064, routerId: '192.0.2.64', neighbor: '127.0.0.65' };
const TIMEOUT_MS = 20000;

interface Case {
  readonly family: string;
  readonly table: string;
  /** After `announce route `. */
  readonly command: string;
  /** BIRD's network text and what its `all` listing shows for the route. */
  readonly net: string;
  readonly shows: readonly RegExp[];
}

const CASES: readonly Case[] = [
  { family: 'ipv4 mpls-vpn', table: 'vpntab4', command: '10.0.0.0/25 next-hop 198.51.100.1 rd 65000:1 label 1000', net: '65000:1 10.0.0.0/25', shows: [/BGP\.next_hop: 198\.51\.100\.1\n/, /BGP\.mpls_label_stack: 1000\n/] },
  { family: 'ipv4 mpls-vpn', table: 'vpntab4', command: '10.0.0.128/25 next-hop 198.51.100.1 rd 192.0.2.1:7 label [ 1000 2000 ]', net: '192.0.2.1:7 10.0.0.128/25', shows: [/BGP\.mpls_label_stack: 1000\/2000\n/] },
  { family: 'ipv6 mpls-vpn', table: 'vpntab6', command: '2001:db8:a::/48 next-hop 2001:db8::1 rd 4200000000:7 label 1001', net: '4200000000:7 2001:db8:a::/48', shows: [/BGP\.next_hop: 2001:db8::1\n/, /BGP\.mpls_label_stack: 1001\n/] },
  { family: 'ipv4 nlri-mpls', table: 'lab4', command: '10.3.0.0/24 next-hop 198.51.100.1 label 1002', net: '10.3.0.0/24', shows: [/BGP\.next_hop: 198\.51\.100\.1\n/, /BGP\.mpls_label_stack: 1002\n/] },
  { family: 'ipv6 nlri-mpls', table: 'lab6', command: '2001:db8:b::/48 next-hop 2001:db8::1 label 1003', net: '2001:db8:b::/48', shows: [/BGP\.next_hop: 2001:db8::1\n/, /BGP\.mpls_label_stack: 1003\n/] },
];

function birdConfig(): string {
  return `log stderr all;
router id ${BIRD.routerId};
protocol device { }
vpn4 table vpntab4;
vpn6 table vpntab6;
ipv4 table lab4;
ipv6 table lab6;
protocol bgp vpnpeer {
  local ${BIRD.address} port ${BIRD.port} as ${BIRD.asn};
  neighbor ${BIRD.neighbor} as ${BIRD.asn};
  multihop; passive on;
  vpn4 mpls { table vpntab4; import all; export none; };
  vpn6 mpls { table vpntab6; import all; export none; };
  ipv4 mpls { table lab4; import all; export none; };
  ipv6 mpls { table lab6; import all; export none; };
}
`;
}

describe('labeled unicast and L3VPN from rxbgp to BIRD 2', () => {
  let dir = '';
  let socket = '';
  let bird: Child | undefined;
  let rx: RxbgpFlowSender | undefined;
  const birdc = (...args: string[]): Promise<string> => runChecked('birdc', ['-s', socket, ...args]);

  beforeAll(async () => {
    dir = makeTempDir('labeled-bird');
    const file = path.join(dir, 'bird.conf');
    socket = path.join(dir, 'bird.ctl');
    fs.writeFileSync(file, birdConfig());
    bird = new Child({ name: 'bird', command: 'bird', args: ['-f', '-c', file, '-s', socket] });
    await pollUntil('bird to answer birdc', async () => (/Daemon is up and running/.test((await runCommand('birdc', ['-s', socket, 'show', 'status'])).stdout) ? true : undefined), {
      timeoutMs: 15000,
      context: () => bird!.lastLines(),
    });
    rx = await RxbgpFlowSender.start(BIRD, '192.0.2.65', { families: ['ipv4 mpls-vpn', 'ipv6 mpls-vpn', 'ipv4 nlri-mpls', 'ipv6 nlri-mpls'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await bird?.stop();
    removeTempDir(dir);
  }, 30000);

  /** The `all` listing of one network in a table, or undefined while BIRD does not hold it. */
  async function listing(c: Case): Promise<string | undefined> {
    const out = await birdc('show', 'route', 'table', c.table, 'all');
    const at = out.indexOf(c.net + ' ');
    if (at < 0) return undefined;
    // The route's line, then its attribute lines (each starting with a tab).
    const lines = out.slice(at).split('\n');
    const end = lines.findIndex((line, i) => i > 0 && !line.startsWith('\t'));
    return `${lines.slice(0, end < 0 ? lines.length : end).join('\n')}\n`;
  }

  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- bird ---\n${bird!.lastLines()}` });

  it('rxbgp cli takes each announce route ... line', async () => {
    expect(await rx!.cliEach(CASES.map((c) => `announce route ${c.command}`))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.family, c.net, c] as const))('%s %s: BIRD holds it with its labels and next hop', async (_f, _n, c) => {
    const text = await waitFor(`BIRD to hold ${c.net}`, () => listing(c));
    for (const shown of c.shows) expect(text).toMatch(shown);
  });

  it('rxbgp cli withdraw route ... removes each from BIRD, the session still up', async () => {
    expect(await rx!.cliEach(CASES.map((c) => `withdraw route ${c.command.replace(/ next-hop \S+/, '')}`))).toEqual([]);
    for (const c of CASES) await waitFor(`BIRD to drop ${c.net}`, async () => ((await listing(c)) === undefined ? true : undefined));
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
