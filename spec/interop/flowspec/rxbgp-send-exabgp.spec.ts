/**
 * rxbgp run as the FlowSpec SENDER to a real ExaBGP 4.2 (Debian's 4.2.21): every IPv4 and IPv6
 * case of flow-rules.ts (one per action) announced, then withdrawn, through `rxbgp cli`, one at a
 * time, each checked in ExaBGP's JSON event for the UPDATE it received (API `receive { parsed;
 * update; }`): the rule (and its next hop, for the RFC 7674 redirect) is what the codec gives for
 * the same command. Then the oracle: every UPDATE rxbgp sent (its bytes, from the helper's
 * consolidated `send` events) goes through `exabgp --decode`, whose JSON must be the JSON rxbgp
 * itself gave the helper for that UPDATE.
 *
 * Left out (known ExaBGP 4.2 limits, asserted with the raw speaker in exabgp-flow.spec.ts): the
 * RFC 8956 §3.1 IPv6 prefix offset (ExaBGP keeps the session but drops the rule). Where ExaBGP 4.2
 * names ICMPv6 wrongly (flow-rules.ts `exabgpJson`), its wrong text is asserted instead.
 */
import { flowUpdateMessage } from '../../families/flowspec/helpers/build-update';
import { IPV4_CASES, IPV6_CASES, type FlowCase } from './flow-rules';
import { exabgpDecode, flowRuleCount, ourFlowJson } from './exabgp-oracle';
import { startExabgpFlow, type ExabgpFlowDaemon, type FlowDaemonOptions } from './flow-daemons';
import { flowUpdateFromCommand } from './raw-flow-speaker';
import { RxbgpFlowSender } from './rxbgp-flow-sender';
import { pollUntil } from '../harness/poll';

const EXABGP: FlowDaemonOptions = { address: '127.0.0.211', port: 17211, asn: 65211, routerId: '192.0.2.211', neighbor: '127.0.0.212' };
const EVENT_TIMEOUT_MS = 15000;

const CASES: readonly FlowCase[] = [...IPV4_CASES, ...IPV6_CASES];
const title = (c: FlowCase): [string, string, FlowCase] => [c.afi === 1 ? 'IPv4' : 'IPv6', c.action, c];

/** The "message" JSON of ExaBGP's update events, in order. */
function updateMessages(exabgp: ExabgpFlowDaemon): string[] {
  return exabgp
    .events()
    .filter((l) => l.includes('"type": "update"'))
    .map((l) => /"message": (.*) \} \}$/.exec(l)?.[1] ?? l);
}

describe('rxbgp run sends FlowSpec to ExaBGP 4.2', () => {
  let exabgp: ExabgpFlowDaemon;
  let rx: RxbgpFlowSender;

  beforeAll(async () => {
    exabgp = await startExabgpFlow(EXABGP);
    rx = await RxbgpFlowSender.start(EXABGP, '192.0.2.212');
  }, 60000);

  afterAll(async () => {
    await rx?.stop();
    await exabgp?.stop();
  }, 30000);

  /** Runs the command through rxbgp cli and returns ExaBGP's first new update event with a flow rule. */
  async function send(line: string): Promise<string> {
    const before = updateMessages(exabgp).length;
    expect(await rx.cliEach([line])).toEqual([]);
    return pollUntil(`ExaBGP's update event for "${line}"`, () => updateMessages(exabgp).slice(before).find((m) => m.includes(' flow"')), {
      timeoutMs: EVENT_TIMEOUT_MS,
      abort: () => rx.rxbgp.exitText() ?? exabgp.exited(),
      context: () => `${rx.diagnostics()}\n--- ${exabgp.name} ---\n${exabgp.logTail()}`,
    });
  }

  it.each(CASES.map(title))('%s %s: ExaBGP reports the rule announced, then withdrawn', async (_v, _a, c) => {
    for (const withdraw of [false, true]) {
      const theirs = await send(`${withdraw ? 'withdraw' : 'announce'} flow route ${c.text}`);
      const ours = ourFlowJson(flowUpdateMessage(flowUpdateFromCommand(c.text, c.options, withdraw)));
      expect(ours).toHaveLength(1);
      if (c.exabgpJson) expect(theirs).toContain(c.exabgpJson);
      else expect(theirs).toContain(ours[0]);
    }
  });

  it('exabgp --decode of every UPDATE rxbgp sent gives the JSON rxbgp printed for it', async () => {
    const sent = rx.sentUpdates().filter((u) => flowRuleCount(Buffer.from(u.hex, 'hex')) > 0);
    // One announcement and one withdrawal per case.
    expect(sent).toHaveLength(2 * CASES.length);
    const theirs = await exabgpDecode(sent.map((u) => u.hex));
    /** The destination (unique per case) names the case an UPDATE carries. */
    const destination = (c: FlowCase): string => /destination(?:-ipv6)? (\S+)/.exec(c.text)![1]!;
    let compared = 0;
    sent.forEach((u, i) => {
      expect(theirs[i]).not.toMatch(/^FAILED/);
      const ours = JSON.stringify(u.message);
      const wrong = CASES.find((c) => c.exabgpJson && ours.includes(`"${destination(c)}`));
      if (wrong) {
        expect(theirs[i]).toContain(wrong.exabgpJson);
      } else {
        expect({ hex: u.hex, json: JSON.parse(theirs[i]!) }).toEqual({ hex: u.hex, json: u.message });
        compared++;
      }
    });
    expect(compared).toBe(2 * CASES.filter((c) => !c.exabgpJson).length);
  }, 180000);

  it('the session stayed up throughout (no NOTIFICATION either way)', () => {
    expect(rx.rxbgp.events.filter((e) => e.type === 'notification')).toEqual([]);
    expect(rx.rxbgp.events.filter((e) => e.type === 'state').map((e) => e.neighbor.state)).toEqual(['connected', 'up']);
    expect(exabgp.events().filter((l) => l.includes('"type": "notification"'))).toEqual([]);
  });
});
