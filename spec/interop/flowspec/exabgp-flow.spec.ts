/**
 * FlowSpec with a real ExaBGP 4.2 (Debian's 4.2.21) on a live session, both ways:
 * - rules encoded by lib/families/flowspec, sent by the raw speaker: ExaBGP's JSON event for each
 *   received UPDATE (API `receive { parsed; update; }`) must hold the JSON our decoder gives for
 *   the same bytes, announcements and withdrawals;
 * - the same command lines given to ExaBGP (`announce flow route ...` / `withdraw flow route ...`
 *   on its API): the NLRI, next hop and action communities ExaBGP puts on the wire must be the
 *   bytes the codec encodes from that text (parseFlowRoute -> encodeFlowNlriRun).
 *
 * Found here (issue 12):
 * - For every rule and action below (flow-rules.ts, and six command lines as DDoS tools write them),
 *   ExaBGP 4.2 and the codec write the same NLRI, next hop, communities and action communities,
 *   and ExaBGP's JSON for the codec's bytes is ours, except:
 * - the IPv6 prefix offset (`destination-ipv6 ::1234:5678:0:0/96/64`): ExaBGP sends
 *   0f 01 60 40 0000000000000000 12345678 (the whole prefix, wrong per RFC 8956 §3.1), the
 *   codec 07 01 60 40 12345678; given the codec's bytes on a live session, ExaBGP keeps the
 *   session and reports the UPDATE with its attributes but no rule (the rule is silently lost);
 * - ExaBGP 4.2 does not take `rd` in the one-line form (`announce flow route rd 65000:1 destination
 *   ...`): it logs "problem with function" / 'rd' and sends nothing; the block form works;
 * - ExaBGP 4.2 has no command for a RFC 7674 redirect to an IPv6 next hop: `redirect 2001:db8::8`
 *   is refused ("did not enclose it in []"), and `next-hop 2001:db8::8 redirect-to-nexthop` sends
 *   nothing; the codec encodes it (0x0800 community, MP_REACH next hop 2001:db8::8) and ExaBGP
 *   decodes those bytes as we do;
 * - ExaBGP sends a rule's attributes (its action communities) with MP_UNREACH too;
 * - ExaBGP 4.2's JSON names neither ICMPv6 (next-header 58) nor ICMPv6 types ("=unknown protocol
 *   type 58", "=unknown icmp type type 128").
 */
import { attributeValues } from '../../families/flowspec/helpers/attributes';
import { flowUpdateMessage } from '../../families/flowspec/helpers/build-update';
import { mpFields } from '../../families/flowspec/helpers/mp-attributes';
import { IPV4_CASES, IPV6_CASES, IPV6_OFFSET_CASE, VPN_CASES, type FlowCase } from './flow-rules';
import { flowRuleCount, ourFlowJson } from './exabgp-oracle';
import { startExabgpFlow, type ExabgpFlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { FLOW4, FLOW4_VPN, FLOW6, FLOW6_VPN, RawFlowSpeaker, flowUpdateFromCommand } from './raw-flow-speaker';
import { pollUntil } from '../harness/poll';

const EXABGP: FlowDaemonOptions = { address: '127.0.0.159', port: 17159, asn: 65159, routerId: '192.0.2.159', neighbor: '127.0.0.154' };

/** Command lines as DDoS tools and ExaBGP's docs write them (issue 12), in the forms ExaBGP 4.2 gets right. */
const TOOL_LINES: readonly FlowCase[] = [
  { action: 'issue 12 block form', afi: 1, text: '{ match { source 10.0.0.1/32; destination 10.180.0.0/24; protocol [ tcp udp ]; destination-port [ =80 >=8080&<=8088 ]; tcp-flags [ syn ]; packet-length >200&<300; fragment [ is-fragment ]; } then { rate-limit 9600; } }' },
  { action: 'issue 12 one-line form', afi: 1, text: 'source 4.0.0.0/24 destination 10.180.1.0/24 protocol [ udp ] source-port [ =53 ] destination-port [ =80 ] packet-length [ =777 =1122 ] fragment [ is-fragment dont-fragment ] rate-limit 1024' },
  { action: 'FastNetMon discard', afi: 1, text: '{ match { source 10.10.10.1/32; destination 10.180.2.1/32; protocol udp; source-port =123; packet-length >=500; } then { discard; } }' },
  { action: 'ExaFS-style SYN rate-limit', afi: 1, text: 'source 0.0.0.0/0 destination 10.180.3.1/32 protocol [ =tcp ] destination-port [ =22 ] tcp-flags [ syn ] rate-limit 1000' },
  { action: 'discard with a community and a route target', afi: 1, text: '{ match { destination 10.180.4.0/24; protocol [ icmp ]; } then { discard; community [ 65000:666 ]; extended-community [ target:65000:1 ]; } }' },
  { action: 'IPv6 block form', afi: 2, text: '{ match { destination 2001:db8:180::/48; next-header [ udp ]; source-port [ =53 ]; packet-length [ >=1000 ]; } then { rate-limit 1000; } }' },
];

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES, ...VPN_CASES, ...TOOL_LINES];
const title = (c: FlowCase): string => `${c.afi === 1 ? 'IPv4' : 'IPv6'} ${c.action}`;

