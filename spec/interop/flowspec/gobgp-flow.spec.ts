/**
 * FlowSpec with a real gobgpd (Debian's 3.10, afi-safi "ipv4-flowspec" / "ipv6-flowspec"), both ways:
 * - rules encoded by lib/families/flowspec, sent by the raw speaker, each action, IPv4 and IPv6,
 *   then withdrawn, checked in `gobgp global rib -a ipv4-flowspec|ipv6-flowspec -j`;
 * - rules GoBGP originates (`gobgp global rib -a ipv4-flowspec add match ... then ...`), decoded with
 *   decodeFlowNlri + flowRuleJson and compared with what `exabgp --decode` prints for the same bytes,
 *   then GoBGP's withdrawals likewise.
 *
 * Found here (issue 12):
 * - GoBGP takes every IPv4 and IPv6 rule and action the codec writes with a zero IPv6 offset,
 *   and flow-vpn rules (SAFI 134) with type 0 and type 1 route distinguishers.
 * - The RFC 8956 §3.1 prefix offset (07 01 60 40 12345678) is not understood: GoBGP keeps the
 *   session but stores the NLRI as "[unknown:[1 96 64 18 52 86 120]]" with no attributes, and
 *   `gobgp global rib -a ipv6-flowspec` (text output) then panics with a nil pointer dereference
 *   (neighbor.go:634); only `-j` still answers. GoBGP itself writes the whole prefix after the
 *   offset, as ExaBGP 4.2 does (see spec/interop/flowspec-gobgp-vectors.spec.ts).
 * - A rule of 256 octets or more (the codec's 276-octet rule, NLRI length f1 14 per RFC 8955 §4.1,
 *   which BIRD takes) is not read: GoBGP logs "not all flowspec component bytes available" and
 *   "Capability was disabled" for ipv4-flowspec, i.e. it stops taking IPv4 FlowSpec from the peer.
 * - GoBGP does not know the RFC 7674 redirect-to-IP community 0x0800 (IPv4 or IPv6 next hop): it
 *   keeps it as an opaque extended community ("[0]" in its text) and shows no next hop.
 * - The IPv6 redirect-to-nexthop-ietf action (attribute 25, type 0x000c) is kept and shown in
 *   attribute 25 as "2001:db8::7:0".
 * - From GoBGP: ExaBGP 4.2 is right about every rule below except the ones listed in
 *   EXABGP_WRONG (4-octet-AS redirect 0x8208, the IPv4 route-target redirect 0x8108 and the
 *   IPv6 redirect it cannot name, a multi-bit tcp-flags value it splits into items).
 */
import { flowExtendedCommunityText, flowIpv6ExtendedCommunityText } from '../../../lib/families/flowspec';
import { attributeValues } from '../../families/flowspec/helpers/attributes';
import { IPV4_CASES, IPV6_CASES, IPV6_OFFSET_CASE, LONG_CASE, VPN_CASES, longCasePorts, type FlowCase } from './flow-rules';
import { gobgpFlowRib } from './daemon-views';
import { exabgpDecode, flowRuleCount, ourCommunityTexts, ourFlowJson } from './exabgp-oracle';
import { startGobgpFlow, type FlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { FLOW4, FLOW4_VPN, FLOW6, FLOW6_VPN, RawFlowSpeaker } from './raw-flow-speaker';
import { waitForView } from './wait';
import { pollUntil } from '../harness/poll';

const GOBGP: FlowDaemonOptions = { address: '127.0.0.153', port: 17153, asn: 65153, routerId: '192.0.2.153', neighbor: '127.0.0.154' };
const API_PORT = 50153;

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES];

