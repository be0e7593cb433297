import { CASES } from '../../../bench/cases';
import { feederAddress, realisticBirdBirdCase, realisticEmitCase, realisticIngestCase } from '../../../bench/cases/realistic';

describe('realistic cases', () => {
  it('are registered as rows of the realistic groups, the full table by default', () => {
    expect([realisticEmitCase, realisticIngestCase, realisticBirdBirdCase].map((c) => [c.name, c.groups, c.defaultN])).toEqual([
      ['realistic-emit', ['realistic-emit'], 1_290_000],
      ['realistic-ingest', ['realistic-ingest'], 1_290_000],
      ['realistic-bird-bird', ['realistic-emit', 'realistic-ingest'], 1_290_000],
    ]);
    for (const c of [realisticEmitCase, realisticIngestCase, realisticBirdBirdCase]) expect(CASES).toContain(c);
  });

  it('gives the feeder its own loopback address beside the sender', () => {
    expect(feederAddress('127.0.3.25')).toBe('127.0.77.25');
  });
});
