/**
 * Labeled unicast and L3VPN (issue 14) between rxbgp (bin/rxbgp, from dist/) and a real gobgpd
 * (Debian's 3.10), both directions, on one iBGP session carrying "ipv4/ipv6 mpls-vpn" and
 * "ipv4/ipv6 nlri-mpls" (GoBGP's l3vpn-ipv4-unicast, ipv4-labelled-unicast, ...):
 * - GoBGP originates one route per family (`gobgp global rib -a vpnv4 add ... label ... rd ...`) and
 *   rxbgp prints it in its ExaBGP JSON event (label, rd, next hop), then its withdrawal;
 * - rxbgp announces one route per family through `rxbgp cli announce route ... rd ... label ...`,
 *   as ExaBGP helpers write them, and GoBGP holds each (`gobgp global rib -a vpnv4 -j`: prefix,
 *   labels, RD, next hop), then drops each on `rxbgp cli withdraw route ...`.
 * Next hops are 198.51.100.x: GoBGP treats a 127/8 next hop as unusable (PEERS.md).
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import type { ExaEvent } from '../harness/exabgp-json';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const GOBGP = { address: '127.0.0.60', port: 17960, asn: 65060, routerId: '192.0.2.60', neighbor: '127.0.0.63' };
const API_PORT = 50360;
const TIMEOUT_MS = 20000;

interface Family {
  /** rxbgp's (ExaBGP's) name. */
  readonly name: string;
  /** GoBGP's TOML and CLI names. */
  readonly toml: string;
  readonly cli: string;
  /** What GoBGP originates: its CLI words after `add`, and what rxbgp must print for it. */
  readonly fromGobgp: { readonly words: readonly string[]; readonly nextHop: string; readonly item: object };
  /** What rxbgp announces (after `announce route `), and GoBGP's view of it: its key and path. */
  readonly fromRxbgp: { readonly command: string; readonly key: string; readonly nlri: object; readonly nextHop: string };
}

const FAMILIES: readonly Family[] = [
  {
    name: 'ipv4 mpls-vpn',
    toml: 'l3vpn-ipv4-unicast',
    cli: 'vpnv4',
    fromGobgp: { words: ['10.1.0.0/24', 'label', '2000', 'rd', '65000:2', 'nexthop', '198.51.100.2'], nextHop: '198.51.100.2', item: { nlri: '10.1.0.0/24', label: [[2000]], rd: '65000:2' } },
    fromRxbgp: {
      command: '10.0.0.0/25 next-hop 198.51.100.1 rd 65000:1 label 1000 extended-community [ target:65000:1 ]',
      key: '65000:1:10.0.0.0/25',
      nlri: { prefix: '10.0.0.0/25', labels: [1000], rd: { type: 0, admin: 65000, assigned: 1 } },
      nextHop: '198.51.100.1',
    },
  },
  {
    name: 'ipv6 mpls-vpn',
    toml: 'l3vpn-ipv6-unicast',
    cli: 'vpnv6',
    fromGobgp: { words: ['2001:db8:1::/48', 'label', '3000', 'rd', '65000:3', 'nexthop', '2001:db8::2'], nextHop: '2001:db8::2', item: { nlri: '2001:db8:1::/48', label: [[3000]], rd: '65000:3' } },
    fromRxbgp: {
      command: '2001:db8:a::/48 next-hop 2001:db8::1 rd 192.0.2.1:7 label 1001',
      key: '192.0.2.1:7:2001:db8:a::/48',
      nlri: { prefix: '2001:db8:a::/48', labels: [1001], rd: { type: 1, admin: '192.0.2.1', assigned: 7 } },
      nextHop: '2001:db8::1',
    },
  },
  {
    name: 'ipv4 nlri-mpls',
    toml: 'ipv4-labelled-unicast',
    cli: 'ipv4-mpls',
    fromGobgp: { words: ['10.2.0.0/24', '2001', 'nexthop', '198.51.100.2'], nextHop: '198.51.100.2', item: { nlri: '10.2.0.0/24', label: [[2001]] } },
    fromRxbgp: { command: '10.3.0.0/24 next-hop 198.51.100.1 label 1002', key: '10.3.0.0/24', nlri: { prefix: '10.3.0.0/24', labels: [1002] }, nextHop: '198.51.100.1' },
  },
  {
    name: 'ipv6 nlri-mpls',
    toml: 'ipv6-labelled-unicast',
    cli: 'ipv6-mpls',
    fromGobgp: { words: ['2001:db8:2::/48', '3001', 'nexthop', '2001:db8::2'], nextHop: '2001:db8::2', item: { nlri: '2001:db8:2::/48', label: [[3001]] } },
    fromRxbgp: { command: '2001:db8:b::/48 next-hop 2001:db8::1 label 1003', key: '2001:db8:b::/48', nlri: { prefix: '2001:db8:b::/48', labels: [1003] }, nextHop: '2001:db8::1' },
  },
];

