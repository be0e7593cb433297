import { CHAIN_OVER_DECODE, policyFigures } from '../../../bench/cases/policy-chain';
import type { PolicyBenchResult } from '../../../bench/micro/policy-bench';

describe('policyFigures', () => {
  it('reports decode and chain in ns/prefix, their ratio, each policy alone and the sizes', () => {
    const result: PolicyBenchResult = {
      messages: 12,
      updates: 10,
      decode: { ns: [4000] },
      chain: { ns: [1000] },
      decodeNsPerPrefix: 40,
      chainNsPerPrefix: 10,
      alone: [
        { name: 'max-length', passes: { ns: [300] }, nsPerPrefix: 3 },
        { name: 'set-med', passes: { ns: [100] }, nsPerPrefix: 1 },
      ],
      chainBatches: 10,
    };
    expect(policyFigures(result, 100)).toEqual([
      { name: 'decode', value: 40, unit: 'ns/prefix' },
      { name: 'policy chain', value: 10, unit: 'ns/prefix' },
      { name: CHAIN_OVER_DECODE, value: 0.25, unit: '×' },
      { name: 'policy max-length alone', value: 3, unit: 'ns/prefix' },
      { name: 'policy set-med alone', value: 1, unit: 'ns/prefix' },
      { name: 'messages', value: 10, unit: 'messages' },
      { name: 'prefixes', value: 100, unit: 'prefixes' },
    ]);
  });
});
