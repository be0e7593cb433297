/**
 * ingest-policies: the `ingest` case (BIRD → rxbgp as a library, an in-process consumer counting
 * every prefix) with a chain of three import policies on the neighbor (bench/policies/
 * bench-chain.ts: a length filter, a deny list every route is compared with, a MED and community
 * rewrite). Issue 5: the chain must cost well under decoding; this row sits in the ingest table
 * beside `ingest`, so the difference is the policies' cost in the daemon, where they run as they
 * would for a user (the received routes kept beside the Adj-RIB-In, as for any neighbor with
 * import policies). The chain passes every prefix, so the count still proves all N arrived, and
 * the consumer checks every counted prefix carries the rewrite: the policies cannot be off.
 */
import { expectationArgs } from '../consumers/attribute-expectation';
import { benchChainConfig, REWRITE } from '../policies/bench-chain';
import type { BenchCase } from './case-types';
import { runIngest } from './ingest';

export const ingestPoliciesCase: BenchCase = {
  name: 'ingest-policies',
  groups: ['ingest'],
  sender: 'BIRD',
  receiver: 'rxbgp + 3 import policies',
  summary: 'the ingest case with three import policies on the neighbor (length filter, deny list, MED + community rewrite)',
  needs: ['bird', 'rxbgp'],
  async run(ctx) {
    let order = '';
    const result = await runIngest(ctx, (routes) => {
      const chain = benchChainConfig(routes);
      order = chain.import.join(', ');
      return {
        config: { policies: chain.policies, import: chain.import },
        args: expectationArgs(REWRITE),
        started: `rxbgp started with import policies ${order}`,
        expectRewrite: true,
      };
    });
    return { ...result, checks: [`import policies, in order: ${order}`, ...result.checks] };
  },
};
