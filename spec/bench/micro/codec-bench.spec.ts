import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { runCodecBench } from '../../../bench/micro/codec-bench';
import { Deadline } from '../../../bench/measure/deadline';
import { slash24s, streamOf, updatesFor } from './update-fixtures';

// Logic only: the passes run on a few hundred prefixes and no duration is asserted.
describe('runCodecBench', () => {
  const updates = updatesFor(slash24s(500));
  const capture = streamOf(updates);
  const options = { prefixes: 500, codec: DEFAULT_CONTEXT, maxLength: 4096, minPasses: 3, minMs: 0, maxPasses: 3, budgetMs: 60_000 };

  it('splits the capture once, runs the passes and checks the encoded prefixes', () => {
    let inspected: readonly UpdateMessage[] = [];
    const r = runCodecBench(capture, { ...options, deadline: new Deadline(60_000), inspect: (d) => (inspected = d) });
    expect(r).toMatchObject({ messages: updates.length + 2, updates: updates.length + 1, encodedPrefixes: 500 });
    expect(r.updateBytes).toBe(capture.length - 19);
    expect([r.decode.ns.length, r.decodeText.ns.length, r.encode.ns.length]).toEqual([3, 3, 3]);
    expect(r.encoded).toEqual({ messages: updates.length, bytes: r.updateBytes - 23 });
    for (const figure of [r.decodeNsPerPrefix, r.decodeTextNsPerPrefix, r.encodeNsPerPrefix]) expect(figure).toBeGreaterThan(0);
    expect(inspected).toHaveLength(updates.length + 1);
  });

  it('fails when a pass does not decode the capture’s prefix count', () => {
    expect(() => runCodecBench(capture, { ...options, prefixes: 501, deadline: new Deadline(60_000) })).toThrow(
      /decode pass: 500 prefixes, the capture holds 501/,
    );
  });
});
