/**
 * EVPN (issue 14, "l2vpn evpn") between rxbgp (bin/rxbgp, from dist/) and a real gobgpd (Debian's
 * 3.10), both directions, on one iBGP session carrying GoBGP's "l2vpn-evpn":
 * - GoBGP originates one route of each type (`gobgp global rib -a evpn add macadv|multicast|prefix|a-d|esi ...`)
 *   and rxbgp prints each in its ExaBGP JSON event (fields, labels, next hop, route target and
 *   encapsulation communities), then each withdrawal;
 * - rxbgp announces one route of each type through `rxbgp cli announce evpn route ...` and GoBGP
 *   holds each (`gobgp global rib -a evpn -j`: its NLRI fields, next hop, extended communities), then
 *   drops each on `rxbgp cli withdraw evpn route ...` (named by its route key only).
 * Addresses 127.0.103.x; next hops 198.51.100.x (GoBGP treats a 127/8 next hop as unusable, PEERS.md).
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import type { ExaEvent } from '../harness/exabgp-json';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const GOBGP = { address: '127.0.103.10', port: 17103, asn: 65103, routerId: '192.0.2.103', neighbor: '127.0.103.11' };
const API_PORT = 50103;
const TIMEOUT_MS = 20000;
const FAMILY = 'l2vpn evpn';

interface FromGobgp {
  readonly name: string;
  /** GoBGP's CLI words after `add` (and, up to "nexthop", after `del`). */
  readonly words: readonly string[];
  /** What rxbgp's ExaBGP JSON item holds for it (the "raw" aside, checked apart). */
  readonly item: object;
}

const FROM_GOBGP: readonly FromGobgp[] = [
  {
    name: 'ethernet-ad',
    words: ['a-d', 'esi', '0', 'etag', '100', 'label', '400', 'rd', '65000:1'],
    item: { code: 1, parsed: true, name: 'Ethernet Auto-Discovery', rd: '65000:1', esi: '-', 'ethernet-tag': 100, label: [[25, 400]] },
  },
  {
    name: 'mac-ip',
    words: ['macadv', '11:22:33:44:55:66', '10.0.0.1', 'esi', '0', 'etag', '100', 'label', '200', 'rd', '65000:1', 'rt', '65000:100', 'encap', 'vxlan'],
    item: { code: 2, parsed: true, name: 'MAC/IP advertisement', rd: '65000:1', esi: '-', 'ethernet-tag': 100, mac: '11:22:33:44:55:66', label: [[12, 200]], ip: '10.0.0.1' },
  },
  {
    name: 'multicast',
    words: ['multicast', '192.0.2.7', 'etag', '100', 'rd', '65000:2', 'rt', '65000:100', 'encap', 'vxlan'],
    item: { code: 3, parsed: true, name: 'Inclusive Multicast Ethernet Tag', rd: '65000:2', 'ethernet-tag': 100, ip: '192.0.2.7' },
  },
  {
    name: 'ethernet-segment',
    words: ['esi', '192.0.2.9', 'esi', 'ARBITRARY', '01:02:03:04:05:06:07:08:09', 'rd', '65000:3'],
    item: { code: 4, parsed: true, name: 'Ethernet Segment', rd: '65000:3', esi: '00:01:02:03:04:05:06:07:08:09', ip: '192.0.2.9' },
  },
  {
    name: 'ip-prefix',
    words: ['prefix', '10.9.0.0/24', '172.16.0.1', 'esi', '0', 'etag', '0', 'rd', '65000:4', 'rt', '65000:100', 'gw', '192.0.2.1', 'label', '300'],
    item: { code: 5, parsed: true, name: 'IP Prefix Advertisement', rd: '65000:4', esi: '-', 'ethernet-tag': 0, label: [[18, 300]], ip: '10.9.0.0', iplen: 24, gateway: '192.0.2.1' },
  },
];

interface FromRxbgp {
  readonly name: string;
  /** After `announce evpn route `; the route's words end before " next-hop". */
  readonly command: string;
  /** The key of GoBGP's `global rib -a evpn -j` and the NLRI value it shows. */
  readonly key: string;
  readonly nlri: object;
}

