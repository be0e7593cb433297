/**
 * IPv4 and IPv6 multicast (RFC 4760 SAFI 2) between rxbgp (bin/rxbgp, from dist/) and a real FRR
 * bgpd (Debian's 8.4, standalone: -Z, no zebra) with `address-family ipv4 multicast` and `ipv6
 * multicast` activated, both directions on one iBGP session:
 * - FRR originates `network` routes of those address families and rxbgp prints them under
 *   "ipv4 multicast" / "ipv6 multicast" in its JSON events;
 * - rxbgp cli announces `announce route 232.1.1.0/24 ...` (multicast by its prefix, as in ExaBGP 4.2)
 *   and `announce ipv6 multicast ...`, FRR holds each (`show bgp ipv4 multicast json`) with its next
 *   hop, and drops them on withdraw.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runCommand } from '../harness/command';
import type { ExaEvent } from '../harness/exabgp-json';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const FRR = { address: '127.0.104.25', port: 17925, asn: 65025, routerId: '192.0.2.125', neighbor: '127.0.104.26' };
const TIMEOUT_MS = 20000;

function frrConfig(): string {
  const n = FRR.neighbor;
  return `frr defaults traditional
hostname multicastinterop
!
router bgp ${FRR.asn}
 bgp router-id ${FRR.routerId}
 no bgp ebgp-requires-policy
 no bgp network import-check
 no bgp default ipv4-unicast
 neighbor ${n} remote-as ${FRR.asn}
 neighbor ${n} update-source ${FRR.address}
 neighbor ${n} passive
 address-family ipv4 multicast
  network 10.25.0.0/16
  neighbor ${n} activate
  neighbor ${n} next-hop-self
 exit-address-family
 address-family ipv6 multicast
  network 2001:db8:25::/48
  neighbor ${n} activate
 exit-address-family
exit
`;
}

function frrIds(): { uid: number; gid: number } {
  const fields = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('frr:'))?.split(':');
  if (!fields || fields.length < 4) throw new Error('no "frr" user in /etc/passwd (is the frr package installed?)');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

function items(event: ExaEvent, family: string): Record<string, unknown[]> | undefined {
  const update = (event.neighbor as { message?: { update?: { announce?: Record<string, Record<string, unknown[]>> } } }).message?.update;
  return update?.announce?.[family];
}

describe('multicast between rxbgp and FRR', () => {
  let dir = '';
  let frr: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  const vtysh = async (command: string): Promise<string> => {
    const r = await runCommand('vtysh', ['--vty_socket', dir, '-c', command], 10000);
    if (r.code !== 0) throw new Error(`vtysh -c '${command}' exited ${r.code}: ${(r.stderr || r.stdout).trim()}`);
    return r.stdout;
  };

  beforeAll(async () => {
    dir = makeTempDir('multicast-frr');
    const file = path.join(dir, 'bgpd.conf');
    fs.writeFileSync(file, frrConfig());
    const { uid, gid } = frrIds();
    fs.chmodSync(dir, 0o755);
    fs.chownSync(dir, uid, gid);
    fs.chownSync(file, uid, gid);
    frr = new Child({
      name: 'bgpd',
      command: '/usr/lib/frr/bgpd',
      args: ['-f', file, '-p', String(FRR.port), '-l', FRR.address, '-Z', '-n', '--vty_socket', dir, '-i', path.join(dir, 'bgpd.pid'), '-u', 'frr', '-g', 'frr', '-P', '0', '--log', 'stdout'],
    });
    await pollUntil('bgpd to answer vtysh', async () => ((await runCommand('vtysh', ['--vty_socket', dir, '-c', `show bgp neighbors ${FRR.neighbor} json`])).stdout.includes(FRR.neighbor) ? true : undefined), {
      timeoutMs: 15000,
      context: () => frr!.lastLines(),
    });
    rx = await RxbgpFlowSender.start(FRR, '192.0.2.126', { families: ['ipv4 multicast', 'ipv6 multicast'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await frr?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- bgpd ---\n${frr!.lastLines()}` });

  /** FRR's paths for a prefix of an address family: the first one's next hop, or undefined. */
  async function frrRoute(af: string, prefix: string): Promise<string | undefined> {
    const json = JSON.parse(await vtysh(`show bgp ${af} json`)) as { routes?: Record<string, ReadonlyArray<{ nexthops?: ReadonlyArray<{ ip?: string }> }>> };
    const paths = json.routes?.[prefix];
    return paths?.[0]?.nexthops?.[0]?.ip;
  }

  it.each([
    ['ipv4 multicast', '10.25.0.0/16'],
    ['ipv6 multicast', '2001:db8:25::/48'],
  ])("%s: rxbgp prints FRR's network route", async (family, prefix) => {
    const byHop = await waitFor(`rxbgp to print FRR's ${family} route`, () => rx!.rxbgp.events.map((e) => (e.type === 'update' ? items(e, family) : undefined)).find((x) => x !== undefined));
    expect(Object.values(byHop).flat()).toEqual([{ nlri: prefix }]);
  });

  it('FRR holds the multicast routes rxbgp cli announces, with their next hops', async () => {
    expect(await rx!.cliEach(['announce route 232.1.1.0/24 next-hop 198.51.100.1', 'announce ipv6 multicast 2001:db8:26::/48 next-hop 2001:db8::1'])).toEqual([]);
    expect(await waitFor('FRR to hold 232.1.1.0/24', () => frrRoute('ipv4 multicast', '232.1.1.0/24'))).toBe('198.51.100.1');
    expect(await waitFor('FRR to hold 2001:db8:26::/48', () => frrRoute('ipv6 multicast', '2001:db8:26::/48'))).toBe('2001:db8::1');
  });

  it('FRR drops them on withdraw, the session still up', async () => {
    expect(await rx!.cliEach(['withdraw route 232.1.1.0/24', 'withdraw ipv6 multicast 2001:db8:26::/48'])).toEqual([]);
    await waitFor('FRR to drop 232.1.1.0/24', async () => ((await frrRoute('ipv4 multicast', '232.1.1.0/24')) ? undefined : true));
    await waitFor('FRR to drop 2001:db8:26::/48', async () => ((await frrRoute('ipv6 multicast', '2001:db8:26::/48')) ? undefined : true));
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
