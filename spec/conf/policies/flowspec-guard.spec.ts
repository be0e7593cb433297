/**
 * conf/policies/flowspec-guard.js through the real module, as an import policy (decoded FlowSpec
 * UPDATEs through the policy chain, as a session runs it) and as an export policy (the neighbor's
 * ExportPipeline): rules wider than /24 (IPv4) or /48 (IPv6), with no destination or with an IPv6
 * offset are withdrawn; rate-limits above maxRate are capped, which the re-encoded UPDATE carries.
 */
import { familyContext } from '../../../lib/families/family-context';
import { flowActionCommunity, flowActionOf, parseFlowRoute, type FlowAction, type FlowRule } from '../../../lib/families/flowspec';
import { PolicyChain } from '../../../lib/policy/policy-chain';
import type { PolicyFactory, RouteBatch } from '../../../lib/policy/types';
import type { RibOutChange } from '../../../lib/rib/adj-rib-out';
import { ExportPipeline } from '../../../lib/neighbor/export-pipeline';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { flowUpdateMessage } from '../../families/flowspec/helpers/build-update';
import { policyContext, shippedPolicy, testScheduler } from './route-batches';

const guard = shippedPolicy<PolicyFactory>('flowspec-guard.js');
const ctx = familyContext(DEFAULT_CONTEXT);
const FLOW4 = { afi: 1, safi: 133 } as const;
const FLOW6 = { afi: 2, safi: 133 } as const;
const OPTIONS = { maxRate: 1000000, minDestinationLength: 24 };

