/**
 * FlowSpec with a real BIRD 2 (Debian's 2.0.12, flow4/flow6 tables and channels), both ways:
 * - rules encoded by lib/families/flowspec, sent by the raw speaker: each action, IPv4 and IPv6,
 *   and their withdrawal, checked in `birdc show route table flowtab4|flowtab6 all`;
 * - static flow routes BIRD originates and then withdraws, decoded with decodeFlowNlri +
 *   flowRuleJson and compared with `exabgp --decode` on the same bytes.
 *
 * Found here (issue 12; bytes in flow-rules.ts):
 * - BIRD takes every rule and action the codec writes, including the RFC 8956 §3.1 prefix offset
 *   (07 01 60 40 12345678), shown as `dst ::1234:5678:0:0/96 offset 64`.
 * - The same rule as ExaBGP 4.2 and GoBGP encode it (the whole prefix after the offset,
 *   0f 01 60 40 0000000000000000 12345678) makes BIRD log "Invalid flow route: Bad component
 *   order" and reset the session with NOTIFICATION 3/1 (Malformed Attribute List).
 * - BIRD originates (static flow4/flow6 routes) the RFC form too: 07 01 60 40 12345678 for
 *   `dst ::1234:5678:0:0/96 offset 64`, which the codec reads back as ::1234:5678:0:0/96/64 and
 *   `exabgp --decode` silently drops (its announcement shows attributes only; its withdrawal
 *   lists the other rule of the same UPDATE only).
 * - A rule of 276 octets (2-octet NLRI length f1 14, RFC 8955 §4.1) is taken; `show route` cuts
 *   its text at 256 characters ("... 1042,104 ...}").
 * - An IPv6 rule whose action is an IPv6 extended community (attribute 25, redirect-to-nexthop-ietf
 *   0x000c) is taken; `show route all` prints no line for that attribute.
 * - BIRD names FlowSpec action communities only as generic values, e.g. `(generic, 0x80060000, 0x0)`
 *   for discard, and the RFC 7674 0x010c redirect as `(unknown 0x10c, 198.51.100.7, 0)`.
 */
import { IPV4_CASES, IPV6_CASES, IPV6_OFFSET_CASE, IPV6_OFFSET_WHOLE_PREFIX_NLRI, LONG_CASE, longCasePorts, type FlowCase } from './flow-rules';
import { birdFlowTable } from './daemon-views';
import { startBirdFlow, type BirdFlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { FLOW6, RawFlowSpeaker } from './raw-flow-speaker';
import { waitForView } from './wait';
import { exabgpDecode, flowRuleCount, ourFlowJson } from './exabgp-oracle';
import { pollUntil } from '../harness/poll';

const BIRD: FlowDaemonOptions = { address: '127.0.0.155', port: 17155, asn: 65155, routerId: '192.0.2.155', neighbor: '127.0.0.156' };
const connect = (): Promise<RawFlowSpeaker> =>
  RawFlowSpeaker.connect({ host: BIRD.address, port: BIRD.port, localAddress: BIRD.neighbor, asn: BIRD.asn, bgpId: '192.0.2.156' });

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES, IPV6_OFFSET_CASE];

/** Static flow routes BIRD originates (its own syntax), with the JSON our decoder must give for each rule. */
const ORIGINATED: ReadonlyArray<{ readonly route: string; readonly json: string; readonly offset?: boolean }> = [
  {
    route: 'flow4 { dst 10.170.1.0/24; proto 6; dport 80; } { bgp_ext_community.add((generic, 0x80060000, 0)); }',
    json: '{ "destination-ipv4": [ "10.170.1.0/24" ], "protocol": [ "=tcp" ], "destination-port": [ "=80" ], "string": "flow destination-ipv4 10.170.1.0/24 protocol =tcp destination-port =80" }',
  },
  {
    route: 'flow4 { dst 10.170.2.0/24; sport 53; length > 500; } { bgp_ext_community.add((generic, 0x80060000, 0x46160000)); }',
    json: '{ "destination-ipv4": [ "10.170.2.0/24" ], "source-port": [ "=53" ], "packet-length": [ ">500" ], "string": "flow destination-ipv4 10.170.2.0/24 source-port =53 packet-length >500" }',
  },
  {
    route: 'flow4 { dst 10.170.3.0/24; tcp flags 0x2/0x2; fragment is_fragment; } { bgp_ext_community.add((generic, 0x8008fde8, 0x64)); }',
    json: '{ "destination-ipv4": [ "10.170.3.0/24" ], "tcp-flags": [ "=syn" ], "fragment": [ "=is-fragment" ], "string": "flow destination-ipv4 10.170.3.0/24 tcp-flags =syn fragment =is-fragment" }',
  },
  {
    route: 'flow6 { dst 2001:db8:170:1::/64; next header 17; label 7; } { bgp_ext_community.add((generic, 0x80090000, 0x2e)); }',
    json: '{ "destination-ipv6": [ "2001:db8:170:1::/64/0" ], "next-header": [ "=udp" ], "flow-label": [ "=7" ], "string": "flow destination-ipv6 2001:db8:170:1::/64/0 next-header =udp flow-label =7" }',
  },
  {
    // BIRD writes the RFC 8956 §3.1 form, 07 01 60 40 12345678, as the codec does.
    route: 'flow6 { dst ::1234:5678:0:0/96 offset 64; } { bgp_ext_community.add((generic, 0x80060000, 0)); }',
    json: '{ "destination-ipv6": [ "::1234:5678:0:0/96/64" ], "string": "flow destination-ipv6 ::1234:5678:0:0/96/64" }',
    offset: true,
  },
];

