import type { ChainPolicy } from '../../../lib/policy/policy-chain';
import { filterRoutes } from '../../../lib/policy/helpers';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { communityOf } from '../../../bench/consumers/attribute-expectation';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';
import { decodeUpdates } from '../../../bench/micro/decode-pass';
import { chainPass, chainPassProblem } from '../../../bench/micro/policy-chain-pass';
import { loadBenchChain, REWRITE } from '../../../bench/policies/bench-chain';
import { slash24s, updatesFor } from './update-fixtures';

const run = new Ipv4PrefixRun('10.0.0.0', 600);
const decoded = decodeUpdates(updatesFor(slash24s(600)), DEFAULT_CONTEXT);
const expectation = { med: REWRITE.med, community: communityOf(REWRITE.community) };

describe('chainPass', () => {
  it('runs the bench chain over decoded UPDATEs: every prefix out, rewritten, nothing withdrawn or logged', () => {
    const seen: number[] = [];
    const count = chainPass(loadBenchChain(run), decoded, expectation, (b) => seen.push(b.attributes.med ?? -1));
    expect(count).toEqual({ batches: decoded.length, announced: 600, withdrawn: 0, unmarked: 0, errors: [] });
    expect(seen).toEqual(Array(decoded.length).fill(4242));
    expect(chainPassProblem('pass', count, 600)).toBeUndefined();
  });

  it('counts routes a policy withdraws, and routes without the rewrite', () => {
    const dropTenOne: ChainPolicy = { name: 'drop', factory: () => filterRoutes((r) => r.ipv4 >>> 16 !== 0x0a01), options: {} };
    const count = chainPass([dropTenOne], decoded, expectation);
    // 10.1.0.0/24 … 10.1.255.0/24 are prefixes 256 to 511.
    expect(count).toMatchObject({ announced: 344, withdrawn: 256, unmarked: 344, errors: [] });
    expect(chainPassProblem('pass', count, 600)).toBe('pass: 344 prefixes came out announced, the capture holds 600');
    expect(chainPassProblem('pass', { ...count, announced: 600 }, 600)).toBe('pass: 256 prefixes came out withdrawn');
    expect(chainPassProblem('pass', { ...count, announced: 600, withdrawn: 0 }, 600)).toBe('pass: 344 prefixes came out without the rewritten attributes');
  });

  it('collects what the chain logs as errors: a policy that throws fails its batches closed', () => {
    const thrower: ChainPolicy = {
      name: 'thrower',
      factory: () =>
        filterRoutes(() => {
          throw new Error('boom');
        }),
      options: {},
    };
    const count = chainPass([thrower], decoded.slice(0, 1));
    expect(count.errors).toHaveLength(1);
    expect(count.errors[0]).toMatch(/import policy "thrower" failed: boom/);
    expect(count.announced).toBe(0);
    expect(chainPassProblem('pass', count, 0)).toMatch(/^pass: the chain logged 1 errors, first: .*boom/);
  });
});