/** Rules GoBGP originates, with the action text our codec must give (ExaBGP's words where it has them). */
interface Origination {
  readonly name: string;
  readonly family: 'ipv4-flowspec' | 'ipv6-flowspec';
  readonly args: string;
  readonly actions: readonly string[];
  /** ExaBGP 4.2 gets it wrong: what its output holds instead (substring or pattern). */
  readonly exabgpWrong?: string | RegExp;
  /** The mistake is in the rule, so ExaBGP's withdrawal shows it too. */
  readonly wrongInWithdraw?: boolean;
  /** Where ExaBGP is wrong about the rule: what our JSON says instead. */
  readonly ours?: string;
}

const ORIGINATED: readonly Origination[] = [
  { name: 'IPv4 discard', family: 'ipv4-flowspec', args: 'match destination 10.160.1.0/24 protocol tcp destination-port ==80 then discard', actions: ['rate-limit:0'] },
  { name: 'IPv4 rate-limit', family: 'ipv4-flowspec', args: 'match destination 10.160.2.0/24 source 10.0.0.0/8 protocol udp source-port ==53 packet-length >=500 then rate-limit 1000', actions: ['rate-limit:1000'] },
  { name: 'IPv4 redirect AS:NN', family: 'ipv4-flowspec', args: 'match destination 10.160.3.0/24 icmp-type ==8 icmp-code ==0 then redirect 65000:100', actions: ['redirect:65000:100'] },
  { name: 'IPv4 mark', family: 'ipv4-flowspec', args: 'match destination 10.160.4.0/24 dscp ==10 fragment is-fragment then mark 46', actions: ['mark 46'] },
  { name: 'IPv4 action sample-terminal', family: 'ipv4-flowspec', args: 'match destination 10.160.5.0/24 port >=8080 &<=8088 then action sample-terminal', actions: ['action sample-terminal'] },
  { name: 'IPv4 redirect IP:NN (0x8108)', family: 'ipv4-flowspec', args: 'match destination 10.160.6.0/24 then redirect 192.0.2.1:7', actions: ['redirect:192.0.2.1:7'], exabgpWrong: '"string": "" }' },
  { name: 'IPv4 redirect 4-octet AS (0x8208)', family: 'ipv4-flowspec', args: 'match destination 10.160.7.0/24 then redirect 64086.59904:7', actions: ['redirect:4200000000:7'], exabgpWrong: /^FAILED/ },
  { name: 'IPv4 tcp-flags of two bits', family: 'ipv4-flowspec', args: 'match destination 10.160.8.0/24 tcp-flags =SA then rate-limit 2000', actions: ['rate-limit:2000'], exabgpWrong: '"tcp-flags": [ "=syn", "=ack" ]', wrongInWithdraw: true, ours: '"tcp-flags": [ "=syn+ack" ]' },
  { name: 'IPv6 discard', family: 'ipv6-flowspec', args: 'match destination 2001:db8:160:1::/64 protocol udp destination-port ==53 then discard', actions: ['rate-limit:0'] },
  { name: 'IPv6 rate-limit', family: 'ipv6-flowspec', args: 'match destination 2001:db8:160:2::/64 source 2001:db8:ffff::/48 label ==7 then rate-limit 3000', actions: ['rate-limit:3000'] },
  { name: 'IPv6 mark', family: 'ipv6-flowspec', args: 'match destination 2001:db8:160:3::/64 then mark 10', actions: ['mark 10'] },
  { name: 'IPv6 redirect AS:NN', family: 'ipv6-flowspec', args: 'match destination 2001:db8:160:4::/64 then redirect 65000:200', actions: ['redirect:65000:200'] },
  { name: 'IPv6 redirect to an IPv6 target', family: 'ipv6-flowspec', args: 'match destination 2001:db8:160:5::/64 then redirect 2001:db8::1:100', actions: ['redirect:[2001:db8::1]:100'], exabgpWrong: /^FAILED/ },
];