/** The "message" JSON of ExaBGP's update events, in order. */
function updateMessages(exabgp: ExabgpFlowDaemon): string[] {
  return exabgp
    .events()
    .filter((l) => l.includes('"type": "update"'))
    .map((l) => /"message": (.*) \} \}$/.exec(l)?.[1] ?? l);
}

/** What of an UPDATE the comparison covers: flow NLRI bytes (reach or unreach), next hop, communities. */
function wireParts(message: Buffer): { afi: number; safi: number; withdraw: boolean; nlri: string; nextHop: string; ext: string[]; communities: number[] } {
  const f = mpFields(message);
  const field = f.reach ?? f.unreach!;
  return {
    afi: field.afi,
    safi: field.safi,
    withdraw: !f.reach,
    nlri: message.subarray(field.start, field.end).toString('hex'),
    nextHop: f.reach?.nextHop?.toString('hex') ?? '',
    ext: attributeValues(message).extendedCommunities.map((v) => v.toString(16)),
    communities: attributeValues(message).communities,
  };
}

/** The API command for a case (ExaBGP 4.2 takes `rd` only in the block form). */
function exabgpCommand(verb: 'announce' | 'withdraw', c: FlowCase): string {
  return `${verb} flow route ${c.exabgpText ?? c.text}`;
}

