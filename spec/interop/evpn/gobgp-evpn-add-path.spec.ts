/**
 * EVPN with RFC 7911 ADD-PATH between rxbgp and GoBGP 3.10 (both send and receive path ids for
 * "l2vpn evpn"): GoBGP's routes reach rxbgp's events with their fields intact (a path id read as a
 * route type would garble them), and rxbgp's routes, announced with `path-information`, reach GoBGP's
 * RIB with their fields, then go on withdrawal. Addresses 127.0.103.12-13.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import type { ExaEvent } from '../harness/exabgp-json';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const GOBGP = { address: '127.0.103.12', port: 17104, asn: 65104, routerId: '192.0.2.104', neighbor: '127.0.103.13' };
const API_PORT = 50104;
const TIMEOUT_MS = 20000;

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
    [neighbors.afi-safis.add-paths.config]
      receive = true
      send-max = 8
`;
}

const gobgp = (...args: string[]): Promise<string> => runChecked('gobgp', ['-p', String(API_PORT), ...args], 10000);

function announced(events: readonly ExaEvent[]): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const e of events) {
    const part = (e.neighbor as { message?: { update?: { announce?: Record<string, Record<string, Array<Record<string, unknown>>>> } } }).message?.update?.announce?.['l2vpn evpn'];
    if (part) for (const items of Object.values(part)) out.push(...items);
  }
  return out;
}

describe('EVPN with ADD-PATH between rxbgp and GoBGP', () => {
  let dir = '';
  let daemon: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  beforeAll(async () => {
    dir = makeTempDir('evpn-gobgp-add-path');
    const file = path.join(dir, 'gobgpd.toml');
    fs.writeFileSync(file, gobgpToml());
    daemon = new Child({ name: 'gobgpd', command: 'gobgpd', args: ['-f', file, '--api-hosts', `127.0.0.1:${API_PORT}`, '--pprof-disable'] });
    await pollUntil('gobgpd to answer its CLI', async () => ((await runCommand('gobgp', ['-p', String(API_PORT), 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: 15000,
      context: () => daemon!.lastLines(),
    });
    await gobgp('global', 'rib', '-a', 'evpn', 'add', 'macadv', '11:22:33:44:55:66', '10.0.0.1', 'esi', '0', 'etag', '100', 'label', '200', 'rd', '65000:1', 'nexthop', '198.51.100.2');
    await gobgp('global', 'rib', '-a', 'evpn', 'add', 'multicast', '192.0.2.7', 'etag', '100', 'rd', '65000:2', 'nexthop', '198.51.100.2');
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.113', { families: ['l2vpn evpn'], addPath: { 'l2vpn evpn': 'both' } });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await daemon?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- gobgpd ---\n${daemon!.lastLines()}` });

  it('both sides negotiated ADD-PATH for l2vpn evpn', async () => {
    // GoBGP shows capabilities as protobuf Any values: AddPathCapability { tuples: [{ family: { afi: 25,
    // safi: 70 }, mode: 3 (both) }] } is 0a08 0a04 0819 1046 1003, in base64 "CggKBAgZEEYQAw==".
    const ADD_PATH_EVPN_BOTH = { type_url: 'type.googleapis.com/apipb.AddPathCapability', value: Buffer.from('0a080a04081910461003', 'hex').toString('base64') };
    const caps = JSON.parse(await gobgp('neighbor', GOBGP.neighbor, '-j')) as { state?: { remote_cap?: unknown[] }; local_cap?: unknown[] } & Record<string, unknown>;
    const all = JSON.stringify(caps);
    expect(caps.state?.remote_cap).toContainEqual(ADD_PATH_EVPN_BOTH);
    // rxbgp's (remote) and GoBGP's own (local) capability both ask for send and receive.
    expect(all.split(ADD_PATH_EVPN_BOTH.value).length - 1).toBe(2);
  });

  it("rxbgp reads GoBGP's routes behind their path ids", async () => {
    const items = await waitFor("rxbgp to print GoBGP's two routes", () => {
      const seen = announced(rx!.rxbgp.events);
      return seen.length >= 2 ? seen : undefined;
    });
    expect(items.map((i) => [i.code, i.rd, i.mac ?? null, i.ip]).sort()).toEqual([
      [2, '65000:1', '11:22:33:44:55:66', '10.0.0.1'],
      [3, '65000:2', null, '192.0.2.7'],
    ]);
  });

  it('GoBGP reads the routes rxbgp sends with path ids, and drops them on withdrawal', async () => {
    expect(
      await rx!.cliEach([
        'announce evpn route mac-ip rd 65000:21 mac 02:00:00:00:00:21 ip 10.2.0.1 vni 21 next-hop 198.51.100.1 path-information 7',
        'announce evpn route ip-prefix rd 65000:22 prefix 10.22.0.0/16 vni 22 next-hop 198.51.100.1 path-information 8',
      ]),
    ).toEqual([]);
    const rib = async (): Promise<string[]> => {
      const text = (await gobgp('global', 'rib', '-a', 'evpn', '-j')).trim();
      return text === '' || text === 'null' ? [] : Object.keys(JSON.parse(text) as object).sort();
    };
    const mine = ['[type:Prefix][rd:65000:22][etag:0][prefix:10.22.0.0/16]', '[type:macadv][rd:65000:21][etag:0][mac:02:00:00:00:00:21][ip:10.2.0.1]'];
    await waitFor('GoBGP to hold both routes rxbgp sent', async () => ((await rib()).filter((k) => mine.includes(k)).length === 2 ? true : undefined));
    expect(
      await rx!.cliEach(['withdraw evpn route mac-ip rd 65000:21 mac 02:00:00:00:00:21 ip 10.2.0.1 path-information 7', 'withdraw evpn route ip-prefix rd 65000:22 prefix 10.22.0.0/16 path-information 8']),
    ).toEqual([]);
    await waitFor('GoBGP to drop them', async () => ((await rib()).some((k) => mine.includes(k)) ? undefined : true));
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
