/**
 * IPv4 and IPv6 multicast (RFC 4760 SAFI 2, "ipv4 multicast" / "ipv6 multicast") between rxbgp
 * (bin/rxbgp, from dist/) and a real BIRD 2 (Debian's 2.0.12) with `ipv4 multicast` and `ipv6
 * multicast` channels into tables of their own, both directions on one iBGP session:
 * - BIRD exports static routes of its multicast tables and rxbgp prints them in its ExaBGP JSON
 *   events under "ipv4 multicast" / "ipv6 multicast", with BIRD's next hops;
 * - rxbgp cli announces `announce ipv4 multicast ...` and `announce ipv6 multicast ...`, and BIRD
 *   holds each in its multicast table with the next hop (`birdc show route table ... all`), and
 *   drops them on withdraw.
 * BIRD refuses routes to multicast group addresses ("Ignoring bogus route 232.1.1.0/24"): its
 * multicast tables hold unicast prefixes (the sources' RPF routes), so the routes here are those.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runCommand } from '../harness/command';
import type { ExaEvent } from '../harness/exabgp-json';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const BIRD = { address: '127.0.104.21', port: 17921, asn: 65021, routerId: '192.0.2.121', neighbor: '127.0.104.22' };
const TIMEOUT_MS = 20000;

interface Case {
  readonly family: string;
  readonly table: string;
  /** After `announce `: what rxbgp cli sends, and the network BIRD lists with the next hop. */
  readonly command: string;
  readonly net: string;
  readonly nextHop: string;
}

const CASES: readonly Case[] = [
  { family: 'ipv4 multicast', table: 'mtab4', command: 'ipv4 multicast 10.9.0.0/16 next-hop 198.51.100.1', net: '10.9.0.0/16', nextHop: '198.51.100.1' },
  { family: 'ipv6 multicast', table: 'mtab6', command: 'ipv6 multicast 2001:db8:9::/48 next-hop 2001:db8::1', net: '2001:db8:9::/48', nextHop: '2001:db8::1' },
];

function birdConfig(): string {
  return `log stderr all;
router id ${BIRD.routerId};
protocol device { }
ipv4 table mtab4;
ipv6 table mtab6;
protocol static mst4 { ipv4 { table mtab4; }; route 10.7.0.0/16 blackhole; route 10.8.0.0/16 blackhole; }
protocol static mst6 { ipv6 { table mtab6; }; route 2001:db8:8::/48 blackhole; }
protocol bgp mpeer {
  local ${BIRD.address} port ${BIRD.port} as ${BIRD.asn};
  neighbor ${BIRD.neighbor} as ${BIRD.asn};
  multihop; passive on;
  ipv4 multicast { table mtab4; import all; export all; next hop address 198.51.100.21; };
  ipv6 multicast { table mtab6; import all; export all; next hop address 2001:db8::21; };
}
`;
}

/** The announced items of a family in one of rxbgp's update events, by next hop. */
function items(event: ExaEvent, family: string, what: 'announce' | 'withdraw'): unknown {
  const update = (event.neighbor as { message?: { update?: Record<string, Record<string, unknown>> } }).message?.update;
  return update?.[what]?.[family];
}

describe('multicast between rxbgp and BIRD 2', () => {
  let dir = '';
  let socket = '';
  let bird: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  beforeAll(async () => {
    dir = makeTempDir('multicast-bird');
    const file = path.join(dir, 'bird.conf');
    socket = path.join(dir, 'bird.ctl');
    fs.writeFileSync(file, birdConfig());
    bird = new Child({ name: 'bird', command: 'bird', args: ['-f', '-c', file, '-s', socket] });
    await pollUntil('bird to answer birdc', async () => (/Daemon is up and running/.test((await runCommand('birdc', ['-s', socket, 'show', 'status'])).stdout) ? true : undefined), {
      timeoutMs: 15000,
      context: () => bird!.lastLines(),
    });
    rx = await RxbgpFlowSender.start(BIRD, '192.0.2.122', { families: ['ipv4 multicast', 'ipv6 multicast'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await bird?.stop();
    removeTempDir(dir);
  }, 30000);

  /** The `all` listing of one network in a table, or undefined while BIRD does not hold it. */
  async function listing(c: Case): Promise<string | undefined> {
    // birdc exits 1 with "Network not found" once the route is gone.
    const { stdout } = await runCommand('birdc', ['-s', socket, 'show', 'route', 'table', c.table, c.net, 'all']);
    return stdout.includes(c.net) ? stdout : undefined;
  }

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- bird ---\n${bird!.lastLines()}` });

  it.each([
    ['ipv4 multicast', { '198.51.100.21': [{ nlri: '10.7.0.0/16' }, { nlri: '10.8.0.0/16' }] }],
    ['ipv6 multicast', { '2001:db8::21': [{ nlri: '2001:db8:8::/48' }] }],
  ])("%s: rxbgp prints BIRD's routes", async (family, expected) => {
    const announced = await waitFor(`rxbgp to print BIRD's ${family} routes`, () => {
      const all = rx!.rxbgp.events.filter((e) => e.type === 'update').map((e) => items(e, family, 'announce') as Record<string, unknown[]> | undefined);
      const merged: Record<string, unknown[]> = {};
      for (const byHop of all) for (const [hop, list] of Object.entries(byHop ?? {})) merged[hop] = [...(merged[hop] ?? []), ...list];
      const count = Object.values(merged).flat().length;
      return count >= Object.values(expected).flat().length ? merged : undefined;
    });
    const sorted = (m: Record<string, unknown[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.map((x) => JSON.stringify(x)).sort()]));
    expect(sorted(announced)).toEqual(sorted(expected));
  });

  it('rxbgp cli takes each announce line', async () => {
    expect(await rx!.cliEach(CASES.map((c) => `announce ${c.command}`))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.family, c.net, c] as const))('%s %s: BIRD holds it in its multicast table with its next hop', async (_f, _n, c) => {
    const text = await waitFor(`BIRD to hold ${c.net}`, () => listing(c));
    expect(text).toContain(`BGP.next_hop: ${c.nextHop}\n`);
    expect(text).toMatch(/\[mpeer /);
  });

  it('rxbgp cli withdraw ... removes each from BIRD, the session still up', async () => {
    expect(await rx!.cliEach(CASES.map((c) => `withdraw ${c.command.replace(/ next-hop \S+/, '')}`))).toEqual([]);
    for (const c of CASES) await waitFor(`BIRD to drop ${c.net}`, async () => ((await listing(c)) === undefined ? true : undefined));
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