describe('FlowSpec from the codec to BIRD 2', () => {
  let bird: BirdFlowDaemon;
  let speaker: RawFlowSpeaker;

  beforeAll(async () => {
    bird = await startBirdFlow(BIRD, ORIGINATED.map((o) => o.route));
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

  it('a rule of 256 octets or more (2-octet NLRI length): BIRD holds it (its text stops at 256 characters)', async () => {
    expect(speaker.announce(LONG_CASE.text)).toMatch(/900e....0001850000f1/);
    const view = await waitForView('the long rule', bird, speaker, async () => (await birdFlowTable(bird, 1)).find((v) => v.net.startsWith('flow4 { dst 10.150.12.0/24;')));
    expect(view.net).toMatch(/^flow4 \{ dst 10\.150\.12\.0\/24; port 1000,1001,1002,.*,1042,104 \.\.\.\}$/);
    expect(longCasePorts(view.net)).toBe(43);
    expect(view.extcomms).toBe('(generic, 0x80060000, 0x0)');
    expect(speaker.closedReason).toBeUndefined();
  });

  it('withdraws every rule: both tables empty, session still up', async () => {
    for (const c of [...CASES, LONG_CASE]) speaker.withdraw(c.text, c.options);
    await waitForView('empty flow tables', bird, speaker, async () =>
      (await birdFlowTable(bird, 1)).length + (await birdFlowTable(bird, 2)).length === 0 ? true : undefined,
    );
    expect(speaker.closedReason).toBeUndefined();
  });

  describe('from BIRD to the codec, against exabgp --decode', () => {
    const announced: Buffer[] = [];
    const withdrawn: Buffer[] = [];
    let exabgp: string[] = [];

    beforeAll(async () => {
      const total = (updates: readonly Buffer[]): number => updates.reduce((n, m) => n + flowRuleCount(m), 0);
      announced.push(...(await speaker.waitForUpdates('BIRD\'s static flow rules', (u) => total(u) >= ORIGINATED.length)).filter((m) => flowRuleCount(m) > 0));
      const before = speaker.updates.length;
      await bird.originate([]);
      withdrawn.push(...(await speaker.waitForUpdates('BIRD\'s withdrawals', (u) => total(u.slice(before)) >= ORIGINATED.length)).slice(before).filter((m) => flowRuleCount(m) > 0));
      exabgp = await exabgpDecode([...announced, ...withdrawn].map((m) => m.toString('hex')));
    }, 120000);

    it('decodes every rule BIRD sends and withdraws, without error', () => {
      const ours = [...announced, ...withdrawn].flatMap(ourFlowJson);
      const announce = ours.filter((j) => j.startsWith('"announce"')).join('\n');
      const withdraw = ours.filter((j) => j.startsWith('"withdraw"')).join('\n');
      expect(ours.join('\n')).not.toContain('MALFORMED');
      for (const o of ORIGINATED) {
        expect(announce).toContain(o.json);
        expect(withdraw).toContain(o.json);
      }
    });

    it('exabgp --decode prints the same JSON, except that it silently drops the RFC 8956 offset rule', () => {
      const messages = [...announced, ...withdrawn];
      messages.forEach((m, i) => {
        const ours = ourFlowJson(m)[0]!;
        if (ours.includes('/96/64')) {
          if (ours.startsWith('"announce"')) expect(exabgp[i]).not.toContain('"announce"');
          else expect(exabgp[i]).not.toContain('1234:5678');
        } else {
          expect(exabgp[i]).toContain(ours);
        }
      });
      const theirWithdrawals = exabgp.slice(announced.length).join('\n');
      for (const o of ORIGINATED.filter((r) => !r.offset)) expect(theirWithdrawals).toContain(o.json);
    });
  });

  it("resets the session on ExaBGP 4.2's and GoBGP's whole-prefix offset encoding (NOTIFICATION 3/1)", async () => {
    speaker.send({ family: FLOW6, nlri: Buffer.from(IPV6_OFFSET_WHOLE_PREFIX_NLRI, 'hex'), extendedCommunities: [0x8006000000000000n] });
    await pollUntil('BIRD to close the session', () => speaker.closedReason, { timeoutMs: 10000 });
    expect(speaker.notifications).toEqual(['0301']);
    expect(bird.log.join('\n')).toMatch(/Invalid flow route: Bad component order/);
  });
});
