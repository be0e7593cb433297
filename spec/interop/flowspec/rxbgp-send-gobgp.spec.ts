/**
 * rxbgp run as the FlowSpec SENDER to a real gobgpd (3.10): every IPv4 and IPv6 case of
 * flow-rules.ts (one per action) announced through `rxbgp cli announce flow route ...`, checked in
 * `gobgp global rib -a ipv4-flowspec|ipv6-flowspec -j` (the rule and its action communities), then
 * withdrawn through `rxbgp cli withdraw flow route ...` and checked gone.
 *
 * Left out (known GoBGP 3.10 limits, asserted with the raw speaker in gobgp-flow.spec.ts): the
 * RFC 8956 §3.1 IPv6 prefix offset (GoBGP stores it as an unknown NLRI) and rules of 240 octets or
 * more (GoBGP disables ipv4-flowspec for the session).
 */
import { IPV4_CASES, IPV6_CASES, type FlowCase } from './flow-rules';
import { gobgpFlowRib } from './daemon-views';
import { startGobgpFlow, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { RxbgpFlowSender } from './rxbgp-flow-sender';
import { pollUntil } from '../harness/poll';

const GOBGP: FlowDaemonOptions = { address: '127.0.0.205', port: 17205, asn: 65205, routerId: '192.0.2.205', neighbor: '127.0.0.206' };
const API_PORT = 50205;
const VIEW_TIMEOUT_MS = 20000;

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES];
const title = (c: FlowCase): [string, string, FlowCase] => [c.afi === 1 ? 'IPv4' : 'IPv6', c.action, c];

describe('rxbgp run sends FlowSpec to GoBGP', () => {
  let gobgp: FlowDaemon;
  let rx: RxbgpFlowSender;

  beforeAll(async () => {
    gobgp = await startGobgpFlow(GOBGP, API_PORT);
    rx = await RxbgpFlowSender.start(GOBGP, '192.0.2.206');
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await gobgp?.stop();
  }, 30000);

  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    pollUntil(`${gobgp.name} to show ${what}`, probe, {
      timeoutMs: VIEW_TIMEOUT_MS,
      intervalMs: 250,
      abort: () => rx.rxbgp.exitText() ?? gobgp.exited(),
      context: () => `${rx.diagnostics()}\n--- ${gobgp.name} ---\n${gobgp.logTail()}`,
    });

  it('rxbgp cli takes every announce flow route command (exit 0, nothing on stderr)', async () => {
    expect(await rx.cliEach(CASES.map((c) => `announce flow route ${c.text}`))).toEqual([]);
  });

  it.each(CASES.map(title))('%s %s: GoBGP holds the rule and its action', async (_v, _a, c) => {
    const view = await waitFor(c.gobgp!.rule, async () => (await gobgpFlowRib(gobgp, c.afi)).find((v) => v.rule === c.gobgp!.rule));
    expect(view).toEqual(c.gobgp);
  });

  it('GoBGP holds exactly these rules, nothing more', async () => {
    const rules = [...(await gobgpFlowRib(gobgp, 1)), ...(await gobgpFlowRib(gobgp, 2))].map((v) => v.rule).sort();
    expect(rules).toEqual(CASES.map((c) => c.gobgp!.rule).sort());
  });

  it('rxbgp cli withdraw flow route ... empties both GoBGP tables, session still up', async () => {
    expect(await rx.cliEach(CASES.map((c) => `withdraw flow route ${c.text}`))).toEqual([]);
    await waitFor('empty flowspec tables', async () => ((await gobgpFlowRib(gobgp, 1)).length + (await gobgpFlowRib(gobgp, 2)).length === 0 ? true : undefined));
    expect(rx.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
    expect(rx.rxbgp.events.filter((e) => e.type === 'state').map((e) => e.neighbor.state)).toEqual(['connected', 'up']);
  });

  it('re-announcing a rule with another action replaces the action GoBGP holds (one path), and a withdrawal names the rule whatever its actions', async () => {
    const rule = '[destination: 10.150.20.0/24][protocol: ==udp]';
    expect(await rx.cliEach(['announce flow route destination 10.150.20.0/24 protocol [ udp ] discard', 'announce flow route destination 10.150.20.0/24 protocol [ udp ] rate-limit 1000'])).toEqual([]);
    const rate = (v: { extcomms: readonly object[] }): unknown => (v.extcomms[0] as { rate?: number } | undefined)?.rate;
    await waitFor('the rule with rate-limit 1000', async () => ((await gobgpFlowRib(gobgp, 1)).find((v) => v.rule === rule && rate(v) === 1000) ? true : undefined));
    expect(await gobgpFlowRib(gobgp, 1)).toEqual([{ rule, extcomms: [{ type: 128, subtype: 6, as: 0, rate: 1000 }] }]);
    expect(await rx.cliEach(['withdraw flow route destination 10.150.20.0/24 protocol [ udp ] redirect 65000:1'])).toEqual([]);
    await waitFor('an empty ipv4-flowspec table', async () => ((await gobgpFlowRib(gobgp, 1)).length === 0 ? true : undefined));
  });
});
