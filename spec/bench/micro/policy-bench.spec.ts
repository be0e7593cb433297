import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { communityOf } from '../../../bench/consumers/attribute-expectation';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';
import { Deadline } from '../../../bench/measure/deadline';
import { runPolicyBench } from '../../../bench/micro/policy-bench';
import { loadBenchChain, REWRITE } from '../../../bench/policies/bench-chain';
import { slash24s, streamOf, updatesFor } from './update-fixtures';

// Logic only: the passes run on a few hundred prefixes and no duration is asserted.
describe('runPolicyBench', () => {
  const updates = updatesFor(slash24s(500));
  const capture = streamOf(updates);
  const policies = loadBenchChain(new Ipv4PrefixRun('10.0.0.0', 500));
  const options = {
    prefixes: 500,
    codec: DEFAULT_CONTEXT,
    policies,
    expectation: { med: REWRITE.med, community: communityOf(REWRITE.community) },
    minPasses: 3,
    minMs: 0,
    maxPasses: 3,
    budgetMs: 60_000,
  };

  it('times decode, the chain and each policy alone, then hands the last pass to inspect', () => {
    const inspected: UpdateMessage[] = [];
    const r = runPolicyBench(capture, { ...options, deadline: new Deadline(60_000), inspect: (b) => inspected.push(b) });
    // The KEEPALIVE is not an UPDATE; the End-of-RIB is, and goes through the chain too.
    expect(r).toMatchObject({ messages: updates.length + 2, updates: updates.length + 1, chainBatches: updates.length + 1 });
    expect([r.decode.ns.length, r.chain.ns.length]).toEqual([3, 3]);
    expect(r.alone.map((p) => [p.name, p.passes.ns.length])).toEqual([
      ['max-length', 3],
      ['deny-bogons', 3],
      ['set-med', 3],
    ]);
    for (const figure of [r.decodeNsPerPrefix, r.chainNsPerPrefix, ...r.alone.map((p) => p.nsPerPrefix)]) expect(figure).toBeGreaterThan(0);
    expect(inspected).toHaveLength(updates.length + 1);
    expect(inspected.flatMap((b) => b.announced.flatMap((l) => l.prefixes))).toEqual(slash24s(500));
    expect(inspected.filter((b) => b.announced.length).every((b) => b.attributes.med === REWRITE.med)).toBe(true);
  });

  it('fails when the chain does not pass every prefix with the rewrite', () => {
    const deadline = new Deadline(60_000);
    expect(() => runPolicyBench(capture, { ...options, deadline, policies: policies.slice(0, 2) })).toThrow(
      /policy chain pass: 500 prefixes came out without the rewritten attributes/,
    );
    expect(() => runPolicyBench(capture, { ...options, deadline, prefixes: 501 })).toThrow(/decode pass: 500 prefixes, the capture holds 501/);
  });
});