function gobgpToml(): string {
  return `[global.config]
  as = ${GOBGP.asn}
  router-id = "${GOBGP.routerId}"
  port = ${GOBGP.port}
  local-address-list = ["${GOBGP.address}"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "${GOBGP.neighbor}"
    peer-as = ${GOBGP.asn}
  [neighbors.transport.config]
    local-address = "${GOBGP.address}"
    passive-mode = true
${FAMILIES.map((f) => `  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = "${f.toml}"`).join('\n')}
`;
}

const gobgp = (...args: string[]): Promise<string> => runChecked('gobgp', ['-p', String(API_PORT), ...args], 10000);

interface GobgpPath {
  readonly nlri: object;
  readonly attrs?: ReadonlyArray<{ readonly type: number; readonly nexthop?: string }>;
}

/** `gobgp global rib -a <family> -j`: key -> the first path's NLRI and MP_REACH next hop. */
async function gobgpRib(family: Family): Promise<Map<string, { nlri: object; nextHop?: string }>> {
  const text = (await gobgp('global', 'rib', '-a', family.cli, '-j')).trim();
  const rib = text === '' || text === 'null' ? {} : (JSON.parse(text) as Record<string, readonly GobgpPath[]>);
  return new Map(Object.entries(rib).map(([key, paths]) => [key, { nlri: paths[0]!.nlri, nextHop: paths[0]!.attrs?.find((a) => a.type === 14)?.nexthop }]));
}

/** The announced (or withdrawn) items of a family in one of rxbgp's update events. */
function items(event: ExaEvent, family: string, what: 'announce' | 'withdraw'): unknown {
  const update = (event.neighbor as { message?: { update?: Record<string, Record<string, unknown>> } }).message?.update;
  return update?.[what]?.[family];
}

describe('labeled unicast and L3VPN between rxbgp and GoBGP', () => {
  let dir = '';
  let daemon: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  beforeAll(async () => {
    dir = makeTempDir('labeled-gobgp');
    const file = path.join(dir, 'gobgpd.toml');
    fs.writeFileSync(file, gobgpToml());
    daemon = new Child({ name: 'gobgpd', command: 'gobgpd', args: ['-f', file, '--api-hosts', `127.0.0.1:${API_PORT}`, '--pprof-disable'] });
    await pollUntil('gobgpd to answer its CLI', async () => ((await runCommand('gobgp', ['-p', String(API_PORT), 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: 15000,
      context: () => daemon!.lastLines(),
    });
    for (const f of FAMILIES) await gobgp('global', 'rib', '-a', f.cli, 'add', ...f.fromGobgp.words);
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.63', { families: FAMILIES.map((f) => f.name) });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await daemon?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- gobgpd ---\n${daemon!.lastLines()}` });

  it.each(FAMILIES.map((f) => [f.name, f] as const))('%s: rxbgp prints the route GoBGP originates (label, rd, next hop)', async (name, f) => {
    const event = await waitFor(`rxbgp to print GoBGP's ${name} route`, () => rx!.rxbgp.events.find((e) => e.type === 'update' && items(e, name, 'announce') !== undefined));
    expect(items(event, name, 'announce')).toEqual({ [f.fromGobgp.nextHop]: [f.fromGobgp.item] });
  });

  it('rxbgp cli takes each announce route ... rd ... label ... line', async () => {
    expect(await rx!.cliEach(FAMILIES.map((f) => `announce route ${f.fromRxbgp.command}`))).toEqual([]);
  });

  it.each(FAMILIES.map((f) => [f.name, f] as const))('%s: GoBGP holds the route rxbgp announced (prefix, labels, RD, next hop)', async (name, f) => {
    const path = await waitFor(`GoBGP to hold ${f.fromRxbgp.key}`, async () => (await gobgpRib(f)).get(f.fromRxbgp.key));
    expect(path).toEqual({ nlri: f.fromRxbgp.nlri, nextHop: f.fromRxbgp.nextHop });
  });

  it('rxbgp cli withdraw route ... empties GoBGP of rxbgp routes, the session still up', async () => {
    expect(await rx!.cliEach(FAMILIES.map((f) => `withdraw route ${f.fromRxbgp.command.replace(/ next-hop \S+/, '')}`))).toEqual([]);
    for (const f of FAMILIES) {
      await waitFor(`GoBGP to drop ${f.fromRxbgp.key}`, async () => ((await gobgpRib(f)).has(f.fromRxbgp.key) ? undefined : true));
    }
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });

  it.each(FAMILIES.map((f) => [f.name, f] as const))('%s: rxbgp prints the withdrawal of the route GoBGP deletes', async (name, f) => {
    await gobgp('global', 'rib', '-a', f.cli, 'del', ...f.fromGobgp.words.slice(0, f.fromGobgp.words.indexOf('nexthop')));
    const event = await waitFor(`rxbgp to print GoBGP's ${name} withdrawal`, () => rx!.rxbgp.events.find((e) => e.type === 'update' && items(e, name, 'withdraw') !== undefined));
    // GoBGP withdraws with the labels it announced (not RFC 8277 §2.4's 0x800000): rxbgp's Adj-RIB-In finds the route by them.
    expect(items(event, name, 'withdraw')).toEqual([f.fromGobgp.item]);
  });
});
