/**
 * A neighbor with "flowspec": { "ipv6Offset": "whole-prefix" }: rxbgp sends IPv6 prefix offsets in
 * the form FRR 8.4 and ExaBGP 4.2 read (the whole prefix), where RFC 8956 §3.1's form makes FRR
 * reset the session (3/9) and ExaBGP drop the rule (frr-flow.spec.ts, exabgp-flow.spec.ts). The
 * rule `destination-ipv6 ::1234:5678:0:0/96/64 discard` through `rxbgp cli`: FRR holds it with its
 * offset and the session stays up; ExaBGP reports it announced, then withdrawn.
 */
import { frrFlowEntries } from './daemon-views';
import { startExabgpFlow, startFrrFlow, type ExabgpFlowDaemon, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { IPV6_OFFSET_CASE } from './flow-rules';
import { RxbgpFlowSender } from './rxbgp-flow-sender';
import { pollUntil } from '../harness/poll';

const FRR: FlowDaemonOptions = { address: '127.0.0.197', port: 17197, asn: 65197, routerId: '192.0.2.197', neighbor: '127.0.0.198' };
const EXABGP: FlowDaemonOptions = { address: '127.0.0.193', port: 17194, asn: 65193, routerId: '192.0.2.193', neighbor: '127.0.0.194' };
const WHOLE_PREFIX = { flowspec: { ipv6Offset: 'whole-prefix' } };
const TIMEOUT_MS = 20000;

describe('rxbgp sends IPv6 prefix offsets in the whole-prefix form to a neighbor configured so', () => {
  let frr: FlowDaemon;
  let exabgp: ExabgpFlowDaemon;
  let toFrr: RxbgpFlowSender;
  let toExabgp: RxbgpFlowSender;

  beforeAll(async () => {
    [frr, exabgp] = await Promise.all([startFrrFlow(FRR), startExabgpFlow(EXABGP)]);
    [toFrr, toExabgp] = await Promise.all([RxbgpFlowSender.start(FRR, '192.0.2.198', WHOLE_PREFIX), RxbgpFlowSender.start(EXABGP, '192.0.2.194', WHOLE_PREFIX)]);
  }, 90000);

  afterAll(async () => {
    await Promise.all([toFrr?.stop(), toExabgp?.stop()]);
    await Promise.all([frr?.stop(), exabgp?.stop()]);
  }, 30000);

  it('FRR holds the offset rule and keeps the session', async () => {
    expect(await toFrr.cliEach([`announce flow route ${IPV6_OFFSET_CASE.text}`])).toEqual([]);
    const entry = await pollUntil('FRR to hold the offset rule', async () => (await frrFlowEntries(frr, 2))[0], {
      timeoutMs: TIMEOUT_MS,
      intervalMs: 250,
      abort: () => toFrr.rxbgp.exitText() ?? frr.exited(),
      context: () => `${toFrr.diagnostics()}\n--- ${frr.name} ---\n${frr.logTail()}`,
    });
    expect(entry).toEqual(['Destination Address ::1234:5678:0:0/96/off 64', 'FS:rate 0.000000']);
    expect(await toFrr.cliEach([`withdraw flow route ${IPV6_OFFSET_CASE.text}`])).toEqual([]);
    await pollUntil('FRR to drop the rule', async () => ((await frrFlowEntries(frr, 2)).length === 0 ? true : undefined), { timeoutMs: TIMEOUT_MS, intervalMs: 250 });
    expect(toFrr.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
  });

  it('ExaBGP reports the offset rule announced, then withdrawn', async () => {
    const updates = (): string[] => exabgp.events().filter((l) => l.includes('"type": "update"') && l.includes('ipv6 flow'));
    for (const verb of ['announce', 'withdraw'] as const) {
      const before = updates().length;
      expect(await toExabgp.cliEach([`${verb} flow route ${IPV6_OFFSET_CASE.text}`])).toEqual([]);
      const event = await pollUntil(`ExaBGP's ${verb} event`, () => updates().slice(before)[0], {
        timeoutMs: TIMEOUT_MS,
        abort: () => toExabgp.rxbgp.exitText() ?? exabgp.exited(),
        context: () => `${toExabgp.diagnostics()}\n--- ${exabgp.name} ---\n${exabgp.logTail()}`,
      });
      expect(event).toContain(`"${verb}"`);
      expect(event).toContain('"destination-ipv6": [ "::1234:5678:0:0/96/64" ]');
    }
  });
});
