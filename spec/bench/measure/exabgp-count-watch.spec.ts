import { EXABGP_COUNT_PREFIX, ExabgpCountWatch } from '../../../bench/measure/exabgp-count-watch';

const report = (fields: Record<string, unknown>) => EXABGP_COUNT_PREFIX + JSON.stringify(fields);
const tally = (why: string, distinct: number, t: number) =>
  report({
    event: 'tally',
    why,
    t,
    distinct,
    count: 4,
    entries: distinct + 1,
    duplicates: 1,
    unexpected: 0,
    withdrawn: 0,
    other_families: 0,
    updates: 2,
    eors: why === 'eor' ? 1 : 0,
    strays: 0,
    lines: 4,
    events: { state: 2, update: 2 },
    cpu_seconds: 0.5,
  });

describe('ExabgpCountWatch', () => {
  it("ignores ExaBGP's own stderr lines and learns the helper's PID from its ready report", () => {
    const watch = new ExabgpCountWatch();
    watch.line('Traceback (most recent call last):');
    watch.line('11:31:35 | 30423  | reactor | loaded new configuration successfully');
    expect(watch.ready).toBe(false);
    watch.line(report({ event: 'ready', pid: 4242, count: 4, t: 100 }));
    expect(watch.ready).toBe(true);
    expect(watch.helperPid).toBe(4242);
    expect(watch.badReports).toBe(0);
  });

  it("marks the session up on the helper's up report and times milestones by the helper's own clock", () => {
    const watch = new ExabgpCountWatch();
    watch.line(report({ event: 'up', t: 100, peer: '127.0.0.1' }));
    const upHere = watch.session.upAt!;
    expect(upHere).toBeDefined();
    watch.line(report({ event: 'progress', distinct: 1, entries: 1, t: 100.25 }));
    watch.line(report({ event: 'progress', distinct: 3, entries: 3, t: 101.5 }));
    expect(watch.distinct).toBe(3);
    expect(watch.reachedAt(1)).toBeCloseTo(upHere + 250, 6);
    // The first report at or above k: the helper reports each mark exactly when it is reached.
    expect(watch.reachedAt(2)).toBeCloseTo(upHere + 1500, 6);
    expect(watch.reachedAt(4)).toBeUndefined();
    watch.line(report({ event: 'progress', distinct: 4, entries: 5, t: 102 }));
    expect(watch.reachedAt(4)).toBeCloseTo(upHere + 2000, 6);
    // A second "up" (a flap) keeps the first.
    watch.line(report({ event: 'up', t: 150 }));
    expect(watch.reachedAt(4)).toBeCloseTo(upHere + 2000, 6);
  });

  it('has no milestone times before the session is up', () => {
    const watch = new ExabgpCountWatch();
    watch.line(report({ event: 'progress', distinct: 4, entries: 4, t: 1 }));
    expect(watch.reachedAt(4)).toBeUndefined();
  });

  it('passes a down report to the session after it came up', () => {
    const watch = new ExabgpCountWatch();
    watch.line(report({ event: 'up', t: 1 }));
    watch.line(report({ event: 'down', reason: 'hold timer expired', t: 2 }));
    expect(watch.session.downReason).toBe('ExaBGP: state down hold timer expired');
  });

  it('keeps the latest tally and the first one written at End-of-RIB', () => {
    const watch = new ExabgpCountWatch();
    watch.line(tally('done', 4, 10));
    expect(watch.tally).toMatchObject({ why: 'done', distinct: 4, count: 4, entries: 5, duplicates: 1, otherFamilies: 0, cpuSeconds: 0.5 });
    expect(watch.eorTally).toBeUndefined();
    watch.line(tally('eor', 4, 11));
    watch.line(tally('eor', 3, 12));
    watch.line(tally('eof', 3, 13));
    expect(watch.eorTally).toMatchObject({ why: 'eor', distinct: 4, eors: 1, events: { state: 2, update: 2 } });
    expect(watch.tally).toMatchObject({ why: 'eof', distinct: 3 });
  });

  it('counts prefixed lines that are not well-formed reports', () => {
    const watch = new ExabgpCountWatch();
    watch.line(`${EXABGP_COUNT_PREFIX}{not json`);
    watch.line(`${EXABGP_COUNT_PREFIX}null`);
    watch.line(report({ event: 'progress', distinct: 1 })); // no time
    watch.line(report({ event: 'progress', t: 1 })); // no count
    watch.line(report({ event: 'tally', why: 'eof', t: 1, distinct: 1 })); // counts missing
    watch.line(report({ event: 'surprise', t: 1 }));
    expect(watch.badReports).toBe(6);
    expect(watch.distinct).toBe(0);
    expect(watch.tally).toBeUndefined();
  });
});
