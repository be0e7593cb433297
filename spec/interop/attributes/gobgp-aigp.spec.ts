/**
 * AIGP (RFC 7311) between rxbgp (bin/rxbgp, from dist/) and a real gobgpd (Debian's 3.10) on one
 * iBGP session, where RFC 7311 §3's AIGP_SESSION default is enabled on both sides:
 * - GoBGP originates a route with `aigp metric 200` and rxbgp prints it in its event as ExaBGP 5
 *   does (`"aigp": "0x00000000000000c8"`);
 * - rxbgp announces `... aigp 100` through `rxbgp cli` and GoBGP holds it with its AIGP TLV
 *   (`gobgp global rib -j`: `{ "type": 26, "value": [ { "type": 1, "metric": 100 } ] }`).
 * Next hops are 198.51.100.x: GoBGP treats a 127/8 next hop as unusable (PEERS.md).
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const GOBGP = { address: '127.0.105.10', port: 17110, asn: 65110, routerId: '192.0.2.110', neighbor: '127.0.105.11' };
const API_PORT = 50110;
const TIMEOUT_MS = 20000;

const gobgpToml = `[global.config]
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
      afi-safi-name = "ipv4-unicast"
`;

const gobgp = (...args: string[]): Promise<string> => runChecked('gobgp', ['-p', String(API_PORT), ...args], 10000);

type GobgpAttribute = { readonly type: number; readonly value?: unknown };

/** `gobgp global rib -a ipv4 -j`: the first path's attributes of `prefix`, if GoBGP holds it. */
async function gobgpAttributes(prefix: string): Promise<readonly GobgpAttribute[] | undefined> {
  const text = (await gobgp('global', 'rib', '-a', 'ipv4', '-j')).trim();
  const rib = text === '' || text === 'null' ? {} : (JSON.parse(text) as Record<string, ReadonlyArray<{ attrs?: readonly GobgpAttribute[] }>>);
  return rib[prefix]?.[0]?.attrs;
}

describe('AIGP between rxbgp and GoBGP', () => {
  let dir = '';
  let daemon: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  beforeAll(async () => {
    dir = makeTempDir('aigp-gobgp');
    const file = path.join(dir, 'gobgpd.toml');
    fs.writeFileSync(file, gobgpToml);
    daemon = new Child({ name: 'gobgpd', command: 'gobgpd', args: ['-f', file, '--api-hosts', `127.0.0.1:${API_PORT}`, '--pprof-disable'] });
    await pollUntil('gobgpd to answer its CLI', async () => ((await runCommand('gobgp', ['-p', String(API_PORT), 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: 15000,
      context: () => daemon!.lastLines(),
    });
    await gobgp('global', 'rib', 'add', '10.110.0.0/24', 'nexthop', '198.51.100.9', 'aigp', 'metric', '200');
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.111', { families: ['ipv4 unicast'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await daemon?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- gobgpd ---\n${daemon!.lastLines()}` });

  it("prints the AIGP of GoBGP's route as ExaBGP 5 does", async () => {
    const event = await waitFor("rxbgp to print GoBGP's route", () =>
      rx!.rxbgp.events.find((e) => e.type === 'update' && JSON.stringify(e).includes('10.110.0.0/24')),
    );
    const update = (event.neighbor.message as { update: { attribute: Record<string, unknown> } }).update;
    expect(update.attribute.aigp).toBe('0x00000000000000c8');
  });

  it('sends the AIGP of an announce route ... aigp 100, which GoBGP holds', async () => {
    expect(await rx!.cliEach(['announce route 10.111.0.0/24 next-hop 198.51.100.1 aigp 100'])).toEqual([]);
    const attrs = await waitFor('GoBGP to hold 10.111.0.0/24', () => gobgpAttributes('10.111.0.0/24'));
    expect(attrs.find((a) => a.type === 26)).toEqual({ type: 26, value: [{ type: 1, metric: 100 }] });
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });
});
