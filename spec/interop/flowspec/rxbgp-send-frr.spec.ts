/**
 * rxbgp run as the FlowSpec SENDER to a real FRR bgpd (8.4.4, address-family ipv4|ipv6 flowspec,
 * without zebra): every IPv4 and IPv6 case of flow-rules.ts (one per action) announced through
 * `rxbgp cli announce flow route ...`, checked in `show bgp ipv4|ipv6 flowspec detail`, then
 * withdrawn through `rxbgp cli withdraw flow route ...` and checked gone.
 *
 * Left out (FRR 8.4 limits, asserted with the raw speaker in frr-flow.spec.ts): the RFC 8956 §3.1
 * IPv6 prefix offset and rules of 240 octets or more, which FRR answers with NOTIFICATION 3/9;
 * rxbgp would then resend them on every new session.
 */
import { IPV4_CASES, IPV6_CASES, type FlowCase } from './flow-rules';
import { frrFlowEntries } from './daemon-views';
import { startFrrFlow, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { RxbgpFlowSender } from './rxbgp-flow-sender';
import { pollUntil } from '../harness/poll';

const FRR: FlowDaemonOptions = { address: '127.0.0.209', port: 17209, asn: 65209, routerId: '192.0.2.209', neighbor: '127.0.0.210' };
const VIEW_TIMEOUT_MS = 20000;

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES];
const title = (c: FlowCase): [string, string, FlowCase] => [c.afi === 1 ? 'IPv4' : 'IPv6', c.action, c];
/** An entry is named by its first line (the destination, unique per case). */
const sameEntry = (a: readonly string[], b: readonly string[]): boolean => a[0] === b[0];

describe('rxbgp run sends FlowSpec to FRR', () => {
  let frr: FlowDaemon;
  let rx: RxbgpFlowSender;

  beforeAll(async () => {
    frr = await startFrrFlow(FRR);
    rx = await RxbgpFlowSender.start(FRR, '192.0.2.210');
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await frr?.stop();
  }, 30000);

  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    pollUntil(`${frr.name} to show ${what}`, probe, {
      timeoutMs: VIEW_TIMEOUT_MS,
      intervalMs: 250,
      abort: () => rx.rxbgp.exitText() ?? frr.exited(),
      context: () => `${rx.diagnostics()}\n--- ${frr.name} ---\n${frr.logTail()}`,
    });

  it('rxbgp cli takes every announce flow route command (exit 0, nothing on stderr)', async () => {
    expect(await rx.cliEach(CASES.map((c) => `announce flow route ${c.text}`))).toEqual([]);
  });

  it.each(CASES.map(title))('%s %s: FRR holds the rule and its action', async (_v, _a, c) => {
    const entry = await waitFor(c.frr![0]!, async () => (await frrFlowEntries(frr, c.afi)).find((e) => sameEntry(e, c.frr!)));
    expect(entry).toEqual(c.frr);
  });

  it('FRR holds exactly these rules, nothing more', async () => {
    const entries = [...(await frrFlowEntries(frr, 1)), ...(await frrFlowEntries(frr, 2))].map((e) => e[0]).sort();
    expect(entries).toEqual(CASES.map((c) => c.frr![0]).sort());
  });

  it('rxbgp cli withdraw flow route ... empties both FRR tables, session still up', async () => {
    expect(await rx.cliEach(CASES.map((c) => `withdraw flow route ${c.text}`))).toEqual([]);
    await waitFor('empty flowspec tables', async () => ((await frrFlowEntries(frr, 1)).length + (await frrFlowEntries(frr, 2)).length === 0 ? true : undefined));
    expect(rx.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
    expect(rx.rxbgp.events.filter((e) => e.type === 'state').map((e) => e.neighbor.state)).toEqual(['connected', 'up']);
  });
});
