/**
 * EVPN (issue 14) from rxbgp (bin/rxbgp, from dist/) to a real FRR bgpd (Debian's 8.4, standalone:
 * -Z, no zebra) with `address-family l2vpn evpn` activated: each route rxbgp cli announces
 * (`announce evpn route ...`) is in `show bgp l2vpn evpn json` under its RD with FRR's prefix text
 * for it and its next hop, and gone after `withdraw evpn route ...`. FRR without zebra has no VNIs
 * or VRFs to originate EVPN routes from, so this is one direction (GoBGP covers both:
 * gobgp-evpn.spec.ts). Addresses 127.0.103.20-21; next hops 198.51.100.x (FRR refuses 127/8).
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const FRR = { address: '127.0.103.20', port: 17120, asn: 65120, routerId: '192.0.2.120', neighbor: '127.0.103.21' };
const TIMEOUT_MS = 20000;

interface Case {
  readonly name: string;
  /** After `announce evpn route `, up to " next-hop". */
  readonly route: string;
  readonly rd: string;
  /** FRR's prefix text for the route (its key under the RD). */
  readonly frr: string;
}

const CASES: readonly Case[] = [
  { name: 'ethernet-ad', route: 'ethernet-ad rd 65000:1 esi 00:01:02:03:04:05:06:07:08:09 ethernet-tag 7 label 1000', rd: '65000:1', frr: '[1]:[7]:[00:01:02:03:04:05:06:07:08:09]:[32]:[0.0.0.0]:[0]' },
  { name: 'mac-ip', route: 'mac-ip rd 65000:2 mac 02:aa:bb:cc:dd:ee ip 10.1.0.1 vni 5010', rd: '65000:2', frr: '[2]:[0]:[48]:[02:aa:bb:cc:dd:ee]:[32]:[10.1.0.1]' },
  { name: 'multicast', route: 'multicast rd 65000:3 ethernet-tag 0 ip 198.51.100.1', rd: '65000:3', frr: '[3]:[0]:[32]:[198.51.100.1]' },
  { name: 'ethernet-segment', route: 'ethernet-segment rd 65000:4 esi 00:01:02:03:04:05:06:07:08:09 ip 198.51.100.1', rd: '65000:4', frr: '[4]:[00:01:02:03:04:05:06:07:08:09]:[32]:[198.51.100.1]' },
  { name: 'ip-prefix', route: 'ip-prefix rd 65000:5 prefix 10.2.0.0/16 gateway 0.0.0.0 vni 5015', rd: '65000:5', frr: '[5]:[0]:[16]:[10.2.0.0]' },
];

function frrConfig(): string {
  const n = FRR.neighbor;
  return `frr defaults traditional
hostname evpninterop
!
router bgp ${FRR.asn}
 bgp router-id ${FRR.routerId}
 no bgp ebgp-requires-policy
 no bgp default ipv4-unicast
 neighbor ${n} remote-as ${FRR.asn}
 neighbor ${n} update-source ${FRR.address}
 neighbor ${n} passive
 address-family l2vpn evpn
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

interface EvpnPath {
  readonly nexthops?: ReadonlyArray<{ readonly ip?: string }>;
}

describe('EVPN from rxbgp to FRR', () => {
  let dir = '';
  let frr: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  const vtysh = async (command: string): Promise<string> => {
    const r = await runCommand('vtysh', ['--vty_socket', dir, '-c', command], 10000);
    if (r.code !== 0) throw new Error(`vtysh -c '${command}' exited ${r.code}: ${(r.stderr || r.stdout).trim()}`);
    return r.stdout;
  };

  beforeAll(async () => {
    dir = makeTempDir('evpn-frr');
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
    rx = await RxbgpFlowSender.start(FRR, '192.0.2.121', { families: ['l2vpn evpn'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await frr?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- bgpd ---\n${frr!.lastLines()}` });

  /** `show bgp l2vpn evpn json`: RD -> FRR's prefix text -> the first path's next hop. */
  async function frrRoutes(): Promise<Map<string, Map<string, string | undefined>>> {
    const json = JSON.parse(await vtysh('show bgp l2vpn evpn json')) as Record<string, unknown>;
    const out = new Map<string, Map<string, string | undefined>>();
    for (const [rd, value] of Object.entries(json)) {
      if (typeof value !== 'object' || value === null || !('rd' in value)) continue;
      const routes = new Map<string, string | undefined>();
      for (const [prefix, entry] of Object.entries(value as Record<string, unknown>)) {
        // FRR 8.4 lists each route's paths, one array per path (or the path itself in other versions).
        const paths = (entry as { paths?: ReadonlyArray<EvpnPath | readonly EvpnPath[]> }).paths;
        const first = paths?.[0];
        const path = Array.isArray(first) ? (first as readonly EvpnPath[])[0] : (first as EvpnPath | undefined);
        if (paths) routes.set(prefix, path?.nexthops?.[0]?.ip);
      }
      out.set(rd, routes);
    }
    return out;
  }

  it('rxbgp cli takes the announce evpn route ... lines', async () => {
    expect(await rx!.cliEach(CASES.map((c) => `announce evpn route ${c.route} next-hop 198.51.100.1 extended-community [ target:65000:1 encap:VXLAN ]`))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: FRR holds the route under its RD with its next hop', async (_name, c) => {
    const routes = await waitFor(`FRR to hold a route under ${c.rd}`, async () => (await frrRoutes()).get(c.rd));
    expect([...routes]).toEqual([[c.frr, '198.51.100.1']]);
  });

  it('rxbgp cli withdraw evpn route ... removes them from FRR, the session still up', async () => {
    expect(await rx!.cliEach(CASES.map((c) => `withdraw evpn route ${c.route.replace(/ (label|vni) \S+/, '')}`))).toEqual([]);
    await waitFor('FRR to drop every EVPN route', async () => ((await frrRoutes()).size === 0 ? true : undefined));
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
