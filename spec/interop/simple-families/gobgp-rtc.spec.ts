/**
 * RTC (RFC 4684, "ipv4 rtc", GoBGP's "rtc") between rxbgp (bin/rxbgp, from dist/) and a real gobgpd
 * (Debian's 3.10), both directions, on one iBGP session:
 * - GoBGP originates a route target membership route for a VRF's import route target (`gobgp vrf
 *   add ... rt both ...`, as RFC 4684 §4 has a PE do) and rxbgp prints it in its ExaBGP JSON event
 *   (origin AS, route target, next hop), then its withdrawal when the VRF is deleted;
 * - rxbgp announces RTC routes through `rxbgp cli announce rtc ...` (a whole route target and the
 *   default route target constraint) and GoBGP holds each (`gobgp global rib -a rtc -j`), then drops
 *   them on `rxbgp cli withdraw rtc ...`.
 * GoBGP 3.10's CLI has no multicast or VPLS family (`unsupported address family`), so those are
 * checked with BIRD and ExaBGP (spec/interop/simple-families/). The default route target constraint
 * (`announce rtc prefix-length 0`, a zero-length NLRI, RFC 4684 §4) is left out: gobgpd 3.10 panics
 * on it (nil pointer in BgpServer.propagateUpdate, server.go:1223) and the session dies.
 */
import fs from 'fs';
import path from 'path';
import { Child } from '../harness/child';
import { runChecked, runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import type { ExaEvent } from '../harness/exabgp-json';
import { RxbgpFlowSender } from '../flowspec/rxbgp-flow-sender';

const GOBGP = { address: '127.0.104.11', port: 17911, asn: 65011, routerId: '192.0.2.111', neighbor: '127.0.104.12' };
const API_PORT = 51011;
const TIMEOUT_MS = 20000;

function gobgpToml(): string {
  return `[global.config]
  as = ${GOBGP.asn}
  router-id = "${GOBGP.routerId}"
  port = ${GOBGP.port}
  local-address-list = ["${GOBGP.address}"]
[[global.afi-safis]]
  [global.afi-safis.config]
    afi-safi-name = "rtc"
[[neighbors]]
  [neighbors.config]
    neighbor-address = "${GOBGP.neighbor}"
    peer-as = ${GOBGP.asn}
  [neighbors.transport.config]
    local-address = "${GOBGP.address}"
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "rtc"
`;
}

const gobgp = (...args: string[]): Promise<string> => runChecked('gobgp', ['-p', String(API_PORT), ...args], 10000);

/** `gobgp global rib -a rtc -j`: prefix -> the next hop of its first path. */
async function gobgpRtc(): Promise<Map<string, string | undefined>> {
  const text = (await gobgp('global', 'rib', '-a', 'rtc', '-j')).trim();
  const rib = text === '' || text === 'null' ? {} : (JSON.parse(text) as Record<string, ReadonlyArray<{ attrs?: ReadonlyArray<{ type: number; nexthop?: string }> }>>);
  return new Map(Object.entries(rib).map(([key, paths]) => [key, paths[0]!.attrs?.find((a) => a.type === 14)?.nexthop]));
}

function items(event: ExaEvent, what: 'announce' | 'withdraw'): unknown {
  const update = (event.neighbor as { message?: { update?: Record<string, Record<string, unknown>> } }).message?.update;
  return update?.[what]?.['ipv4 rtc'];
}

describe('RTC between rxbgp and GoBGP', () => {
  let dir = '';
  let daemon: Child | undefined;
  let rx: RxbgpFlowSender | undefined;

  beforeAll(async () => {
    dir = makeTempDir('rtc-gobgp');
    const file = path.join(dir, 'gobgpd.toml');
    fs.writeFileSync(file, gobgpToml());
    daemon = new Child({ name: 'gobgpd', command: 'gobgpd', args: ['-f', file, '--api-hosts', `127.0.0.1:${API_PORT}`, '--pprof-disable'] });
    await pollUntil('gobgpd to answer its CLI', async () => ((await runCommand('gobgp', ['-p', String(API_PORT), 'neighbor'])).code === 0 ? true : undefined), {
      timeoutMs: 15000,
      context: () => daemon!.lastLines(),
    });
    await gobgp('vrf', 'add', 'red', 'rd', '65011:1', 'rt', 'both', '65011:100');
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.112', { families: ['ipv4 rtc'] });
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await daemon?.stop();
    removeTempDir(dir);
  }, 30000);

  const waitFor = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> =>
    pollUntil(what, probe, { timeoutMs: TIMEOUT_MS, intervalMs: 250, abort: () => rx!.rxbgp.exitText(), context: () => `${rx!.diagnostics()}\n--- gobgpd ---\n${daemon!.lastLines()}` });

  it("rxbgp prints the route target membership route of GoBGP's VRF (origin AS, route target, next hop)", async () => {
    const event = await waitFor("rxbgp to print GoBGP's rtc route", () => rx!.rxbgp.events.find((e) => e.type === 'update' && items(e, 'announce') !== undefined));
    expect(items(event, 'announce')).toEqual({ [GOBGP.address]: [{ origin: 65011, 'route-target': 'target:65011:100' }] });
  });

  it('GoBGP holds the RTC routes rxbgp announces with `rxbgp cli announce rtc ...`', async () => {
    expect(
      await rx!.cliEach(['announce rtc origin-as 65012 route-target target:65012:7 next-hop 198.51.100.1', 'announce rtc origin-as 65012 route-target target:192.0.2.1:8 next-hop 198.51.100.1']),
    ).toEqual([]);
    const rib = await waitFor('GoBGP to hold both rtc routes', async () => {
      const held = await gobgpRtc();
      return held.has('65012:65012:7') && held.has('65012:192.0.2.1:8') ? held : undefined;
    });
    expect([rib.get('65012:65012:7'), rib.get('65012:192.0.2.1:8')]).toEqual(['198.51.100.1', '198.51.100.1']);
  });

  it('GoBGP drops them on `rxbgp cli withdraw rtc ...`, the session still up', async () => {
    expect(await rx!.cliEach(['withdraw rtc origin-as 65012 route-target target:65012:7', 'withdraw rtc origin-as 65012 route-target target:192.0.2.1:8'])).toEqual([]);
    await waitFor('GoBGP to drop the rtc routes', async () => {
      const held = await gobgpRtc();
      return held.has('65012:65012:7') || held.has('65012:192.0.2.1:8') ? undefined : true;
    });
    expect(rx!.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });

  it("rxbgp prints the withdrawal when GoBGP's VRF goes", async () => {
    await gobgp('vrf', 'del', 'red');
    const event = await waitFor("rxbgp to print GoBGP's rtc withdrawal", () => rx!.rxbgp.events.find((e) => e.type === 'update' && items(e, 'withdraw') !== undefined));
    expect(items(event, 'withdraw')).toEqual([{ origin: 65011, 'route-target': 'target:65011:100' }]);
  });
});