/** Our text for every action community of an UPDATE: RFC 4360 ones and RFC 5701 IPv6 ones. */
function actionTexts(message: Buffer): string[] {
  const texts = attributeValues(message).extendedCommunities.map((v) => flowExtendedCommunityText(v) ?? `unknown ${v.toString(16)}`);
  let at = 19;
  at += 2 + message.readUInt16BE(at);
  const end = at + 2 + message.readUInt16BE(at);
  at += 2;
  while (at < end) {
    const flags = message[at]!;
    const length = flags & 0x10 ? message.readUInt16BE(at + 2) : message[at + 2]!;
    const value = at + (flags & 0x10 ? 4 : 3);
    if (message[at + 1] === 25) {
      for (let i = value; i < value + length; i += 20) {
        const v = BigInt(`0x${message.subarray(i, i + 20).toString('hex')}`);
        texts.push(flowIpv6ExtendedCommunityText(v) ?? `unknown ${v.toString(16)}`);
      }
    }
    at = value + length;
  }
  return texts;
}

describe('FlowSpec with GoBGP', () => {
  let gobgp: FlowDaemon;
  let speaker: RawFlowSpeaker;

  beforeAll(async () => {
    gobgp = await startGobgpFlow(GOBGP, API_PORT);
    speaker = await RawFlowSpeaker.connect({ host: GOBGP.address, port: GOBGP.port, localAddress: GOBGP.neighbor, asn: GOBGP.asn, bgpId: '192.0.2.154', families: [FLOW4, FLOW6, FLOW4_VPN, FLOW6_VPN] });
  }, 30000);

  afterAll(async () => {
    speaker?.close();
    await gobgp?.stop();
  });

  it('negotiates ipv4 flow and ipv6 flow (and both flow-vpn families)', () => {
    expect(speaker.peerFamilies).toEqual(expect.arrayContaining(['1/133', '2/133', '1/134', '2/134']));
  });

  describe('from the codec to GoBGP', () => {
    it.each(CASES.map((c) => [c.afi === 1 ? 'IPv4' : 'IPv6', c.action, c] as const))('%s %s: GoBGP holds the rule and its action', async (_v, _a, c) => {
      speaker.announce(c.text, c.options);
      const view = await waitForView(c.gobgp!.rule, gobgp, speaker, async () => (await gobgpFlowRib(gobgp, c.afi)).find((v) => v.rule === c.gobgp!.rule));
      expect(view).toEqual(c.gobgp);
    });

    it.each(VPN_CASES.map((c) => [c.action, c] as const))('%s: GoBGP holds the rule and its action', async (_a, c) => {
      speaker.announce(c.text, c.options);
      const view = await waitForView(c.gobgp!.rule, gobgp, speaker, async () => (await gobgpFlowRib(gobgp, c.afi, true)).find((v) => v.rule === c.gobgp!.rule));
      expect(view).toEqual(c.gobgp);
    });

    it('an RFC 8956 prefix offset is kept as an unknown NLRI without attributes (GoBGP reads only its own whole-prefix form)', async () => {
      speaker.announce(IPV6_OFFSET_CASE.text, IPV6_OFFSET_CASE.options);
      const rule = '[unknown:[1 96 64 18 52 86 120]]';
      const view = await waitForView(rule, gobgp, speaker, async () => (await gobgpFlowRib(gobgp, 2)).find((v) => v.rule === rule));
      expect(view).toEqual({ rule, extcomms: [] });
      expect(speaker.closedReason).toBeUndefined();
    });

    it('withdraws every rule: both tables empty, session still up', async () => {
      for (const c of [...CASES, ...VPN_CASES, IPV6_OFFSET_CASE]) speaker.withdraw(c.text, c.options);
      const held = async (): Promise<number> =>
        (await Promise.all([gobgpFlowRib(gobgp, 1), gobgpFlowRib(gobgp, 2), gobgpFlowRib(gobgp, 1, true), gobgpFlowRib(gobgp, 2, true)])).flat().length;
      await waitForView('empty flowspec tables', gobgp, speaker, async () => ((await held()) === 0 ? true : undefined));
      expect(speaker.closedReason).toBeUndefined();
    });
  });

  describe('from GoBGP to the codec, against exabgp --decode', () => {
    const announced = new Map<string, Buffer>();
    const withdrawn = new Map<string, Buffer>();
    const exabgp = new Map<string, string>();

    beforeAll(async () => {
      for (const o of ORIGINATED) {
        const before = speaker.updates.length;
        await gobgp.cli('global', 'rib', '-a', o.family, 'add', ...o.args.split(' '));
        const updates = await speaker.waitForUpdates(`GoBGP's UPDATE for ${o.name}`, (u) => u.slice(before).some((m) => flowRuleCount(m) > 0));
        announced.set(o.name, updates.slice(before).find((m) => flowRuleCount(m) > 0)!);
      }
      for (const o of ORIGINATED) {
        const before = speaker.updates.length;
        await gobgp.cli('global', 'rib', '-a', o.family, 'del', ...o.args.split(' '));
        const updates = await speaker.waitForUpdates(`GoBGP's withdrawal of ${o.name}`, (u) => u.slice(before).some((m) => flowRuleCount(m) > 0));
        withdrawn.set(o.name, updates.slice(before).find((m) => flowRuleCount(m) > 0)!);
      }
      const names = ORIGINATED.flatMap((o) => [`+${o.name}`, `-${o.name}`]);
      const answers = await exabgpDecode(ORIGINATED.flatMap((o) => [announced.get(o.name)!.toString('hex'), withdrawn.get(o.name)!.toString('hex')]));
      names.forEach((n, i) => exabgp.set(n, answers[i]!));
    }, 240000);

    it.each(ORIGINATED.map((o) => [o.name, o] as const))('%s: one rule, decoded without error, with its action', (_n, o) => {
      const message = announced.get(o.name)!;
      expect(flowRuleCount(message)).toBe(1);
      expect(ourFlowJson(message).join(' ')).not.toContain('MALFORMED');
      expect(actionTexts(message)).toEqual(o.actions);
    });

    it.each(ORIGINATED.map((o) => [o.name, o] as const))('%s: our JSON and exabgp --decode agree on the announcement and the withdrawal', (_n, o) => {
      for (const [sign, message] of [['+', announced.get(o.name)!], ['-', withdrawn.get(o.name)!]] as const) {
        const theirs = exabgp.get(`${sign}${o.name}`)!;
        const ours = ourFlowJson(message);
        expect(ours.length).toBe(1);
        if (o.exabgpWrong && (sign === '+' || o.wrongInWithdraw)) {
          if (typeof o.exabgpWrong === 'string') expect(theirs).toContain(o.exabgpWrong);
          else expect(theirs).toMatch(o.exabgpWrong);
          if (o.ours) expect(ours[0]).toContain(o.ours);
        } else {
          expect(theirs).toContain(ours[0]);
          for (const [text, our] of ourCommunityTexts(theirs)) if (our !== undefined) expect(our).toBe(text);
        }
      }
    });
  });

  // Last: GoBGP turns ipv4-flowspec off for the rest of the session.
  it('a rule of 256 octets or more (2-octet NLRI length f1 14): GoBGP cannot read it and disables ipv4-flowspec', async () => {
    expect(speaker.announce(LONG_CASE.text)).toMatch(/900e....0001850000f114/);
    await pollUntil('GoBGP to log the failure', () => (gobgp.log.some((l) => l.includes('not all flowspec component bytes available')) ? true : undefined), {
      timeoutMs: 10000,
      context: () => gobgp.logTail(),
    });
    const line = gobgp.log.find((l) => l.includes('not all flowspec component bytes available'))!;
    expect(JSON.parse(line)).toMatchObject({ Cap: 'ipv4-flowspec', msg: 'Capability was disabled' });
    expect(longCasePorts(JSON.stringify(await gobgpFlowRib(gobgp, 1)))).toBe(0);
  });
});
