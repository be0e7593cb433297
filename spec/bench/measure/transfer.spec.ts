import { Deadline, DeadlineExceeded, pollUntil } from '../../../bench/measure/deadline';
import { SessionWatch } from '../../../bench/measure/session-watch';
import { measureTransfer, nextPollMs, type MeasuredProcess, type ReceiverProbe } from '../../../bench/measure/transfer';

/** Both ends are this test process: its CPU and RSS counters are real, its exit never happens. */
const self = (name: string): MeasuredProcess => ({ name, pid: process.pid, exitText: () => undefined });

function probe(counts: () => number, session = new SessionWatch()): ReceiverProbe {
  return { process: self('receiver'), session, count: counts, poll: { minMs: 1, maxMs: 1 } };
}

describe('measureTransfer', () => {
  it('runs from the receiver reporting Established until it holds N, passing 99 % on the way', async () => {
    const session = new SessionWatch();
    let held = 0;
    setTimeout(() => session.markUp(), 5);
    const m = await measureTransfer(self('sender'), probe(() => (session.upAt === undefined ? 0 : (held += 250)), session), 1000, new Deadline(10000));
    expect(m.outcome).toBe('done');
    expect(m.received).toBe(1000);
    expect(m.seconds).toBeGreaterThanOrEqual(m.t99Seconds!);
    expect(m.t99Seconds).toBeGreaterThanOrEqual(0);
    expect(m.senderCpuSeconds).toBeGreaterThanOrEqual(0);
    expect(m.receiverPeakRssBytes).toBeGreaterThan(0);
  });

  it('uses the moments a streamed receiver recorded rather than the poll time', async () => {
    const session = new SessionWatch();
    session.markUp();
    const up = session.upAt!;
    const m = await measureTransfer(
      self('sender'),
      { ...probe(() => 100, session), reachedAt: (k) => (k === 99 ? up + 250 : up + 1500) },
      100,
      new Deadline(10000),
    );
    expect(m.t99Seconds).toBeCloseTo(0.25, 9);
    expect(m.seconds).toBeCloseTo(1.5, 9);
  });

  it('reports a timeout with what was held when the deadline passed', async () => {
    const session = new SessionWatch();
    session.markUp();
    const m = await measureTransfer(self('sender'), probe(() => 7, session), 1000, new Deadline(30));
    expect(m.outcome).toBe('timeout');
    expect(m.received).toBe(7);
    expect(m.seconds).toBeUndefined();
    expect(m.detail).toMatch(/receiver to hold 1000 prefixes \(it holds 7\)/);
  });

  it('reports a timeout when the session never comes up', async () => {
    const m = await measureTransfer(self('sender'), probe(() => 0), 10, new Deadline(30));
    expect(m.outcome).toBe('timeout');
    expect(m.detail).toMatch(/receiver to report the session Established/);
  });

  it('fails when the session goes down during the transfer', async () => {
    const session = new SessionWatch();
    session.markUp();
    let calls = 0;
    const m = await measureTransfer(
      self('sender'),
      probe(() => {
        if (++calls === 3) session.markDown('hold timer expired');
        return calls;
      }, session),
      1000,
      new Deadline(10000),
    );
    expect(m.outcome).toBe('failed');
    expect(m.detail).toBe('after 3 of 1000 prefixes: hold timer expired');
  });

  it('fails when the sender exits', async () => {
    const session = new SessionWatch();
    session.markUp();
    const sender = { ...self('sender'), exitText: () => 'sender exited (code 1, signal null)' };
    const m = await measureTransfer(sender, probe(() => 0, session), 10, new Deadline(10000));
    expect(m.outcome).toBe('failed');
    expect(m.detail).toMatch(/sender exited/);
  });
});

describe('SessionWatch', () => {
  it('calls listeners once when the session comes up, late listeners at once', () => {
    const watch = new SessionWatch();
    const seen: number[] = [];
    watch.onUp((at) => seen.push(at));
    watch.markUp();
    watch.markUp();
    watch.onUp((at) => seen.push(at));
    expect(seen).toEqual([watch.upAt, watch.upAt]);
  });
});

describe('pollUntil', () => {
  it('returns the first value the probe gives', async () => {
    let n = 0;
    await expect(pollUntil('three', new Deadline(5000), () => (++n === 3 ? 'yes' : undefined), { intervalMs: 1 })).resolves.toBe('yes');
  });

  it('throws DeadlineExceeded naming what it waited for', async () => {
    const err = await pollUntil('never', new Deadline(20), () => undefined, { intervalMs: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceeded);
    expect((err as Error).message).toBe('deadline reached while waiting for never');
  });

  it('stops at once when abort gives a reason', async () => {
    await expect(pollUntil('x', new Deadline(5000), () => undefined, { abort: () => 'bird exited' })).rejects.toThrow('while waiting for x: bird exited');
  });
});

describe('nextPollMs', () => {
  const poll = { minMs: 250, maxMs: 3000 };

  it('polls at the shortest interval until something has arrived', () => {
    expect(nextPollMs(poll, 0, 1000, 5000)).toBe(250);
  });

  it('waits a quarter of the time the current rate needs, within the bounds', () => {
    // 100 of 1000 in 1 s: 9 s left at that rate.
    expect(nextPollMs(poll, 100, 1000, 1000)).toBe(2250);
    expect(nextPollMs(poll, 10, 1000, 1000)).toBe(3000);
    expect(nextPollMs(poll, 990, 1000, 10000)).toBe(250);
  });
});
