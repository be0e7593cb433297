import { SinkQueue } from '../../lib/sinks/sink-queue';
import type { SinkEvent, SinkWriter } from '../../lib/sinks/sink';

const event = (i: number) => ({ time: i }) as unknown as SinkEvent;

/** A writer whose writes wait until released, recording what it got. */
function slowWriter() {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  let fail = false;
  const writer: SinkWriter = {
    write: (events) =>
      new Promise<number>((resolve, reject) => {
        batches.push(events.map((e) => e.time));
        release = () => (fail ? reject(new Error('disk full')) : resolve(events.length));
      }),
    close: () => Promise.resolve(),
  };
  return { writer, batches, release: () => release(), failNext: () => (fail = true) };
}

describe('SinkQueue', () => {
  it('writes in batches, in order, one write at a time', async () => {
    const w = slowWriter();
    const reports: string[] = [];
    const q = new SinkQueue(w.writer, { capacity: 10, batch: 3, report: (m) => reports.push(m) });
    for (let i = 0; i < 5; i++) q.push(event(i));
    expect(w.batches).toEqual([[0]]);
    // The event being written is the oldest not written yet: the sink's lag is measured from it.
    expect(q.stats.oldestPending).toBe(0);
    w.release();
    await new Promise((r) => setImmediate(r));
    expect(w.batches).toEqual([[0], [1, 2, 3]]);
    w.release();
    await new Promise((r) => setImmediate(r));
    w.release();
    await q.flushed();
    expect(w.batches).toEqual([[0], [1, 2, 3], [4]]);
    expect(q.stats).toMatchObject({ accepted: 5, written: 5, dropped: 0, queued: 0, errors: 0 });
    expect(q.stats.oldestPending).toBeUndefined();
    expect(reports).toEqual([]);
  });

  it('drops the oldest when full, counts them, and says so once', async () => {
    const w = slowWriter();
    const reports: string[] = [];
    const q = new SinkQueue(w.writer, { capacity: 3, batch: 100, report: (m) => reports.push(m) });
    for (let i = 0; i < 8; i++) q.push(event(i));
    // 0 is being written; 1..7 queued into 3 places: 5, 6, 7 remain.
    expect(q.stats).toMatchObject({ accepted: 8, dropped: 4, queued: 3 });
    expect(reports).toEqual(['queue full (3 events): dropping the oldest until the writer catches up']);
    w.release();
    await new Promise((r) => setImmediate(r));
    expect(w.batches[1]).toEqual([5, 6, 7]);
    w.release();
    await q.flushed();
  });

  it('counts a failed write as lost events and goes on', async () => {
    const w = slowWriter();
    const reports: string[] = [];
    const q = new SinkQueue(w.writer, { capacity: 10, batch: 10, report: (m) => reports.push(m) });
    w.failNext();
    q.push(event(1));
    w.release();
    await q.flushed();
    expect(q.stats).toMatchObject({ written: 0, dropped: 1, errors: 1, lastError: 'disk full' });
    expect(reports).toEqual(['write failed, 1 events lost: disk full']);
  });

  it('gives up on close after the flush time, counting what is left as dropped, and closes the writer', async () => {
    let closed = false;
    let release: () => void = () => undefined;
    const writer: SinkWriter = {
      // A broker that is down: the write only ends when the writer is closed.
      write: () => new Promise<number>((_resolve, reject) => (release = () => reject(new Error('closed')))),
      close: async () => {
        closed = true;
        release();
      },
    };
    const reports: string[] = [];
    const q = new SinkQueue(writer, { capacity: 10, batch: 1, report: (m) => reports.push(m) });
    q.push(event(1));
    q.push(event(2));
    q.push(event(3));
    await q.close(50);
    expect(closed).toBe(true);
    expect(q.stats).toMatchObject({ accepted: 3, written: 0, dropped: 3, queued: 0 });
    expect(reports[0]).toBe('closed with 2 events still queued after 50 ms: dropped');
  });
});
