/**
 * rxbgp receiving FlowSpec for VPNs (SAFI 134, RFC 8955 §8) from a real GoBGP, driven only through
 * its CLI (`bin/rxbgp run`): a neighbor with `"families": ["ipv4 flow-vpn", "ipv6 flow-vpn"]`
 * negotiates 1/134 and 2/134 (GoBGP's `l3vpn-ipv4-flowspec` / `l3vpn-ipv6-flowspec`), and every rule
 * GoBGP originates with an RD (`gobgp global rib -a ipv4-l3vpn-flowspec add rd … match … then …`) is
 * printed on stdout, with its "rd", as the ExaBGP JSON event `exabgp --decode` prints for the same
 * bytes (recorded by a helper process with `"consolidate": true`). Two rules that differ only in their
 * RD are two routes: `rxbgp cli show adj-rib in` holds both, and withdrawing one leaves the other.
 * Then a raw speaker sends what GoBGP does not: a VPN-style next hop (RD + address) and an NLRI too
 * short for its RD (treat-as-withdraw, no session reset).
 */
import type { ExaEvent } from '../harness/exabgp-json';
import type { Rxbgp } from '../rxbgp';
import { flowFamiliesOf, flowItems, flowRuleStrings } from './received-flow-events';
import { startGobgpFlow, type FlowDaemon } from './flow-daemons';
import { FlowReceiver, startListeningRxbgp } from './flow-receiver';
import { FLOW4_VPN, FLOW6_VPN, RawFlowSpeaker, flowUpdateFromCommand } from './raw-flow-speaker';
import { encodeFlowNlriRun } from '../../../lib/families/flowspec';
import { parseIp } from '../../../lib/wire/address';
import { Writer } from '../../../lib/wire/writer';

const RX = '127.0.0.191';
const GOBGP = { address: '127.0.0.192', port: 17192, asn: 65191, routerId: '192.0.2.192', neighbor: RX };
const API_PORT = 50191;
const TIMEOUT_MS = 20000;

/** Rules GoBGP originates (`gobgp global rib -a <family> add|del …`) and the `"string"` rxbgp must print for each. */
const RULES = [
  {
    family: 'ipv4-l3vpn-flowspec',
    args: 'rd 100:191 match destination 10.191.1.0/24 protocol tcp destination-port ==80 then discard',
    text: 'flow destination-ipv4 10.191.1.0/24 protocol =tcp destination-port =80 rd 100:191',
  },
  {
    // The same match under another RD (type 1): another route.
    family: 'ipv4-l3vpn-flowspec',
    args: 'rd 192.0.2.191:7 match destination 10.191.1.0/24 protocol tcp destination-port ==80 then rate-limit 1000',
    text: 'flow destination-ipv4 10.191.1.0/24 protocol =tcp destination-port =80 rd 192.0.2.191:7',
  },
  {
    // A 4-octet AS RD (type 2): GoBGP reads it in asdot (64086.60095 = 4200000191; "4200000191:7"
    // it would cut to 65535:7), ExaBGP and rxbgp print it in asplain.
    family: 'ipv6-l3vpn-flowspec',
    args: 'rd 64086.60095:7 match destination 2001:db8:191::/48 protocol udp destination-port ==53 then discard',
    text: 'flow destination-ipv6 2001:db8:191::/48/0 next-header =udp destination-port =53 rd 4200000191:7',
  },
] as const;

const VPN = ' flow-vpn';

const ruleItems = (event: ExaEvent, section: 'announce' | 'withdraw') => flowItems<{ string: string; rd: string }>(event, section, VPN);
const ruleStrings = (event: ExaEvent, section: 'announce' | 'withdraw'): string[] => flowRuleStrings(event, section, VPN);

const familyOf = (rule: (typeof RULES)[number]): string => (rule.family.startsWith('ipv4') ? 'ipv4 flow-vpn' : 'ipv6 flow-vpn');

describe('rxbgp receives FlowSpec for VPNs (flow-vpn) from GoBGP', () => {
  let gobgp: FlowDaemon;
  let receiver: FlowReceiver;

  beforeAll(async () => {
    gobgp = await startGobgpFlow(GOBGP, API_PORT);
    receiver = await FlowReceiver.start({
      name: 'flow-vpn-receive',
      localAddress: RX,
      routerId: '192.0.2.191',
      peer: GOBGP,
      peerName: 'GoBGP',
      families: ['ipv4 flow-vpn', 'ipv6 flow-vpn'],
      timeoutMs: TIMEOUT_MS,
    });
  }, 60000);

  afterAll(async () => {
    await receiver?.dispose();
    await gobgp?.stop();
  }, 30000);

  it('prints each announced rule with its "rd" as exabgp --decode does, and holds rules differing only in RD as two routes', async () => {
    for (const rule of RULES) await gobgp.cli('global', 'rib', '-a', rule.family, 'add', ...rule.args.split(' '));
    const texts = RULES.map((r) => r.text);
    const events = await receiver.waitForRules('announce', texts, ruleStrings);
    expect(events.flatMap((e) => ruleStrings(e, 'announce')).sort()).toEqual([...texts].sort());
    expect(events.flatMap((e) => ruleItems(e, 'announce').map((i) => i.rd)).sort()).toEqual(['100:191', '192.0.2.191:7', '4200000191:7']);
    expect([...new Set(events.flatMap((e) => flowFamiliesOf(e, VPN)))].sort()).toEqual(['ipv4 flow-vpn', 'ipv6 flow-vpn']);
    await receiver.updates.expectOracle(events);
    const held = await receiver.adjRibIn();
    for (const rule of RULES) expect(held).toContain(`${familyOf(rule)} ${rule.text}`);
  });

  it('withdraws one RD\'s rule and keeps the same match under the other RD', async () => {
    const [first, second] = RULES;
    await gobgp.cli('global', 'rib', '-a', first.family, 'del', ...first.args.split(' '));
    await receiver.waitForRules('withdraw', [first.text], ruleStrings);
    const held = await receiver.adjRibIn();
    expect(held).not.toContain(first.text);
    expect(held).toContain(`${familyOf(second)} ${second.text}`);
  });

  it('prints each withdrawal as exabgp --decode does, and empties the Adj-RIB-In', async () => {
    for (const rule of RULES.slice(1)) await gobgp.cli('global', 'rib', '-a', rule.family, 'del', ...rule.args.split(' '));
    const texts = RULES.map((r) => r.text);
    const events = await receiver.waitForRules('withdraw', texts, ruleStrings);
    expect(events.flatMap((e) => ruleStrings(e, 'withdraw')).sort()).toEqual([...texts].sort());
    await receiver.updates.expectOracle(events);
    expect(await receiver.adjRibIn()).not.toContain(VPN);
    expect(receiver.rxbgp.events.some((e) => e.type === 'notification')).toBe(false);
  });
});

