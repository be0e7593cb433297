/**
 * L3VPN and labeled unicast (issue 14) from rxbgp (bin/rxbgp, from dist/) to a real FRR bgpd
 * (Debian's 8.4, standalone: -Z, no zebra) with `address-family ipv4 vpn`, `ipv6 vpn` and
 * `ipv4 labeled-unicast` activated: each route rxbgp cli announces (`announce route ... rd ...
 * label ...`) is in `show bgp ipv4 vpn json` / `show bgp ipv6 vpn json` under its RD with its
 * next hop, and its label in `show bgp ipv4 vpn rd <rd> <prefix>` (labeled unicast: `show bgp ipv4 labeled-unicast json`), and gone after
 * `withdraw route ...`.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const FRR = { address: '127.0.0.66', port: 17966, asn: 65066, routerId: '192.0.2.66', neighbor: '127.0.0.67' };
const TIMEOUT_MS = 20000;

function frrConfig(): string {
  const n = FRR.neighbor;
  const activate = (af: string): string => ` address-family ${af}\n  neighbor ${n} activate\n exit-address-family\n`;
  return `frr defaults traditional
hostname labeledinterop
!
router bgp ${FRR.asn}
 bgp router-id ${FRR.routerId}
 no bgp ebgp-requires-policy
 no bgp default ipv4-unicast
 neighbor ${n} remote-as ${FRR.asn}
 neighbor ${n} update-source ${FRR.address}
 neighbor ${n} passive
${activate('ipv4 vpn')}${activate('ipv6 vpn')}${activate('ipv4 labeled-unicast')}exit
`;
}

function frrIds(): { uid: number; gid: number } {
  const fields = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('frr:'))?.split(':');
  if (!fields || fields.length < 4) throw new Error('no "frr" user in /etc/passwd (is the frr package installed?)');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

interface VpnPath {
  readonly nexthops?: ReadonlyArray<{ readonly ip?: string }>;
}

describe('L3VPN and labeled unicast from rxbgp to FRR', () => {
  let dir = '';
  let frr: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  const vtysh = async (command: string): Promise<string> => {
    const r = await runCommand('vtysh', ['--vty_socket', dir, '-c', command], 10000);
    if (r.code !== 0) throw new Error(`vtysh -c '${command}' exited ${r.code}: ${(r.stderr || r.stdout).trim()}`);
    return r.stdout;
  };

  beforeAll(async () => {
    dir = makeTempDir('labeled-frr');
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
    rx = await RxbgpFlowSender.start(FRR, '192.0.2.67', { families: ['ipv4 mpls-vpn', 'ipv6 mpls-vpn', 'ipv4 nlri-mpls'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await frr?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- bgpd ---\n${frr!.lastLines()}` });

  /**
   * What FRR holds for a prefix under an RD: the first path's next hop (`show bgp ipvN vpn json`:
   * routes.routeDistinguishers[rd][prefix]) and its label (the text view's "Remote label").
   */
  async function vpnRoute(afi: 4 | 6, rd: string, prefix: string): Promise<{ nextHop?: string; label?: number } | undefined> {
    const json = JSON.parse(await vtysh(`show bgp ipv${afi} vpn json`)) as { routes?: { routeDistinguishers?: Record<string, Record<string, readonly VpnPath[]>> } };
    const path = json.routes?.routeDistinguishers?.[rd]?.[prefix]?.[0];
    if (!path) return undefined;
    const label = /Remote label: (\d+)/.exec(await vtysh(`show bgp ipv${afi} vpn rd ${rd} ${prefix}`))?.[1];
    return { nextHop: path.nexthops?.[0]?.ip, label: label === undefined ? undefined : Number(label) };
  }

  it('rxbgp cli takes the announce route ... lines', async () => {
    expect(
      await rx!.cliEach([
        'announce route 10.0.0.0/25 next-hop 198.51.100.1 rd 65000:1 label 1000',
        'announce route 2001:db8:a::/48 next-hop 2001:db8::1 rd 192.0.2.1:7 label 1001',
        'announce route 10.3.0.0/24 next-hop 198.51.100.1 label 1002',
      ]),
    ).toEqual([]);
  });

  it('FRR holds the IPv4 VPN route under its RD with its label and next hop', async () => {
    expect(await waitFor('FRR to hold 65000:1 10.0.0.0/25', () => vpnRoute(4, '65000:1', '10.0.0.0/25'))).toEqual({ label: 1000, nextHop: '198.51.100.1' });
  });

  it('FRR holds the IPv6 VPN route under its RD (type 1) with its label and next hop', async () => {
    expect(await waitFor('FRR to hold 192.0.2.1:7 2001:db8:a::/48', () => vpnRoute(6, '192.0.2.1:7', '2001:db8:a::/48'))).toEqual({ label: 1001, nextHop: '2001:db8::1' });
  });

  it('FRR holds the labeled unicast route', async () => {
    const text = await waitFor('FRR to hold 10.3.0.0/24 labeled', async () => {
      const out = await vtysh('show bgp ipv4 labeled-unicast 10.3.0.0/24');
      return /198\.51\.100\.1/.test(out) ? out : undefined;
    });
    expect(text).toMatch(/Remote label: 1002/);
  });

  it('rxbgp cli withdraw route ... removes them from FRR, the session still up', async () => {
    expect(
      await rx!.cliEach(['withdraw route 10.0.0.0/25 rd 65000:1 label 1000', 'withdraw route 2001:db8:a::/48 rd 192.0.2.1:7 label 1001', 'withdraw route 10.3.0.0/24 label 1002']),
    ).toEqual([]);
    await waitFor('FRR to drop the IPv4 VPN route', async () => ((await vpnRoute(4, '65000:1', '10.0.0.0/25')) ? undefined : true));
    await waitFor('FRR to drop the IPv6 VPN route', async () => ((await vpnRoute(6, '192.0.2.1:7', '2001:db8:a::/48')) ? undefined : true));
    await waitFor('FRR to drop the labeled route', async () => (/198\.51\.100\.1/.test(await vtysh('show bgp ipv4 labeled-unicast 10.3.0.0/24')) ? undefined : true));
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
