import type { SinkStats } from '../../../lib/sinks/sink';
import { sinksDrained, sinkStatsObject, sinkStatsVerdict } from '../../../bench/consumers/sink-drain';

const stats = (s: Partial<SinkStats>): SinkStats => ({ accepted: 10, written: 10, skipped: 0, dropped: 0, queued: 0, errors: 0, ...s });

describe('sinksDrained', () => {
  it('holds when every sink wrote (or dropped) all it took and holds nothing', () => {
    expect(sinksDrained(new Map([['a', stats({})]]))).toBe(true);
    expect(sinksDrained(new Map([['a', stats({})], ['b', stats({ written: 7, dropped: 3 })]]))).toBe(true);
    // An MRT sink's state events: taken, nothing to write.
    expect(sinksDrained(new Map([['a', stats({ written: 8, skipped: 2 })]]))).toBe(true);
  });

  it('does not hold while events are queued or a batch is being written', () => {
    expect(sinksDrained(new Map([['a', stats({ written: 6, queued: 4 })]]))).toBe(false);
    // A batch taken from the queue: nothing queued, yet not written.
    expect(sinksDrained(new Map([['a', stats({ written: 6 })]]))).toBe(false);
    expect(sinksDrained(new Map([['a', stats({})], ['b', stats({ written: 9 })]]))).toBe(false);
  });

  it('does not hold before a sink took anything, nor without sinks', () => {
    expect(sinksDrained(new Map([['a', stats({ accepted: 0, written: 0 })]]))).toBe(false);
    expect(sinksDrained(new Map())).toBe(false);
  });
});

describe('sinkStatsVerdict', () => {
  it('checks each expected sink wrote every event, and names what went wrong otherwise', () => {
    const ok = sinkStatsVerdict(sinkStatsObject(new Map([['bus', stats({})]])), ['bus']);
    expect(ok).toEqual({ checks: ['sink bus: 10 of 10 events written, 0 dropped, 0 failed writes'], problems: [] });
    const mrt = sinkStatsVerdict({ dumps: stats({ written: 7, skipped: 3 }) }, ['dumps']);
    expect(mrt).toEqual({ checks: ['sink dumps: 7 of 10 events written, 3 with nothing to write, 0 dropped, 0 failed writes'], problems: [] });
    const bad = sinkStatsVerdict({ bus: stats({ written: 8, dropped: 2, errors: 1, lastError: 'broker down' }) }, ['bus', 'file']);
    expect(bad.checks).toEqual([]);
    expect(bad.problems).toEqual(['sink bus: 8 of 10 events written, 2 dropped, 1 failed writes (last: broker down)', 'sink file: no counters (not configured?)']);
  });

  it('is a problem when the consumer printed no counters', () => {
    expect(sinkStatsVerdict(undefined, ['bus']).problems).toEqual(['the consumer printed no sink counters']);
  });
});