function rule(text: string): FlowRule {
  const parsed = parseFlowRoute(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.route.rule;
}

const rate = (bytesPerSecond: number): bigint => flowActionCommunity({ kind: 'rate-limit', asn: 0, bytesPerSecond });
const packets = (packetsPerSecond: number): bigint => flowActionCommunity({ kind: 'rate-limit-packets', asn: 0, packetsPerSecond });
const REDIRECT = flowActionCommunity({ kind: 'redirect', asn: 65000, number: 666 });

const HOST = rule('destination 192.0.2.1/32 protocol [ =udp ] source-port [ =123 ]');
const SLASH24 = rule('destination 198.51.100.0/24 protocol [ =tcp ] destination-port [ =80 ]');
const SLASH16 = rule('destination 198.51.0.0/16');
const ANYWHERE = rule('source 203.0.113.0/24 protocol [ =udp ]');
const HOST_TEXT = 'flow destination-ipv4 192.0.2.1/32 protocol =udp source-port =123';
const SLASH24_TEXT = 'flow destination-ipv4 198.51.100.0/24 protocol =tcp destination-port =80';
const SLASH16_TEXT = 'flow destination-ipv4 198.51.0.0/16';
const ANYWHERE_TEXT = 'flow source-ipv4 203.0.113.0/24 protocol =udp';

function decode(bytes: Buffer): UpdateMessage {
  return decodeMessage(bytes, ctx) as UpdateMessage;
}

/** What a peer reads of a batch once encoded: rules announced and withdrawn, and the decoded actions. */
function onTheWire(batch: RouteBatch): { announce: string[]; withdraw: string[]; actions: Array<FlowAction | string> } {
  const m = decode(encodeMessage(batch, ctx));
  return {
    announce: m.announced.flatMap((l) => [...l.prefixes]),
    withdraw: m.withdrawn.flatMap((l) => [...l.prefixes]),
    actions: m.announced.length ? (m.attributes.extendedCommunities ?? []).map((c) => flowActionOf(c) ?? `0x${c.toString(16)}`) : [],
  };
}

/** The policy as an import policy: UPDATEs pushed through the chain, as a session does. */
function importThrough(options: Record<string, unknown>, ...updates: RouteBatch[]): { out: RouteBatch[]; lines: string[] } {
  const scheduler = testScheduler();
  const { context } = policyContext(scheduler);
  const lines: string[] = [];
  const out: RouteBatch[] = [];
  const log = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
  const chain = new PolicyChain([{ name: 'flowspec-guard', factory: guard, options }], { direction: 'import', neighbor: context.neighbor, scheduler, log }, (b) => out.push(b));
  for (const u of updates) chain.push(u);
  chain.stop();
  return { out, lines };
}

describe('flowspec-guard.js as an import policy', () => {
  it('withdraws IPv4 rules wider than /24 or with no destination, keeps /24 and longer', () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [HOST, SLASH16, SLASH24, ANYWHERE], extendedCommunities: [rate(9600)] }));
    const { out, lines } = importThrough(OPTIONS, received);
    expect(out.map(onTheWire)).toEqual([
      { announce: [HOST_TEXT, SLASH24_TEXT], withdraw: [SLASH16_TEXT, ANYWHERE_TEXT], actions: [{ kind: 'rate-limit', asn: 0, bytesPerSecond: 9600 }] },
    ]);
    expect(lines).toEqual([
      `warn import policy "flowspec-guard": refused 2 FlowSpec rule(s) wider than /24 (IPv4) or /48 (IPv6) or with no destination: ${SLASH16_TEXT}; ${ANYWHERE_TEXT}`,
    ]);
  });

  it('caps a rate-limit above maxRate; the re-encoded community carries maxRate, the other actions stay', () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [HOST, SLASH24], extendedCommunities: [rate(50e6), REDIRECT] }));
    const { out, lines } = importThrough(OPTIONS, received);
    expect(out.map(onTheWire)).toEqual([
      {
        announce: [HOST_TEXT, SLASH24_TEXT],
        withdraw: [],
        actions: [
          { kind: 'rate-limit', asn: 0, bytesPerSecond: 1000000 },
          { kind: 'redirect', asn: 65000, number: 666 },
        ],
      },
    ]);
    expect(out[0].attributes.extendedCommunities).toEqual([rate(1e6), REDIRECT]);
    expect(lines).toEqual(['warn import policy "flowspec-guard": capped the rate-limit of 2 FlowSpec rule(s) to 1000000 bytes/s']);
  });

  it('refuses and caps in one UPDATE: the rules kept go out capped, the refused are withdrawn with them', () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [SLASH16, HOST], extendedCommunities: [rate(2e6)] }));
    const { out } = importThrough(OPTIONS, received);
    expect(out.map(onTheWire)).toEqual([{ announce: [HOST_TEXT], withdraw: [SLASH16_TEXT], actions: [{ kind: 'rate-limit', asn: 0, bytesPerSecond: 1000000 }] }]);
  });

  it('passes discard, rates at or under the cap, and rules without actions as the same UPDATE', () => {
    const discard = decode(flowUpdateMessage({ family: FLOW4, rules: [HOST], extendedCommunities: [rate(0)] }));
    const atCap = decode(flowUpdateMessage({ family: FLOW4, rules: [HOST], extendedCommunities: [rate(1e6)] }));
    const bare = decode(flowUpdateMessage({ family: FLOW4, rules: [SLASH24] }));
    const { out, lines } = importThrough(OPTIONS, discard, atCap, bare);
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(discard);
    expect(out[1]).toBe(atCap);
    expect(out[2]).toBe(bare);
    expect(lines).toEqual([]);
  });

  it('caps packets per second only when maxPacketRate is given', () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [HOST], extendedCommunities: [packets(1e6)] }));
    expect(importThrough(OPTIONS, received).out[0]).toBe(received);
    const { out } = importThrough({ ...OPTIONS, maxPacketRate: 5000 }, received);
    expect(out.map(onTheWire)[0].actions).toEqual([{ kind: 'rate-limit-packets', asn: 0, packetsPerSecond: 5000 }]);
  });

  it('IPv6: withdraws rules wider than /48 and rules with a prefix offset, keeps /48 and longer', () => {
    const rules = ['destination-ipv6 2001:db8:1::/48/0', 'destination-ipv6 2001:db8::/32/0', 'destination-ipv6 2001:db8:1:2::/64/0 next-header [ =udp ]', 'destination-ipv6 ::1234:0:0:0/96/64'];
    const received = decode(flowUpdateMessage({ family: FLOW6, rules: rules.map(rule), extendedCommunities: [rate(1e9)] }));
    const { out } = importThrough(OPTIONS, received);
    expect(out.map(onTheWire)).toEqual([
      {
        announce: ['flow destination-ipv6 2001:db8:1::/48/0', 'flow destination-ipv6 2001:db8:1:2::/64/0 next-header =udp'],
        withdraw: ['flow destination-ipv6 2001:db8::/32/0', 'flow destination-ipv6 ::1234:0:0:0/96/64'],
        actions: [{ kind: 'rate-limit', asn: 0, bytesPerSecond: 1000000 }],
      },
    ]);
  });

  it('the lengths are options', () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [SLASH16, SLASH24] }));
    const { out } = importThrough({ maxRate: 1e6, minDestinationLength: 16 }, received);
    expect(out[0]).toBe(received);
  });

  it('passes withdrawals of flow rules, and unicast routes, as they are', () => {
    const withdrawal = decode(flowUpdateMessage({ family: FLOW4, rules: [SLASH16, HOST], withdraw: true }));
    const unicast: RouteBatch = { type: 'update', withdrawn: [], attributes: { origin: 0, extendedCommunities: [rate(5e9)] }, announced: [{ afi: 1, safi: 1, nextHop: ['192.0.2.1'], prefixes: ['10.0.0.0/8'] }] };
    const { out, lines } = importThrough(OPTIONS, withdrawal, unicast);
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(withdrawal);
    expect(out[1]).toBe(unicast);
    expect(onTheWire(out[0])).toEqual({ announce: [], withdraw: [SLASH16_TEXT, HOST_TEXT], actions: [] });
    expect(lines).toEqual([]);
  });

  it('refuses options it cannot use, naming them (the chain then withdraws every rule)', () => {
    const { context } = policyContext(testScheduler());
    expect(() => guard({ minDestinationLength: 24 }, context)).toThrow('options.maxRate: expected a number from 0 to 1000000000000, got nothing');
    expect(() => guard({ maxRate: 1e6, minDestinationLength: 33 }, context)).toThrow('options.minDestinationLength: expected an integer from 0 to 32, got 33');
    expect(() => guard({ maxRate: 1e6, maxrate: 1 }, context)).toThrow('options: unknown option "maxrate"');
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [HOST] }));
    const { out, lines } = importThrough({}, received);
    expect(out.map(onTheWire)).toEqual([{ announce: [], withdraw: [HOST_TEXT], actions: [] }]);
    expect(lines[0]).toMatch(/^error import policy "flowspec-guard" could not be set up: options.maxRate: expected a number/);
  });
});

