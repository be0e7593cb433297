/**
 * rxbgp run as the FlowSpec SENDER to a real BIRD 2 (2.0.12, flow4/flow6 tables): every IPv4 and
 * IPv6 case of flow-rules.ts (one per action), and the RFC 8956 §3.1 IPv6 prefix offset (BIRD is
 * the one daemon here that reads it), announced through `rxbgp cli announce flow route ...` (IPv6
 * rules in the form that names the family, `announce ipv6 flow route ...`),
 * checked in `birdc show route table flowtab4|flowtab6 all` (the rule and BGP.ext_community),
 * then withdrawn through `rxbgp cli withdraw flow route ...` and checked gone
 * (`withdraw ipv6 flow route ...` for IPv6).
 *
 * Left out: rules of 240 octets or more (BIRD takes them, see bird-flow.spec.ts, but no other
 * daemon does; rxbgp's encoding of them is the codec's, covered there).
 */
import { IPV4_CASES, IPV6_CASES, IPV6_OFFSET_CASE, type FlowCase } from './flow-rules';
import { birdFlowTable } from './daemon-views';
import { startBirdFlow, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { RxbgpFlowSender } from './rxbgp-flow-sender';
import { pollUntil } from '../harness/poll';

const BIRD: FlowDaemonOptions = { address: '127.0.0.207', port: 17207, asn: 65207, routerId: '192.0.2.207', neighbor: '127.0.0.208' };
const VIEW_TIMEOUT_MS = 20000;

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES, IPV6_OFFSET_CASE];
const title = (c: FlowCase): [string, string, FlowCase] => [c.afi === 1 ? 'IPv4' : 'IPv6', c.action, c];
/** The command for a case: IPv6 rules name their family (`announce ipv6 flow route ...`). */
const command = (verb: 'announce' | 'withdraw', c: FlowCase): string => `${verb} ${c.afi === 2 ? 'ipv6 ' : ''}flow route ${c.text}`;

describe('rxbgp run sends FlowSpec to BIRD 2', () => {
  let bird: FlowDaemon;
  let rx: RxbgpFlowSender;

  beforeAll(async () => {
    bird = await startBirdFlow(BIRD);
    rx = await RxbgpFlowSender.start(BIRD, '192.0.2.208');
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await bird?.stop();
  }, 30000);

  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    pollUntil(`${bird.name} to show ${what}`, probe, {
      timeoutMs: VIEW_TIMEOUT_MS,
      intervalMs: 250,
      abort: () => rx.rxbgp.exitText() ?? bird.exited(),
      context: () => `${rx.diagnostics()}\n--- ${bird.name} ---\n${bird.logTail()}`,
    });

  it('rxbgp cli takes every announce flow route command (exit 0, nothing on stderr)', async () => {
    expect(await rx.cliEach(CASES.map((c) => command('announce', c)))).toEqual([]);
  });

  it.each(CASES.map(title))('%s %s: BIRD holds the rule and its action', async (_v, _a, c) => {
    const view = await waitFor(c.bird!.net, async () => (await birdFlowTable(bird, c.afi)).find((v) => v.net === c.bird!.net));
    expect(view).toEqual(c.bird);
  });

  it('BIRD holds exactly these rules, nothing more', async () => {
    const nets = [...(await birdFlowTable(bird, 1)), ...(await birdFlowTable(bird, 2))].map((v) => v.net).sort();
    expect(nets).toEqual(CASES.map((c) => c.bird!.net).sort());
  });

  it('rxbgp cli withdraw flow route ... empties both BIRD tables, session still up', async () => {
    expect(await rx.cliEach(CASES.map((c) => command('withdraw', c)))).toEqual([]);
    await waitFor('empty flow tables', async () => ((await birdFlowTable(bird, 1)).length + (await birdFlowTable(bird, 2)).length === 0 ? true : undefined));
    expect(rx.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
    expect(rx.rxbgp.events.filter((e) => e.type === 'state').map((e) => e.neighbor.state)).toEqual(['connected', 'up']);
  });
});
