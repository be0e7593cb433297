/**
 * policy-chain: what the three-policy import chain of bench/policies/bench-chain.ts costs per
 * prefix, beside what decoding costs, on a real stream (issue 5: the chain must cost well under
 * decoding). As in the codec case, BIRD sends the run to a capture peer (bench/micro/
 * capture-peer.ts) and is stopped; this process then times rxbgp's decoder over the capture and
 * the real policy modules (loaded as the daemon loads them, run in a PolicyChain as a session runs
 * them) over the decoded UPDATEs, the whole chain and each policy alone, medians of several passes.
 * setupSeconds is the capture, BIRD's loading included.
 */
import { performance } from 'perf_hooks';
import { communityOf } from '../consumers/attribute-expectation';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { PrefixTally } from '../measure/prefix-tally';
import type { CapturedStream } from '../micro/capture-peer';
import { passesText } from '../micro/passes';
import { runPolicyBench, type PolicyBenchResult } from '../micro/policy-bench';
import { loadBenchChain, REWRITE } from '../policies/bench-chain';
import { CAPTURE_PASSES, captureFromBird, tallyLists } from './bird-capture';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext, type Figure } from './case-types';

const MB = 1e6;

/** The figure the issue-5 target compares: the chain's ns per prefix over decode's. */
export const CHAIN_OVER_DECODE = 'policy chain / decode';

export const policyChainCase: BenchCase = {
  name: 'policy-chain',
  groups: ['codec'],
  sender: 'BIRD (captured)',
  receiver: 'rxbgp import policies',
  summary: 'times a chain of three import policies in-process over a captured BIRD stream of N prefixes, beside decoding it (ns per prefix)',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    // Loaded first: a module that does not load fails the case before BIRD is started.
    const policies = loadBenchChain(routes);
    const stream = await captureFromBird(ctx, routes);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`captured ${(stream.bytes.length / MB).toFixed(2)} MB, ${stream.prefixes} prefixes; timing decode and policies ${policies.map((p) => p.name).join(', ')}`);

    const tally = new PrefixTally(routes, []);
    const bench = runPolicyBench(stream.bytes, {
      prefixes: stream.prefixes,
      codec: stream.codec,
      policies,
      expectation: { med: REWRITE.med, community: communityOf(REWRITE.community) },
      ...CAPTURE_PASSES,
      deadline: ctx.deadline,
      // After the timed passes, so the text made here is not in them.
      inspect: (batch) => tallyLists(tally, batch.announced, batch.withdrawn),
    });

    const problems: string[] = [];
    if (stream.prefixes !== ctx.n) problems.push(`the capture holds ${stream.prefixes} prefixes, not N = ${ctx.n}`);
    if (!tally.matchesRun()) {
      problems.push(
        `what the chain passed is not the run: ${tally.distinct} of ${ctx.n} distinct, ${tally.unexpected} unexpected, ` +
          `${tally.duplicates} duplicates, ${tally.withdrawn} withdrawn`,
      );
    }
    const checks = checksOf(bench, stream, policies.map((p) => p.name));
    if (tally.matchesRun()) checks.splice(1, 0, `the chain passed exactly the run: ${tally.distinct} distinct prefixes, none unexpected or withdrawn, every one with MED ${REWRITE.med} and community ${REWRITE.community}`);
    return { setupSeconds, figures: policyFigures(bench, stream.prefixes), problems, checks };
  },
};

/** The case's figures: decode and chain ns per prefix, their ratio, each policy alone, and the sizes. */
export function policyFigures(b: PolicyBenchResult, prefixes: number): Figure[] {
  return [
    { name: 'decode', value: b.decodeNsPerPrefix, unit: 'ns/prefix' },
    { name: 'policy chain', value: b.chainNsPerPrefix, unit: 'ns/prefix' },
    { name: CHAIN_OVER_DECODE, value: b.chainNsPerPrefix / b.decodeNsPerPrefix, unit: '×' },
    ...b.alone.map((p): Figure => ({ name: `policy ${p.name} alone`, value: p.nsPerPrefix, unit: 'ns/prefix' })),
    { name: 'messages', value: b.updates, unit: 'messages' },
    { name: 'prefixes', value: prefixes, unit: 'prefixes' },
  ];
}

function checksOf(b: PolicyBenchResult, stream: CapturedStream, names: readonly string[]): string[] {
  const passes = passesText;
  return [
    `capture: ${(stream.bytes.length / MB).toFixed(2)} MB, ${stream.messages} messages (${stream.updates} UPDATEs), ended on ` +
      `${stream.endOfRib ? 'the End-of-RIB' : 'the N-th prefix'}; chain ${names.join(' → ')}, ${b.chainBatches} batches out`,
    `passes: decode ${passes(b.decode)}, policy chain ${passes(b.chain)}, ` +
      b.alone.map((p) => `${p.name} alone ${passes(p.passes)}`).join(', ') +
      '; every pass passed on every prefix, none withdrawn, and each chain pass found all of them rewritten',
  ];
}
