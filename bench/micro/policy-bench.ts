/**
 * The in-process half of the policy-chain case: a captured stream split into messages once; timed
 * passes of decoding it (the cost the issue compares the chain with), then of running the decoded
 * UPDATEs through the whole import chain, then through each policy alone. Medians over several
 * passes (passes.ts), each pass checking its counts; one last untimed pass hands every batch the
 * chain passed on to `inspect`, to check the result against the run.
 */
import type { ChainPolicy } from '../../lib/policy/policy-chain';
import type { RouteBatch } from '../../lib/policy/types';
import type { CodecContext } from '../../lib/wire/types';
import type { AttributeExpectation } from '../consumers/attribute-expectation';
import type { Deadline } from '../measure/deadline';
import { decodePass, decodeUpdates } from './decode-pass';
import { splitMessages, updatesOf } from './message-split';
import { medianNsPerPrefix, timePasses, type PassLimits, type PassTimes } from './passes';
import { chainPass, chainPassProblem } from './policy-chain-pass';

export interface PolicyBenchOptions extends Omit<PassLimits, 'deadline'> {
  /** Prefixes the captured UPDATEs announce (counted while capturing). */
  readonly prefixes: number;
  readonly codec: CodecContext;
  /** The chain, in order; it must pass every prefix. */
  readonly policies: readonly ChainPolicy[];
  /** What the chain writes on every route it passes. */
  readonly expectation: AttributeExpectation;
  readonly deadline: Deadline;
  /** Called, untimed, with each batch of the last chain pass. */
  readonly inspect?: (batch: RouteBatch) => void;
}

export interface PolicyAloneTimes {
  readonly name: string;
  readonly passes: PassTimes;
  readonly nsPerPrefix: number;
}

export interface PolicyBenchResult {
  readonly messages: number;
  readonly updates: number;
  readonly decode: PassTimes;
  readonly chain: PassTimes;
  /** Median pass per prefix, ns. */
  readonly decodeNsPerPrefix: number;
  readonly chainNsPerPrefix: number;
  /** Each policy of the chain run alone, in chain order. */
  readonly alone: readonly PolicyAloneTimes[];
  /** Batches the chain passed on in the last pass (a batch in, a batch out for these policies). */
  readonly chainBatches: number;
}

export function runPolicyBench(capture: Buffer, o: PolicyBenchOptions): PolicyBenchResult {
  const messages = splitMessages(capture);
  const updates = updatesOf(messages);
  const limits: PassLimits = { minPasses: o.minPasses, minMs: o.minMs, maxPasses: o.maxPasses, budgetMs: o.budgetMs, deadline: o.deadline };
  const fail = (problem: string | undefined) => {
    if (problem) throw new Error(problem);
  };

  const decode = timePasses('decode', limits, () => {
    const got = decodePass(updates, o.codec);
    if (got !== o.prefixes) throw new Error(`decode pass: ${got} prefixes, the capture holds ${o.prefixes}`);
  });

  // The chain's input is what the session hands it: each UPDATE decoded once, not timed here.
  const decoded = decodeUpdates(updates, o.codec);
  const chain = timePasses('policy chain', limits, () => fail(chainPassProblem('policy chain pass', chainPass(o.policies, decoded, o.expectation), o.prefixes)));
  const alone = o.policies.map((p): PolicyAloneTimes => {
    const passes = timePasses(`policy ${p.name}`, limits, () => fail(chainPassProblem(`policy ${p.name} pass`, chainPass([p], decoded), o.prefixes)));
    return { name: p.name, passes, nsPerPrefix: medianNsPerPrefix(passes, o.prefixes) };
  });

  const last = chainPass(o.policies, decoded, o.expectation, o.inspect);
  fail(chainPassProblem('policy chain (last pass)', last, o.prefixes));
  return {
    messages: messages.length,
    updates: updates.length,
    decode,
    chain,
    decodeNsPerPrefix: medianNsPerPrefix(decode, o.prefixes),
    chainNsPerPrefix: medianNsPerPrefix(chain, o.prefixes),
    alone,
    chainBatches: last.batches,
  };
}
