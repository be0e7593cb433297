/**
 * FlowSpec rules encoded by lib/families/flowspec, sent by the raw speaker to a real FRR bgpd
 * (Debian's 8.4.4, `address-family ipv4|ipv6 flowspec`, without zebra): each action, IPv4 and
 * IPv6, and their withdrawal, checked in `show bgp ipv4|ipv6 flowspec detail`.
 *
 * Found here (issue 12):
 * - FRR takes every rule and action the codec writes with a zero IPv6 offset.
 * - FRR 8.4 reads an IPv6 prefix offset as ExaBGP 4.2 and GoBGP write it (the whole prefix after
 *   the offset), not as RFC 8956 §3.1 says (only the bits after the offset):
 *   - the codec's RFC bytes for `destination-ipv6 ::1234:5678:0:0/96/64` (07 01 60 40 12345678) give
 *     "Bad flowspec format or NLRI options not supported" and a session reset with NOTIFICATION
 *     3/9 (Optional Attribute Error), where RFC 8955 §4 / RFC 7606 ask for treat-as-withdraw;
 *   - the whole-prefix form (0f 01 60 40 0000000000000000 12345678) is taken and shown as
 *     "::1234:5678:0:0/96/off 64".
 *   So a FlowSpec family must not send FRR an offset rule in the RFC form (or must offer the
 *   legacy form per neighbor).
 * - FRR 8.4 takes no rule of 240 octets or more: the codec's 276-octet rule (NLRI length f1 14,
 *   RFC 8955 §4.1; BIRD takes it) gives "Bad flowspec format or NLRI options not supported" and a
 *   session reset with NOTIFICATION 3/9.
 * - FRR shows the IPv6 redirect-to-nexthop-ietf action (attribute 25, 0x000c) as "UNK:0, 12", and
 *   the RFC 7674 redirect with an IPv6 next hop as "FS:redirect IP 0x0" plus "NLRI NH 2001:db8::8".
 * - FRR prints every traffic-action value the same way, "FS:action eval stops": sample (0x02),
 *   terminal (0x01) and sample-terminal (0x03) alike (and RFC 8955 §7.3's T bit means evaluation
 *   goes on); only the community bytes, checked by the other daemons, tell them apart; the RFC 7674 redirect (0x0800 with the MP_REACH next hop) as
 *   "FS:redirect IP 0x0" plus "NLRI NH 198.51.100.8", and next-header as "IP Protocol".
 */
import { IPV4_CASES, IPV6_CASES, IPV6_OFFSET_CASE, IPV6_OFFSET_WHOLE_PREFIX_NLRI, LONG_CASE, type FlowCase } from './flow-rules';
import { frrFlowEntries } from './daemon-views';
import { startFrrFlow, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { FLOW6, RawFlowSpeaker } from './raw-flow-speaker';
import { waitForView } from './wait';
import { pollUntil } from '../harness/poll';

const FRR: FlowDaemonOptions = { address: '127.0.0.157', port: 17157, asn: 65157, routerId: '192.0.2.157', neighbor: '127.0.0.158' };
const connect = (): Promise<RawFlowSpeaker> =>
  RawFlowSpeaker.connect({ host: FRR.address, port: FRR.port, localAddress: FRR.neighbor, asn: FRR.asn, bgpId: '192.0.2.158' }, 30000);
/** FRR refuses a new connection for a moment after the last one closed: try again until it takes one. */
const reconnect = (): Promise<RawFlowSpeaker> =>
  pollUntil('FRR to take a new session', async () => {
    try {
      return await connect();
    } catch {
      return undefined;
    }
  }, { timeoutMs: 40000, intervalMs: 1000 });

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES];
const sameEntry = (a: readonly string[], b: readonly string[]): boolean => a[0] === b[0];

describe('FlowSpec from the codec to FRR', () => {
  let frr: FlowDaemon;
  let speaker: RawFlowSpeaker;

  beforeAll(async () => {
    frr = await startFrrFlow(FRR);
    speaker = await connect();
  }, 45000);

  afterAll(async () => {
    speaker?.close();
    await frr?.stop();
  });

  it('negotiates ipv4 flow and ipv6 flow', () => {
    expect(speaker.peerFamilies).toEqual(expect.arrayContaining(['1/133', '2/133']));
  });

  it.each(CASES.map((c) => [c.afi === 1 ? 'IPv4' : 'IPv6', c.action, c] as const))('%s %s: FRR holds the rule and its action', async (_v, _a, c) => {
    speaker.announce(c.text, c.options);
    const entry = await waitForView(c.frr![0]!, frr, speaker, async () => (await frrFlowEntries(frr, c.afi)).find((e) => sameEntry(e, c.frr!)));
    expect(entry.filter((line) => !line.startsWith('BGP flowspec'))).toEqual(c.frr);
  });

  it('withdraws every rule: both tables empty, session still up', async () => {
    for (const c of CASES) speaker.withdraw(c.text, c.options);
    await waitForView('empty flowspec tables', frr, speaker, async () =>
      (await frrFlowEntries(frr, 1)).length + (await frrFlowEntries(frr, 2)).length === 0 ? true : undefined,
    );
    expect(speaker.closedReason).toBeUndefined();
  });

  it('resets the session on an RFC 8956 prefix offset (NOTIFICATION 3/9), a FRR 8.4 limit', async () => {
    speaker.announce(IPV6_OFFSET_CASE.text, IPV6_OFFSET_CASE.options);
    expect(speaker.sent[speaker.sent.length - 1]).toContain('0701604012345678');
    await pollUntil('FRR to close the session', () => speaker.closedReason, { timeoutMs: 10000 });
    expect(speaker.notifications).toEqual(['0309']);
    expect(frr.log.join('\n')).toMatch(/Bad flowspec format or NLRI options not supported/);
  });

  it("takes ExaBGP 4.2's and GoBGP's whole-prefix offset form instead (the form RFC 8956 §3.1 does not use)", async () => {
    speaker.close();
    speaker = await connect();
    speaker.send({ family: FLOW6, nlri: Buffer.from(IPV6_OFFSET_WHOLE_PREFIX_NLRI, 'hex'), extendedCommunities: [0x8006000000000000n] });
    const entry = await waitForView('the offset rule', frr, speaker, async () => (await frrFlowEntries(frr, 2))[0]);
    expect(entry).toEqual(['Destination Address ::1234:5678:0:0/96/off 64', 'FS:rate 0.000000']);
  }, 45000);

  it('resets the session on a rule of 256 octets or more (2-octet NLRI length f1 14, NOTIFICATION 3/9), a FRR 8.4 limit', async () => {
    speaker.close();
    speaker = await reconnect();
    const before = frr.log.length;
    expect(speaker.announce(LONG_CASE.text)).toMatch(/900e....0001850000f114/);
    await pollUntil('FRR to close the session', () => speaker.closedReason, { timeoutMs: 10000 });
    expect(speaker.notifications).toEqual(['0309']);
    expect(frr.log.slice(before).join('\n')).toMatch(/Bad flowspec format or NLRI options not supported/);
  }, 60000);
});