describe('FlowSpec with ExaBGP 4.2', () => {
  let exabgp: ExabgpFlowDaemon;
  let speaker: RawFlowSpeaker;

  beforeAll(async () => {
    exabgp = await startExabgpFlow(EXABGP);
    speaker = await RawFlowSpeaker.connect(
      { host: EXABGP.address, port: EXABGP.port, localAddress: EXABGP.neighbor, asn: EXABGP.asn, bgpId: '192.0.2.154', families: [FLOW4, FLOW6, FLOW4_VPN, FLOW6_VPN] },
      30000,
    );
  }, 45000);

  afterAll(async () => {
    speaker?.close();
    await exabgp?.stop();
  });

  describe('from ExaBGP to the codec: the same command, the same bytes', () => {
    it.each(CASES.filter((c) => !c.exabgpRefuses).map((c) => [title(c), c] as const))('%s: announce and withdraw', async (_t, c) => {
      for (const verb of ['announce', 'withdraw'] as const) {
        const before = speaker.updates.length;
        exabgp.command(exabgpCommand(verb, c));
        const updates = await speaker.waitForUpdates(`ExaBGP's UPDATE for "${exabgpCommand(verb, c)}"`, (u) => u.slice(before).some((m) => flowRuleCount(m) > 0));
        const theirs = wireParts(updates.slice(before).find((m) => flowRuleCount(m) > 0)!);
        const ours = wireParts(flowUpdateMessage(flowUpdateFromCommand(c.text, c.options, verb === 'withdraw')));
        // ExaBGP sends the rule's attributes with its MP_UNREACH too; a withdrawal is its NLRI.
        expect(verb === 'withdraw' ? { ...theirs, ext: [], communities: [] } : theirs).toEqual(ours);
      }
    });

    it('the IPv6 prefix offset: ExaBGP writes the whole prefix, the codec the bits after the offset (RFC 8956 §3.1)', async () => {
      const before = speaker.updates.length;
      exabgp.command(exabgpCommand('announce', IPV6_OFFSET_CASE));
      const updates = await speaker.waitForUpdates('ExaBGP\'s UPDATE for the offset rule', (u) => u.slice(before).some((m) => mpFields(m).reach !== undefined));
      const theirs = wireParts(updates.slice(before).find((m) => mpFields(m).reach !== undefined)!);
      const ours = wireParts(flowUpdateMessage(flowUpdateFromCommand(IPV6_OFFSET_CASE.text, IPV6_OFFSET_CASE.options)));
      expect(ours.nlri).toBe('0701604012345678');
      expect(theirs.nlri).toBe('0f016040000000000000000012345678');
      exabgp.command(exabgpCommand('withdraw', IPV6_OFFSET_CASE));
    });

    it('ExaBGP 4.2 does not take `rd` in the one-line form (the codec does; see VPN_CASES)', async () => {
      const before = exabgp.log.length;
      exabgp.command(`announce flow route ${VPN_CASES[0]!.text}`);
      await pollUntil('ExaBGP to refuse the command', () => (exabgp.log.slice(before).some((l) => /flowtest \| 'rd'/.test(l)) ? true : undefined), { timeoutMs: 10000 });
      expect(exabgp.log.slice(before).join('\n')).toMatch(/problem with function/);
    });
  });

  describe('from the codec to ExaBGP: its JSON event is ours', () => {
    it.each(CASES.map((c) => [title(c), c] as const))('%s: announce and withdraw', async (_t, c) => {
      for (const withdraw of [false, true]) {
        const before = updateMessages(exabgp).length;
        const hex = speaker.send(flowUpdateFromCommand(c.text, c.options, withdraw));
        const ours = ourFlowJson(Buffer.from(hex, 'hex'));
        expect(ours).toHaveLength(1);
        const theirs = await pollUntil(`ExaBGP's update event for ${hex}`, () => updateMessages(exabgp).slice(before).find((m) => m.includes('"flow')), {
          timeoutMs: 10000,
          abort: () => speaker.closedReason ?? exabgp.exited(),
          context: () => exabgp.logTail(),
        });
        if (c.exabgpJson) expect(theirs).toContain(c.exabgpJson);
        else expect(theirs).toContain(ours[0]);
      }
    });

    it('the RFC 8956 prefix offset: ExaBGP keeps the session but reports the UPDATE without its rule', async () => {
      const before = updateMessages(exabgp).length;
      speaker.send(flowUpdateFromCommand(IPV6_OFFSET_CASE.text, IPV6_OFFSET_CASE.options));
      const theirs = await pollUntil('ExaBGP\'s update event for the offset rule', () => updateMessages(exabgp).slice(before)[0], {
        timeoutMs: 10000,
        abort: () => speaker.closedReason ?? exabgp.exited(),
      });
      expect(theirs).toBe('{ "update": { "attribute": { "origin": "igp", "local-preference": 100, "extended-community": [ { "value": 9225060886715039744, "string": "rate-limit:0" } ] } } }');
      expect(speaker.closedReason).toBeUndefined();
    });
  });
});
