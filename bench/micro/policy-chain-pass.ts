/**
 * One pass of decoded UPDATEs through a chain of import policies, run as the daemon runs them
 * (lib/policy/policy-chain.ts PolicyChain: one stage per policy, fail closed), with the batches
 * that come out counted: the caller checks the counts, so the work is used and a chain that drops,
 * withdraws or fails to rewrite a route fails the case instead of giving a figure.
 */
import { queueScheduler } from 'rxjs';
import { PolicyChain, type ChainPolicy } from '../../lib/policy/policy-chain';
import type { RouteBatch } from '../../lib/policy/types';
import { nlriCount } from '../../lib/wire/nlri/packed-ipv4';
import type { UpdateMessage } from '../../lib/wire/types';
import { meetsExpectation, type AttributeExpectation } from '../consumers/attribute-expectation';

export interface ChainPassCount {
  /** Batches the chain passed on. */
  readonly batches: number;
  /** Prefixes they announce. */
  readonly announced: number;
  /** Prefixes they withdraw (a route a policy rejected, or a whole batch failed closed). */
  readonly withdrawn: number;
  /** Announced prefixes whose attributes miss the expectation (0 without one). */
  readonly unmarked: number;
  /** Lines the chain logged as errors (a policy that threw, failed or did not load). */
  readonly errors: readonly string[];
}

/** Who the chain thinks it runs for: its policies' context.neighbor. */
const NEIGHBOR = { name: 'bench', peerAddress: '127.0.3.1', peerAs: 65001, localAs: 65002 };

/**
 * Pushes every update through a new chain of `policies` and counts what comes out; `observe` sees
 * each batch that comes out (untimed verification only: it may make text). The chain is built and
 * stopped within the pass, as a session's is: that costs a few objects, nothing per prefix.
 */
export function chainPass(
  policies: readonly ChainPolicy[],
  updates: readonly UpdateMessage[],
  expectation?: AttributeExpectation,
  observe?: (batch: RouteBatch) => void,
): ChainPassCount {
  let batches = 0;
  let announced = 0;
  let withdrawn = 0;
  let unmarked = 0;
  const errors: string[] = [];
  const ignore = () => undefined;
  const chain = new PolicyChain(
    policies,
    { direction: 'import', neighbor: NEIGHBOR, scheduler: queueScheduler, log: { info: ignore, warn: ignore, error: (m) => void errors.push(m) } },
    (batch) => {
      batches++;
      for (const list of batch.announced) {
        const n = nlriCount(list);
        announced += n;
        if (expectation && !meetsExpectation(batch.attributes, expectation)) unmarked += n;
      }
      for (const list of batch.withdrawn) withdrawn += nlriCount(list);
      observe?.(batch);
    },
  );
  for (let i = 0; i < updates.length; i++) chain.push(updates[i]);
  chain.stop();
  return { batches, announced, withdrawn, unmarked, errors };
}

/** Why a pass's counts are wrong for a chain that must pass all `prefixes` (rewritten, with an expectation), or undefined. */
export function chainPassProblem(what: string, count: ChainPassCount, prefixes: number): string | undefined {
  if (count.errors.length) return `${what}: the chain logged ${count.errors.length} errors, first: ${count.errors[0]}`;
  if (count.announced !== prefixes) return `${what}: ${count.announced} prefixes came out announced, the capture holds ${prefixes}`;
  if (count.withdrawn !== 0) return `${what}: ${count.withdrawn} prefixes came out withdrawn`;
  if (count.unmarked !== 0) return `${what}: ${count.unmarked} prefixes came out without the rewritten attributes`;
  return undefined;
}
