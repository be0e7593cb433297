/**
 * FlowSpec rules in policies (lib/policy/flow-routes.ts over family-routes.ts): received FlowSpec
 * UPDATEs, decoded as a session decodes them (the registry's families), go through filterFlows,
 * flowAttributes and mapFlowActions; what comes out is encoded again and decoded, so the actions
 * checked are the bytes a peer would get.
 */
import { lastValueFrom, of, pipe, toArray } from 'rxjs';
import { familyContext } from '../../lib/families/family-context';
import { flowActionCommunity, flowActionOf, parseFlowRoute, type FlowAction, type FlowRule } from '../../lib/families/flowspec';
import { filterFamilyRoutes } from '../../lib/policy/family-routes';
import { filterFlows, flowAttributes, mapFlowActions, type FlowRouteView } from '../../lib/policy/flow-routes';
import { filterRoutes } from '../../lib/policy/helpers';
import { PolicyChain } from '../../lib/policy/policy-chain';
import { AdjRibIn } from '../../lib/rib/adj-rib-in';
import type { Policy, RouteBatch } from '../../lib/policy/types';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, type PathAttributes, type UpdateMessage } from '../../lib/wire/types';
import { flowUpdateMessage } from '../families/flowspec/helpers/build-update';

const ctx = familyContext(DEFAULT_CONTEXT);
const FLOW4 = { afi: 1, safi: 133 } as const;
const FLOW6 = { afi: 2, safi: 133 } as const;

function rule(text: string): FlowRule {
  const parsed = parseFlowRoute(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.route.rule;
}

const rate = (bytesPerSecond: number): bigint => flowActionCommunity({ kind: 'rate-limit', asn: 0, bytesPerSecond });
const MARK = flowActionCommunity({ kind: 'mark', dscp: 10 });
/** route-target 65000:1 (RFC 4360 type 0x0002): not a FlowSpec action, must stay as it is. */
const TARGET = 0x0002fde800000001n;

const NARROW = rule('destination 10.0.0.1/32 protocol [ =udp ] destination-port [ =53 ]');
const WIDE = rule('destination 10.0.0.0/8 protocol [ =tcp ]');
const NO_DESTINATION = rule('source 192.0.2.0/24');
const NARROW_TEXT = 'flow destination-ipv4 10.0.0.1/32 protocol =udp destination-port =53';
const WIDE_TEXT = 'flow destination-ipv4 10.0.0.0/8 protocol =tcp';
const NO_DESTINATION_TEXT = 'flow source-ipv4 192.0.2.0/24';

function decode(bytes: Buffer): UpdateMessage {
  return decodeMessage(bytes, ctx) as UpdateMessage;
}

async function run(policy: Policy, ...batches: RouteBatch[]): Promise<RouteBatch[]> {
  return lastValueFrom(of(...batches).pipe(policy, toArray()));
}

/** "+rule" / "-rule" per route, then the decoded actions of the batch's attributes. */
function meaning(batch: RouteBatch): string[] {
  return [
    ...batch.announced.flatMap((l) => l.prefixes.map((p) => `+${p}`)),
    ...batch.withdrawn.flatMap((l) => l.prefixes.map((p) => `-${p}`)),
    ...(batch.announced.length ? (batch.attributes.extendedCommunities ?? []).map((c) => actionText(flowActionOf(c)) ?? `0x${c.toString(16)}`) : []),
  ];
}

function actionText(a: FlowAction | undefined): string | undefined {
  if (!a) return undefined;
  if (a.kind === 'rate-limit') return `rate-limit ${a.bytesPerSecond}`;
  if (a.kind === 'mark') return `mark ${a.dscp}`;
  return a.kind;
}

/** What a peer decodes of the batch once rxbgp has encoded it. */
function onTheWire(batch: RouteBatch): UpdateMessage {
  return decode(encodeMessage(batch, ctx));
}

describe('filterFlows', () => {
  it('withdraws the received rules the function refuses, reading the destination length', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW, WIDE, NO_DESTINATION], extendedCommunities: [rate(9600)] }));
    const [out, ...more] = await run(filterFlows((f) => (f.destination?.length ?? 0) >= 24), received);
    expect(more).toEqual([]);
    expect(meaning(out)).toEqual([`+${NARROW_TEXT}`, `-${WIDE_TEXT}`, `-${NO_DESTINATION_TEXT}`, 'rate-limit 9600']);
    // The withdrawal is an MP_UNREACH_NLRI of ipv4 flow a peer reads back.
    const wire = onTheWire(out);
    expect(wire.withdrawn.map((l) => [l.afi, l.safi, l.prefixes])).toEqual([[1, 133, [WIDE_TEXT, NO_DESTINATION_TEXT]]]);
    expect(wire.announced.map((l) => [l.afi, l.safi, l.prefixes])).toEqual([[1, 133, [NARROW_TEXT]]]);
  });

  it('shows each rule with its components, the decoded actions and the route context', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW], extendedCommunities: [TARGET, rate(0), MARK] }));
    const seen: Array<Partial<FlowRouteView>> = [];
    await run(
      filterFlows((f) => {
        seen.push({ family: f.family, afi: f.afi, safi: f.safi, text: f.text, destination: f.destination, protocols: f.protocols, destinationPorts: f.destinationPorts, actions: f.actions, rateLimit: f.rateLimit, discard: f.discard, nextHop: f.nextHop });
        return true;
      }),
      received,
    );
    expect(seen).toEqual([
      {
        family: 'ipv4 flow',
        afi: 1,
        safi: 133,
        text: NARROW_TEXT,
        destination: { prefix: '10.0.0.1/32', length: 32, offset: 0 },
        protocols: [17],
        destinationPorts: [53],
        actions: [
          { kind: 'rate-limit', asn: 0, bytesPerSecond: 0 },
          { kind: 'mark', dscp: 10 },
        ],
        rateLimit: 0,
        discard: true,
        nextHop: [],
      },
    ]);
  });

  it('passes a batch it keeps whole as the same object, unicast lists untouched, withdrawals as they are', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW] }));
    const withdrawal = decode(flowUpdateMessage({ family: FLOW4, rules: [WIDE], withdraw: true }));
    const unicast: RouteBatch = { type: 'update', withdrawn: [], attributes: { origin: 0 }, announced: [{ afi: 1, safi: 1, nextHop: ['192.0.2.1'], prefixes: ['10.0.0.0/8'] }] };
    const calls: string[] = [];
    const out = await run(filterFlows((f) => (calls.push(f.text), true)), received, withdrawal, unicast);
    expect(out[0]).toBe(received);
    expect(out[1]).toBe(withdrawal);
    expect(out[2]).toBe(unicast);
    expect(calls).toEqual([NARROW_TEXT]);
  });

  it('passes a withdrawal of flow rules as it is, even when it refuses every rule', async () => {
    const withdrawal = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW, WIDE], withdraw: true }));
    const [out] = await run(filterFlows(() => false), withdrawal);
    expect(meaning(out)).toEqual([`-${NARROW_TEXT}`, `-${WIDE_TEXT}`]);
  });

  it('reads IPv6 rules (next-header as protocols)', async () => {
    const v6 = decode(flowUpdateMessage({ family: FLOW6, rules: [rule('destination-ipv6 2001:db8::/32/0 next-header [ =tcp ]'), rule('destination-ipv6 2001:db8:1::/64/0')] }));
    const [out] = await run(filterFlows((f) => f.protocols?.includes(6) === true), v6);
    expect(meaning(out)).toEqual(['+flow destination-ipv6 2001:db8::/32/0 next-header =tcp', '-flow destination-ipv6 2001:db8:1::/64/0']);
  });

  it('is the generic filterFamilyRoutes for kind "flow": the view comes from the family descriptor', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW, WIDE] }));
    const kinds: string[] = [];
    const [out] = await run(
      filterFamilyRoutes<{ kind: 'flow'; text: string }>('flow', (r) => (kinds.push(`${r.family} ${r.view.kind}`), r.view.text === NARROW_TEXT)),
      received,
    );
    expect(kinds).toEqual(['ipv4 flow flow', 'ipv4 flow flow']);
    expect(meaning(out)).toEqual([`+${NARROW_TEXT}`, `-${WIDE_TEXT}`]);
  });
});

