/**
 * FlowSpec rules encoded by lib/families/flowspec, sent by the raw speaker to a real BIRD 2
 * (Debian's 2.0.12, flow4/flow6 tables and channels): each action, IPv4 and IPv6, and their
 * withdrawal, checked in `birdc show route table flowtab4|flowtab6 all`.
 *
 * Found here (issue 12; bytes in flow-rules.ts):
 * - BIRD takes every rule and action the codec writes, including the RFC 8956 §3.1 prefix offset
 *   (07 01 60 40 12345678), shown as `dst ::1234:5678:0:0/96 offset 64`.
 * - The same rule as ExaBGP 4.2 and GoBGP encode it (the whole prefix after the offset,
 *   0f 01 60 40 0000000000000000 12345678) makes BIRD log "Invalid flow route: Bad component
 *   order" and reset the session with NOTIFICATION 3/1 (Malformed Attribute List).
 * - BIRD names FlowSpec action communities only as generic values, e.g. `(generic, 0x80060000, 0x0)`
 *   for discard, and the RFC 7674 0x010c redirect as `(unknown 0x10c, 198.51.100.7, 0)`.
 */
import { IPV4_CASES, IPV6_CASES, IPV6_OFFSET_CASE, IPV6_OFFSET_WHOLE_PREFIX_NLRI, type FlowCase } from './flow-rules';
import { birdFlowTable } from './daemon-views';
import { startBirdFlow, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { FLOW6, RawFlowSpeaker } from './raw-flow-speaker';
import { waitForView } from './wait';
import { pollUntil } from '../harness/poll';

const BIRD: FlowDaemonOptions = { address: '127.0.0.155', port: 17155, asn: 65155, routerId: '192.0.2.155', neighbor: '127.0.0.156' };
const connect = (): Promise<RawFlowSpeaker> =>
  RawFlowSpeaker.connect({ host: BIRD.address, port: BIRD.port, localAddress: BIRD.neighbor, asn: BIRD.asn, bgpId: '192.0.2.156' });

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES, IPV6_OFFSET_CASE];

describe('FlowSpec from the codec to BIRD 2', () => {
  let bird: FlowDaemon;
  let speaker: RawFlowSpeaker;

  beforeAll(async () => {
    bird = await startBirdFlow(BIRD);
    speaker = await connect();
  }, 30000);

  afterAll(async () => {
    speaker?.close();
    await bird?.stop();
  });

  it('negotiates ipv4 flow and ipv6 flow', () => {
    expect(speaker.peerFamilies).toEqual(expect.arrayContaining(['1/133', '2/133']));
  });

  it.each(CASES.map((c) => [c.afi === 1 ? 'IPv4' : 'IPv6', c.action, c] as const))('%s %s: BIRD holds the rule and its action', async (_v, _a, c) => {
    speaker.announce(c.text, c.options);
    const view = await waitForView(c.bird!.net, bird, speaker, async () => (await birdFlowTable(bird, c.afi)).find((v) => v.net === c.bird!.net));
    expect(view).toEqual(c.bird);
  });

  it('withdraws every rule: both tables empty, session still up', async () => {
    for (const c of CASES) speaker.withdraw(c.text, c.options);
    await waitForView('empty flow tables', bird, speaker, async () =>
      (await birdFlowTable(bird, 1)).length + (await birdFlowTable(bird, 2)).length === 0 ? true : undefined,
    );
    expect(speaker.closedReason).toBeUndefined();
  });

  it("resets the session on ExaBGP 4.2's and GoBGP's whole-prefix offset encoding (NOTIFICATION 3/1)", async () => {
    speaker.send({ family: FLOW6, nlri: Buffer.from(IPV6_OFFSET_WHOLE_PREFIX_NLRI, 'hex'), extendedCommunities: [0x8006000000000000n] });
    await pollUntil('BIRD to close the session', () => speaker.closedReason, { timeoutMs: 10000 });
    expect(speaker.notifications).toEqual(['0301']);
    expect(bird.log.join('\n')).toMatch(/Invalid flow route: Bad component order/);
  });
});
