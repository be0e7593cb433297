/**
 * rxbgp receiving FlowSpec (RFC 8955 / RFC 8956) from a real GoBGP, driven only through its CLI
 * (`bin/rxbgp run`): a neighbor with `"families": ["ipv4 unicast", "ipv4 flow", "ipv6 flow"]`
 * negotiates 1/133 and 2/133, and every rule GoBGP originates (and then withdraws) is printed on
 * stdout as the ExaBGP JSON event `exabgp --decode` prints for the same bytes. The bytes come from a
 * helper process that gets the same UPDATEs with `"consolidate": true` (header and body hex).
 * The Adj-RIB-In is checked through `rxbgp cli show adj-rib in`, before and after the withdrawals.
 * Last, a raw speaker sends an UPDATE with a malformed FlowSpec NLRI: treat-as-withdraw, no reset.
 */
import type { Rxbgp } from '../rxbgp';
import { flowFamiliesOf, flowRuleStrings as ruleStrings } from './received-flow-events';
import { startGobgpFlow, type FlowDaemon } from './flow-daemons';
import { FlowReceiver, startListeningRxbgp } from './flow-receiver';
import { RawFlowSpeaker } from './raw-flow-speaker';
import { encodeFlowNlriRun } from '../../../lib/families/flowspec';
import { Writer } from '../../../lib/wire/writer';

const RX = '127.0.0.160';
const GOBGP = { address: '127.0.0.161', port: 17161, asn: 65160, routerId: '192.0.2.161', neighbor: RX };
const API_PORT = 17162;
const TIMEOUT_MS = 20000;

/** Rules GoBGP originates (`gobgp global rib -a <family> add|del …`) and the `"string"` rxbgp must print for each. */
const RULES = [
  {
    family: 'ipv4-flowspec',
    args: 'match destination 10.160.1.0/24 protocol tcp destination-port ==80 then discard',
    text: 'flow destination-ipv4 10.160.1.0/24 protocol =tcp destination-port =80',
  },
  {
    family: 'ipv4-flowspec',
    args: 'match destination 10.160.2.0/24 source 10.0.0.0/8 protocol udp source-port ==53 packet-length >=500 then rate-limit 1000',
    text: 'flow destination-ipv4 10.160.2.0/24 source-ipv4 10.0.0.0/8 protocol =udp source-port =53 packet-length >=500',
  },
  {
    family: 'ipv6-flowspec',
    args: 'match destination 2001:db8:160:1::/64 protocol udp destination-port ==53 then discard',
    text: 'flow destination-ipv6 2001:db8:160:1::/64/0 next-header =udp destination-port =53',
  },
] as const;

describe('rxbgp receives FlowSpec from GoBGP', () => {
  let gobgp: FlowDaemon;
  let receiver: FlowReceiver;

  beforeAll(async () => {
    gobgp = await startGobgpFlow(GOBGP, API_PORT);
    // GoBGP sends flow rules only for the families both sides advertised (RFC 4760 §6), so the
    // rules arriving below show that 1/133 and 2/133 were negotiated.
    receiver = await FlowReceiver.start({
      name: 'flow-receive',
      localAddress: RX,
      routerId: '192.0.2.160',
      peer: GOBGP,
      peerName: 'GoBGP',
      families: ['ipv4 unicast', 'ipv4 flow', 'ipv6 flow'],
      timeoutMs: TIMEOUT_MS,
    });
  }, 60000);

  afterAll(async () => {
    await receiver?.dispose();
    await gobgp?.stop();
  }, 30000);

  it('prints each announced rule as exabgp --decode does, and holds it in the Adj-RIB-In', async () => {
    for (const rule of RULES) await gobgp.cli('global', 'rib', '-a', rule.family, 'add', ...rule.args.split(' '));
    const texts = RULES.map((r) => r.text);
    const events = await receiver.waitForRules('announce', texts, ruleStrings);
    expect(events.flatMap((e) => ruleStrings(e, 'announce')).sort()).toEqual([...texts].sort());
    expect(events.flatMap((e) => flowFamiliesOf(e)).sort()).toEqual(expect.arrayContaining(['ipv4 flow', 'ipv6 flow']));
    await receiver.updates.expectOracle(events);
    const held = await receiver.adjRibIn();
    for (const rule of RULES) expect(held).toContain(`${rule.family === 'ipv4-flowspec' ? 'ipv4' : 'ipv6'} flow ${rule.text}`);
  });

  it('prints each withdrawal as exabgp --decode does, and empties the Adj-RIB-In', async () => {
    for (const rule of RULES) await gobgp.cli('global', 'rib', '-a', rule.family, 'del', ...rule.args.split(' '));
    const texts = RULES.map((r) => r.text);
    const events = await receiver.waitForRules('withdraw', texts, ruleStrings);
    expect(events.flatMap((e) => ruleStrings(e, 'withdraw')).sort()).toEqual([...texts].sort());
    await receiver.updates.expectOracle(events);
    expect(await receiver.adjRibIn()).not.toContain(' flow ');
    expect(receiver.rxbgp.events.some((e) => e.type === 'notification')).toBe(false);
  });
});

describe('rxbgp and a malformed FlowSpec NLRI from a raw speaker', () => {
  const RX2 = '127.0.0.163';
  const SPEAKER = '127.0.0.164';
  const PORT = 17163;
  let rxbgp: Rxbgp;
  let speaker: RawFlowSpeaker;
  const good = 'flow destination-ipv4 10.163.0.0/24 protocol =tcp';

  beforeAll(async () => {
    rxbgp = await startListeningRxbgp({ address: RX2, port: PORT, peerAddress: SPEAKER, asn: 65163, routerId: '192.0.2.163', families: ['ipv4 unicast', 'ipv4 flow', 'ipv6 flow'], timeoutMs: TIMEOUT_MS });
    speaker = await RawFlowSpeaker.connect({ host: RX2, port: PORT, localAddress: SPEAKER, asn: 65163, bgpId: '192.0.2.164', families: [{ afi: 1, safi: 133 }] });
  }, 60000);

  afterAll(async () => {
    speaker?.close();
    await rxbgp?.dispose();
  }, 30000);

  it('treats the UPDATE as withdraw (RFC 8955 §4.2, RFC 7606): the rule that parsed is withdrawn, the session stays up', async () => {
    speaker.announce('destination 10.163.0.0/24 protocol [ =tcp ]');
    await rxbgp.waitForEvent('the rule announced', (e) => ruleStrings(e, 'announce').includes(good), TIMEOUT_MS);
    const w = new Writer(32);
    encodeFlowNlriRun(w, [{ components: [{ kind: 'prefix', type: 1, prefix: '10.163.0.0/24', offset: 0 }, { kind: 'numeric', type: 3, ops: [{ and: false, lt: false, gt: false, eq: true, value: 6 }] }] }], { afi: 1, safi: 133 });
    // The same rule, then one with component type 3 before type 1 (out of order: malformed).
    const nlri = Buffer.concat([Buffer.from(w.view()), Buffer.from([0x06, 0x03, 0x81, 0x06, 0x01, 0x08, 0x0a])]);
    speaker.send({ family: { afi: 1, safi: 133 }, nlri });
    await rxbgp.waitForEvent('the rule withdrawn', (e) => ruleStrings(e, 'withdraw').includes(good), TIMEOUT_MS);
    expect(speaker.closedReason).toBeUndefined();
    expect(speaker.notifications).toEqual([]);
  });
});