const FROM_RXBGP: readonly FromRxbgp[] = [
  {
    name: 'ethernet-ad',
    command: 'ethernet-ad rd 65000:11 esi 00:01:02:03:04:05:06:07:08:09 ethernet-tag 7 label 1000 next-hop 198.51.100.1',
    key: '[type:A-D][rd:65000:11][esi:ESI_ARBITRARY | 01:02:03:04:05:06:07:08:09][etag:7]',
    nlri: { type: 1, value: { rd: { type: 0, admin: 65000, assigned: 11 }, esi: 'ESI_ARBITRARY | 01:02:03:04:05:06:07:08:09', etag: 7, label: 16001 } },
  },
  {
    name: 'mac-ip',
    command: 'mac-ip rd 65000:12 mac 02:aa:bb:cc:dd:ee ip 10.1.0.1 ethernet-tag 10 vni 5010 next-hop 198.51.100.1 extended-community [ target:65000:12 encap:VXLAN mac-mobility:2 ]',
    key: '[type:macadv][rd:65000:12][etag:10][mac:02:aa:bb:cc:dd:ee][ip:10.1.0.1]',
    nlri: { type: 2, value: { rd: { type: 0, admin: 65000, assigned: 12 }, esi: 'single-homed', etag: 10, mac: '02:aa:bb:cc:dd:ee', ip: '10.1.0.1', labels: [5010] } },
  },
  {
    name: 'multicast',
    command: 'multicast rd 192.0.2.1:13 ethernet-tag 10 ip 198.51.100.1 next-hop 198.51.100.1 extended-community [ target:65000:12 encap:VXLAN ]',
    key: '[type:multicast][rd:192.0.2.1:13][etag:10][ip:198.51.100.1]',
    nlri: { type: 3, value: { rd: { type: 1, admin: '192.0.2.1', assigned: 13 }, etag: 10, ip: '198.51.100.1' } },
  },
  {
    name: 'ethernet-segment',
    command: 'ethernet-segment rd 65000:14 esi 00:01:02:03:04:05:06:07:08:09 ip 198.51.100.1 next-hop 198.51.100.1',
    key: '[type:esi][rd:65000:14][esi:ESI_ARBITRARY | 01:02:03:04:05:06:07:08:09][ip:198.51.100.1]',
    nlri: { type: 4, value: { rd: { type: 0, admin: 65000, assigned: 14 }, esi: 'ESI_ARBITRARY | 01:02:03:04:05:06:07:08:09', ip: '198.51.100.1' } },
  },
  {
    name: 'ip-prefix',
    command: 'ip-prefix rd 65000:15 prefix 10.2.0.0/16 gateway 0.0.0.0 vni 5015 next-hop 198.51.100.1 extended-community [ target:65000:15 router-mac:02:00:00:00:00:01 ]',
    key: '[type:Prefix][rd:65000:15][etag:0][prefix:10.2.0.0/16]',
    nlri: { type: 5, value: { rd: { type: 0, admin: 65000, assigned: 15 }, esi: 'single-homed', etag: 0, prefix: '10.2.0.0/16', gateway: '0.0.0.0', label: 5015 } },
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
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "l2vpn-evpn"
`;
}

const gobgp = (...args: string[]): Promise<string> => runChecked('gobgp', ['-p', String(API_PORT), ...args], 10000);

interface GobgpPath {
  readonly nlri: object;
  readonly attrs?: ReadonlyArray<{ readonly type: number; readonly nexthop?: string; readonly value?: unknown }>;
}

/** `gobgp global rib -a evpn -j`: key -> the first path's NLRI, MP_REACH next hop and extended communities. */
async function gobgpRib(): Promise<Map<string, { nlri: object; nextHop?: string; communities?: unknown }>> {
  const text = (await gobgp('global', 'rib', '-a', 'evpn', '-j')).trim();
  const rib = text === '' || text === 'null' ? {} : (JSON.parse(text) as Record<string, readonly GobgpPath[]>);
  return new Map(
    Object.entries(rib).map(([key, paths]) => [key, { nlri: paths[0]!.nlri, nextHop: paths[0]!.attrs?.find((a) => a.type === 14)?.nexthop, communities: paths[0]!.attrs?.find((a) => a.type === 16)?.value }]),
  );
}

interface Item extends Record<string, unknown> {
  readonly raw: string;
}

/** Every EVPN item rxbgp printed as announced (with its next hop and the UPDATE's communities) or withdrawn. */
function printed(events: readonly ExaEvent[], what: 'announce' | 'withdraw'): Array<{ item: Item; nextHop?: string; communities?: unknown }> {
  const out: Array<{ item: Item; nextHop?: string; communities?: unknown }> = [];
  for (const e of events) {
    if (e.type !== 'update') continue;
    const update = (e.neighbor as { message?: { update?: Record<string, Record<string, unknown>> } }).message?.update;
    const attribute = update?.attribute as { 'extended-community'?: unknown } | undefined;
    const part = update?.[what]?.[FAMILY];
    if (!part) continue;
    if (what === 'withdraw') for (const item of part as Item[]) out.push({ item });
    else for (const [nextHop, items] of Object.entries(part as Record<string, Item[]>)) for (const item of items) out.push({ item, nextHop, communities: attribute?.['extended-community'] });
  }
  return out;
}

const withoutRaw = (item: Item): object => Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'raw'));

describe('EVPN between rxbgp and GoBGP', () => {
  let dir = '';
  let daemon: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  beforeAll(async () => {
    dir = makeTempDir('evpn-gobgp');
    const file = path.join(dir, 'gobgpd.toml');
    fs.writeFileSync(file, gobgpToml());
    daemon = new Child({ name: 'gobgpd', command: 'gobgpd', args: ['-f', file, '--api-hosts', `127.0.0.1:${API_PORT}`, '--pprof-disable'] });
    await pollUntil('gobgpd to answer its CLI', async () => ((await runCommand('gobgp', ['-p', String(API_PORT), 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: 15000,
      context: () => daemon!.lastLines(),
    });
    for (const r of FROM_GOBGP) await gobgp('global', 'rib', '-a', 'evpn', 'add', ...r.words, 'nexthop', '198.51.100.2');
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.111', { families: [FAMILY] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await daemon?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- gobgpd ---\n${daemon!.lastLines()}` });

  it.each(FROM_GOBGP.map((r) => [r.name, r] as const))("%s: rxbgp prints the route GoBGP originates, with its next hop", async (name, r) => {
    const found = await waitFor(`rxbgp to print GoBGP's ${name} route`, () => printed(rx!.rxbgp.events, 'announce').find((p) => (p.item as { code?: number }).code === (r.item as { code: number }).code));
    expect(withoutRaw(found.item)).toEqual(r.item);
    expect(found.nextHop).toBe('198.51.100.2');
  });

  it("prints the communities GoBGP attaches (route target, VXLAN encapsulation) as ExaBGP does", () => {
    const mac = printed(rx!.rxbgp.events, 'announce').find((p) => (p.item as { code?: number }).code === 2)!;
    expect(mac.communities).toEqual([
      { value: 842122827661412, string: 'target:65000:100' },
      { value: 219550481834311688, string: 'encap:VXLAN' },
    ]);
  });

  it('rxbgp cli takes each announce evpn route ... line', async () => {
    expect(await rx!.cliEach(FROM_RXBGP.map((r) => `announce evpn route ${r.command}`))).toEqual([]);
  });

  it.each(FROM_RXBGP.map((r) => [r.name, r] as const))('%s: GoBGP holds the route rxbgp announced (fields, next hop)', async (_name, r) => {
    // Found by its RD (each route has its own), so a key that differs shows in the comparison.
    const rd = (r.nlri as { value: { rd: object } }).value.rd;
    const held = await waitFor(`GoBGP to hold ${r.key}`, async () => [...(await gobgpRib())].find(([, p]) => JSON.stringify((p.nlri as { value: { rd: object } }).value.rd) === JSON.stringify(rd)));
    expect(held[0]).toBe(r.key);
    expect(held[1].nlri).toEqual(r.nlri);
    expect(held[1].nextHop).toBe('198.51.100.1');
  });

  it("GoBGP reads the communities rxbgp sent (route target, encapsulation, MAC mobility, router's MAC)", async () => {
    const rib = await gobgpRib();
    expect(rib.get(FROM_RXBGP[1]!.key)?.communities).toEqual([
      { type: 0, subtype: 2, value: '65000:12' },
      { type: 3, subtype: 12, tunnel_type: 8 },
      { type: 6, subtype: 0, sequence: 2, is_sticky: false },
    ]);
    expect(rib.get(FROM_RXBGP[4]!.key)?.communities).toEqual([
      { type: 0, subtype: 2, value: '65000:15' },
      { type: 6, subtype: 3, mac: '02:00:00:00:00:01' },
    ]);
  });

  it('rxbgp cli withdraw evpn route ... (the route key only) empties GoBGP of rxbgp routes, the session still up', async () => {
    expect(await rx!.cliEach(FROM_RXBGP.map((r) => `withdraw evpn route ${r.command.replace(/ (label|vni) \S+| next-hop.*$/g, '')}`))).toEqual([]);
    for (const r of FROM_RXBGP) await waitFor(`GoBGP to drop ${r.key}`, async () => ((await gobgpRib()).has(r.key) ? undefined : true));
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });

  it.each(FROM_GOBGP.map((r) => [r.name, r] as const))('%s: rxbgp prints the withdrawal of the route GoBGP deletes', async (name, r) => {
    await gobgp('global', 'rib', '-a', 'evpn', 'del', ...r.words);
    const found = await waitFor(`rxbgp to print GoBGP's ${name} withdrawal`, () => printed(rx!.rxbgp.events, 'withdraw').find((p) => (p.item as { code?: number }).code === (r.item as { code: number }).code));
    expect(withoutRaw(found.item)).toMatchObject({ code: (r.item as { code: number }).code, rd: (r.item as { rd: string }).rd });
  });
});