describe('flowspec-guard.js as an export policy', () => {
  it('what rxbgp would announce: the post-policy Adj-RIB-Out holds the narrow rules, capped; the wide one is never sent', () => {
    const changes: RibOutChange[] = [];
    const lines: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => lines.push(m), error: (m: string) => lines.push(`error ${m}`) };
    const pipeline = new ExportPipeline([{ name: 'flowspec-guard', factory: guard, options: OPTIONS }], {
      neighbor: { name: 'edge', peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001 },
      log: log as never,
      changed: (c) => changes.push(c),
    });
    const attributes = { origin: 0, extendedCommunities: [rate(25e6)] };
    pipeline.push({ withdraw: [], announce: [{ afi: 1, safi: 133, nextHop: '', attributes, prefixes: [HOST_TEXT, SLASH16_TEXT, SLASH24_TEXT] }] });
    pipeline.push({ withdraw: [{ afi: 1, safi: 133, prefixes: [HOST_TEXT] }], announce: [] });
    pipeline.stop();

    // The first change announces the two narrow rules with the capped rate, and nothing of the /16.
    expect(changes.map((c) => ({ announce: c.announce.map((g) => g.prefixes), withdraw: c.withdraw.map((w) => [...w.prefixes]) }))).toEqual([
      { announce: [[HOST_TEXT, SLASH24_TEXT]], withdraw: [] },
      { announce: [], withdraw: [[HOST_TEXT]] },
    ]);
    const group = changes[0].announce[0];
    // As the session sends it: an UPDATE of ipv4 flow with no next hop (RFC 8955 §4).
    const sent: RouteBatch = { type: 'update', withdrawn: [], attributes: group.attributes, announced: [{ afi: group.afi, safi: group.safi, nextHop: [], prefixes: group.prefixes }] };
    expect(onTheWire(sent)).toEqual({ announce: [HOST_TEXT, SLASH24_TEXT], withdraw: [], actions: [{ kind: 'rate-limit', asn: 0, bytesPerSecond: 1000000 }] });
    expect(lines).toEqual([
      `edge: export policy "flowspec-guard": refused 1 FlowSpec rule(s) wider than /24 (IPv4) or /48 (IPv6) or with no destination: ${SLASH16_TEXT}`,
      'edge: export policy "flowspec-guard": capped the rate-limit of 2 FlowSpec rule(s) to 1000000 bytes/s',
    ]);
  });
});