describe('rxbgp and flow-vpn next hops and malformed NLRI from a raw speaker', () => {
  const RX2 = '127.0.0.193';
  const SPEAKER = '127.0.0.194';
  const PORT = 17193;
  const ZERO_RD = Buffer.alloc(8);
  let rxbgp: Rxbgp;
  let speaker: RawFlowSpeaker;

  beforeAll(async () => {
    rxbgp = await startListeningRxbgp({ address: RX2, port: PORT, peerAddress: SPEAKER, asn: 65193, routerId: '192.0.2.193', families: ['ipv4 flow-vpn', 'ipv6 flow-vpn'], timeoutMs: TIMEOUT_MS });
    speaker = await RawFlowSpeaker.connect({ host: RX2, port: PORT, localAddress: SPEAKER, asn: 65193, bgpId: '192.0.2.194', families: [FLOW4_VPN, FLOW6_VPN] });
  }, 60000);

  afterAll(async () => {
    speaker?.close();
    await rxbgp?.dispose();
  }, 30000);

  it('reads a VPN-style next hop (an RD, then the address; RFC 4364 §4.3.2, RFC 4659 §3.2.1) as the address', async () => {
    const v4 = flowUpdateFromCommand('destination 10.193.0.0/24 protocol [ =tcp ] rd 65193:1');
    speaker.send({ ...v4, nextHopBytes: Buffer.concat([ZERO_RD, parseIp('192.0.2.194')!]) });
    const v6 = flowUpdateFromCommand('destination-ipv6 2001:db8:193::/48 rd 65193:2', { afi: 2 });
    speaker.send({ ...v6, nextHopBytes: Buffer.concat([ZERO_RD, parseIp('2001:db8::194')!]) });
    const item = (e: ExaEvent, family: string, hop: string): unknown => (e.neighbor.message?.update?.announce as Record<string, Record<string, unknown[]>> | undefined)?.[family]?.[hop]?.[0];
    const e4 = await rxbgp.waitForEvent('the IPv4 rule', (e) => item(e, 'ipv4 flow-vpn', '192.0.2.194') !== undefined, TIMEOUT_MS);
    expect(item(e4, 'ipv4 flow-vpn', '192.0.2.194')).toEqual({
      'destination-ipv4': ['10.193.0.0/24'],
      protocol: ['=tcp'],
      rd: '65193:1',
      'next-hop': '192.0.2.194',
      string: 'flow destination-ipv4 10.193.0.0/24 protocol =tcp rd 65193:1 next-hop 192.0.2.194',
    });
    const e6 = await rxbgp.waitForEvent('the IPv6 rule', (e) => item(e, 'ipv6 flow-vpn', '2001:db8::194') !== undefined, TIMEOUT_MS);
    expect(item(e6, 'ipv6 flow-vpn', '2001:db8::194')).toMatchObject({ rd: '65193:2', string: 'flow destination-ipv6 2001:db8:193::/48/0 rd 65193:2 next-hop 2001:db8::194' });
    expect(speaker.closedReason).toBeUndefined();
  });

  it('treats an UPDATE with a flow-vpn NLRI too short for its RD as withdraw (RFC 8955 §4.2, RFC 7606): the rule that parsed is withdrawn, the session stays up', async () => {
    const good = flowUpdateFromCommand('destination 10.193.0.0/24 protocol [ =tcp ] rd 65193:1');
    const w = new Writer(32);
    encodeFlowNlriRun(w, good.rules!, FLOW4_VPN);
    // The same rule, then an NLRI of 3 octets: no room for the 8-octet RD.
    const nlri = Buffer.concat([Buffer.from(w.view()), Buffer.from([0x03, 0x01, 0x08, 0x0a])]);
    speaker.send({ family: FLOW4_VPN, nlri });
    const text = 'flow destination-ipv4 10.193.0.0/24 protocol =tcp rd 65193:1';
    await rxbgp.waitForEvent('the rule withdrawn', (e) => ruleStrings(e, 'withdraw').includes(text), TIMEOUT_MS);
    expect(speaker.closedReason).toBeUndefined();
    expect(speaker.notifications).toEqual([]);
  });
});