describe('flowAttributes and mapFlowActions', () => {
  /** Caps traffic-rate at `max` bytes/s, one changed object per input attributes. */
  function capRate(max: number): Policy {
    const capped = new WeakMap<PathAttributes, PathAttributes>();
    return flowAttributes((f) => {
      if (f.rateLimit === undefined || f.rateLimit <= max) return f.attributes;
      let out = capped.get(f.attributes);
      if (!out) {
        out = mapFlowActions(f.attributes, (a) => (a.kind === 'rate-limit' && a.bytesPerSecond > max ? { ...a, bytesPerSecond: max } : a));
        capped.set(f.attributes, out);
      }
      return out;
    });
  }

  it('caps a rate: the re-encoded extended community carries the new rate, other communities kept in place', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW, WIDE], extendedCommunities: [TARGET, rate(50e6), MARK] }));
    const [out, ...more] = await run(capRate(1e6), received);
    expect(more).toEqual([]);
    const wire = onTheWire(out);
    expect(wire.announced.map((l) => l.prefixes)).toEqual([[NARROW_TEXT, WIDE_TEXT]]);
    expect(wire.attributes.extendedCommunities).toEqual([TARGET, rate(1e6), MARK]);
    expect(flowActionOf(wire.attributes.extendedCommunities![1])).toEqual({ kind: 'rate-limit', asn: 0, bytesPerSecond: 1e6 });
  });

  it('leaves a batch under the cap as the same object', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW], extendedCommunities: [rate(9600)] }));
    const [out] = await run(capRate(1e6), received);
    expect(out).toBe(received);
  });

  it('splits the rules it gives other attributes into a batch of their own; unicast routes keep theirs; withdrawals go with the first', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW, WIDE, NO_DESTINATION], extendedCommunities: [rate(1000)] }));
    const unicast = { afi: 1, safi: 1, nextHop: ['192.0.2.1'], prefixes: ['10.9.0.0/16'] };
    const batch: RouteBatch = { ...received, announced: [unicast, ...received.announced], withdrawn: [{ afi: 1, safi: 133, prefixes: ['flow source-ipv4 198.51.100.0/24'] }] };
    const discard = mapFlowActions(received.attributes, (a) => (a.kind === 'rate-limit' ? { ...a, bytesPerSecond: 0 } : a));
    const out = await run(
      flowAttributes((f) => (f.destination === undefined ? null : f.destination.length < 24 ? discard : f.attributes)),
      batch,
    );
    expect(out.map(meaning)).toEqual([
      ['+10.9.0.0/16', `+${NARROW_TEXT}`, '-flow source-ipv4 198.51.100.0/24', `-${NO_DESTINATION_TEXT}`, 'rate-limit 1000'],
      [`+${WIDE_TEXT}`, 'rate-limit 0'],
    ]);
    expect(out[1].attributes.extendedCommunities).toEqual([rate(0)]);
    // Each batch is a message a peer reads back.
    expect(out.map((b) => onTheWire(b).announced.flatMap((l) => l.prefixes))).toEqual([['10.9.0.0/16', NARROW_TEXT], [WIDE_TEXT]]);
  });

  it('mapFlowActions removes an action given null and returns the same object when nothing changes', () => {
    const attributes: PathAttributes = { origin: 0, extendedCommunities: [TARGET, rate(5), MARK] };
    expect(mapFlowActions(attributes, (a) => a)).toBe(attributes);
    expect(mapFlowActions({ origin: 0 }, () => null)).toEqual({ origin: 0 });
    expect(mapFlowActions(attributes, (a) => (a.kind === 'mark' ? null : a)).extendedCommunities).toEqual([TARGET, rate(5)]);
  });
});

