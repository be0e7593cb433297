/**
 * rxbgp receiving FlowSpec from a real ExaBGP 4.2 (issue 12, "receives rules from GoBGP and
 * ExaBGP … reporting them in the ExaBGP JSON. Withdrawals each way"): `rxbgp run` connects to a
 * passive ExaBGP with "ipv4 flow" / "ipv6 flow"; ExaBGP is told (API) to announce IPv4 and IPv6
 * rules with several actions, then to withdraw them. rxbgp prints each as the JSON event
 * `exabgp --decode` prints for the same bytes (recorded by a helper with header and body), and
 * its Adj-RIB-In holds them, then nothing.
 */
import { flowRuleStrings as ruleStrings } from './received-flow-events';
import { startExabgpFlow, type ExabgpFlowDaemon } from './flow-daemons';
import { FlowReceiver } from './flow-receiver';

const RX = '127.0.0.195';
const EXABGP = { address: '127.0.0.196', port: 17196, asn: 65196, routerId: '192.0.2.196', neighbor: RX };
const TIMEOUT_MS = 30000;

/** What ExaBGP is told to announce (its API grammar), and the rule's "string" rxbgp must print. */
const RULES = [
  {
    command: 'flow route { match { destination 10.196.1.0/24; protocol tcp; destination-port =80; } then { discard; } }',
    text: 'flow destination-ipv4 10.196.1.0/24 protocol =tcp destination-port =80',
  },
  {
    command: 'flow route { match { source 10.0.0.0/8; destination 10.196.2.0/24; protocol udp; source-port =53; packet-length >=500; } then { rate-limit 1000; } }',
    text: 'flow destination-ipv4 10.196.2.0/24 source-ipv4 10.0.0.0/8 protocol =udp source-port =53 packet-length >=500',
  },
  {
    command: 'flow route { match { destination 10.196.3.0/24; tcp-flags [ syn ]; } then { redirect 65196:100; mark 10; } }',
    text: 'flow destination-ipv4 10.196.3.0/24 tcp-flags syn',
  },
  {
    command: 'flow route { match { destination 2001:db8:196::/48/0; next-header udp; destination-port =53; } then { discard; } }',
    text: 'flow destination-ipv6 2001:db8:196::/48/0 next-header =udp destination-port =53',
  },
] as const;

describe('rxbgp receives FlowSpec from ExaBGP 4.2', () => {
  let exabgp: ExabgpFlowDaemon;
  let receiver: FlowReceiver;

  beforeAll(async () => {
    exabgp = await startExabgpFlow(EXABGP);
    receiver = await FlowReceiver.start({
      name: 'flow-receive-exabgp',
      localAddress: RX,
      routerId: '192.0.2.195',
      peer: EXABGP,
      peerName: 'ExaBGP',
      families: ['ipv4 flow', 'ipv6 flow'],
      timeoutMs: TIMEOUT_MS,
      context: () => `exabgp:\n${exabgp.log.slice(-20).join('\n')}`,
    });
  }, 60000);

  afterAll(async () => {
    await receiver?.dispose();
    await exabgp?.stop();
  }, 30000);

  it('prints each rule ExaBGP announces as exabgp --decode does, and holds it in the Adj-RIB-In', async () => {
    for (const rule of RULES) exabgp.command(`announce ${rule.command}`);
    const texts = RULES.map((r) => r.text);
    const events = await receiver.waitForRules('announce', texts, ruleStrings);
    expect(events.flatMap((e) => ruleStrings(e, 'announce')).sort()).toEqual([...texts].sort());
    await receiver.updates.expectOracle(events);
    const held = await receiver.adjRibIn();
    for (const rule of RULES) expect(held).toContain(rule.text);
    // The actions arrived as ExaBGP sent them: the redirect and the mark on the third rule.
    const third = JSON.stringify(events.find((e) => ruleStrings(e, 'announce').includes(RULES[2].text))?.neighbor.message);
    expect(third).toContain('"string":"redirect:65196:100"');
    expect(third).toContain('"string":"mark 10"');
  });

  it('prints each withdrawal as exabgp --decode does, and empties the Adj-RIB-In', async () => {
    for (const rule of RULES) exabgp.command(`withdraw ${rule.command}`);
    const texts = RULES.map((r) => r.text);
    const events = await receiver.waitForRules('withdraw', texts, ruleStrings);
    expect(events.flatMap((e) => ruleStrings(e, 'withdraw')).sort()).toEqual([...texts].sort());
    await receiver.updates.expectOracle(events);
    expect(await receiver.adjRibIn()).not.toContain(' flow ');
    expect(receiver.rxbgp.events.some((e) => e.type === 'notification')).toBe(false);
  });
});