describe('the prefix helpers beside flow helpers', () => {
  it('filterRoutes never sees a decoded flow rule, filterFlows never sees a prefix', async () => {
    const received = decode(flowUpdateMessage({ family: FLOW4, rules: [WIDE] }));
    const batch: RouteBatch = { ...received, announced: [{ afi: 1, safi: 1, nextHop: ['192.0.2.1'], prefixes: ['10.0.0.0/25'] }, ...received.announced] };
    const prefixes: string[] = [];
    const flows: string[] = [];
    const [out] = await run(
      pipe(
        filterRoutes((r) => (prefixes.push(r.prefix), false)),
        filterFlows((f) => (flows.push(f.text), false)),
      ),
      batch,
    );
    expect(prefixes).toEqual(['10.0.0.0/25']);
    expect(flows).toEqual([WIDE_TEXT]);
    expect(meaning(out)).toEqual(['-10.0.0.0/25', `-${WIDE_TEXT}`]);
  });
});

describe('withdrawals of FlowSpec rules through policies', () => {
  const neighbor = { name: 'n1', peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001 };
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

  function chain(policy: Policy, out: RouteBatch[]): PolicyChain {
    return new PolicyChain([{ name: 'p', factory: () => policy, options: {} }], { direction: 'import', neighbor, scheduler: undefined as never, log: quiet }, (b) => out.push(b));
  }

  it('a rule refused after it was accepted leaves the Adj-RIB-In; a withdrawal of the peer removes the rest', () => {
    const rib = new AdjRibIn();
    const out: RouteBatch[] = [];
    let refuse = false;
    const c = chain(filterFlows((f) => !(refuse && f.text === WIDE_TEXT)), out);
    c.push(decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW, WIDE] })));
    refuse = true;
    c.push(decode(flowUpdateMessage({ family: FLOW4, rules: [WIDE] })));
    c.push(decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW], withdraw: true })));
    for (const b of out) rib.apply(onTheWire(b));
    expect(out.map(meaning)).toEqual([[`+${NARROW_TEXT}`, `+${WIDE_TEXT}`], [`-${WIDE_TEXT}`], [`-${NARROW_TEXT}`]]);
    expect([...rib.entries()]).toEqual([]);
  });

  it('a policy that throws on a FlowSpec UPDATE withdraws its rules (fail closed), as ipv4 flow withdrawals', () => {
    const out: RouteBatch[] = [];
    const c = chain(filterFlows(() => {
      throw new Error('boom');
    }), out);
    c.push(decode(flowUpdateMessage({ family: FLOW4, rules: [NARROW, WIDE], extendedCommunities: [rate(1)] })));
    expect(out.map(meaning)).toEqual([[`-${NARROW_TEXT}`, `-${WIDE_TEXT}`]]);
    const wire = onTheWire(out[0]);
    expect(wire.withdrawn.map((l) => [l.afi, l.safi, l.prefixes])).toEqual([[1, 133, [NARROW_TEXT, WIDE_TEXT]]]);
  });
});
