import { Writable } from 'stream';
import { LineFeeder } from '../../../lib/api/process/line-feeder';

/** A real Writable that accepts writes only when the test lets it (like a helper that reads slowly). */
class SlowReader extends Writable {
  received = '';
  private held: Array<() => void> = [];
  failWith: Error | undefined;

  constructor() {
    super({ highWaterMark: 16, decodeStrings: false });
  }

  override _write(chunk: string, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    if (this.failWith) return done(this.failWith);
    this.received += chunk;
    this.held.push(() => done());
  }

  /** Lets every held write complete (the reader consumed them). */
  consume(): void {
    const held = this.held;
    this.held = [];
    for (const done of held) done();
  }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

function feeder(stream: Writable, limit: number) {
  const events = { dropped: 0, broken: [] as string[] };
  const f = new LineFeeder(stream, limit, {
    dropped: (n) => (events.dropped += n),
    broken: (e) => events.broken.push(e.message),
  });
  return { f, events };
}

describe('LineFeeder', () => {
  it('writes the lines of one tick in one batch, newline-terminated', async () => {
    const s = new SlowReader();
    const { f } = feeder(s, 10);
    f.push('a');
    f.push('b');
    expect(s.received).toBe(''); // nothing is written synchronously
    await tick();
    expect(s.received).toBe('a\nb\n');
    expect(f.queued).toBe(0);
  });

  it('stops at backpressure, queues, and resumes on drain', async () => {
    const s = new SlowReader();
    const { f, events } = feeder(s, 100);
    f.push('x'.repeat(20)); // beyond the 16-byte high-water mark: write() returns false
    await tick();
    f.push('later-1');
    f.push('later-2');
    await tick();
    expect(f.queued).toBe(2);
    expect(s.received).toBe('x'.repeat(20) + '\n');
    s.consume();
    await tick();
    expect(f.queued).toBe(0);
    expect(s.received).toBe('x'.repeat(20) + '\nlater-1\nlater-2\n');
    expect(events.dropped).toBe(0);
  });

  it('drops the oldest queued lines beyond the limit and counts them', async () => {
    const s = new SlowReader();
    const { f, events } = feeder(s, 3);
    f.push('x'.repeat(20));
    await tick();
    for (let i = 1; i <= 10; i++) expect(f.push(`line ${i}`)).toBe(true);
    expect(f.queued).toBe(3);
    expect(events.dropped).toBe(7);
    s.consume();
    await tick();
    expect(s.received.split('\n').slice(1)).toEqual(['line 8', 'line 9', 'line 10', '']);
  });

  it('reports a failing write once; later lines are dropped', async () => {
    const s = new SlowReader();
    const { f, events } = feeder(s, 10);
    f.push('x'.repeat(20));
    await tick();
    f.push('queued');
    s.failWith = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    s.consume(); // 'drain': the queued line is written, and that write fails
    await tick();
    await tick();
    expect(events.broken).toEqual(['write EPIPE']);
    expect(events.dropped).toBe(0);
    expect(f.push('after')).toBe(false);
    expect(events.dropped).toBe(1);
    expect(events.broken).toHaveLength(1);
  });

  it('drops the queued lines when the pipe breaks under them', async () => {
    const s = new SlowReader();
    const { f, events } = feeder(s, 10);
    f.push('x'.repeat(20));
    await tick();
    f.push('q1');
    f.push('q2');
    s.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await tick();
    expect(events.broken).toEqual(['write EPIPE']);
    expect(events.dropped).toBe(2);
    expect(f.queued).toBe(0);
  });

  it('destroy() is not reported as a broken pipe', async () => {
    const s = new SlowReader();
    const { f, events } = feeder(s, 10);
    f.push('x'.repeat(20));
    await tick();
    f.push('q1');
    f.destroy();
    await tick();
    expect(events.broken).toEqual([]);
    expect(events.dropped).toBe(1);
    expect(s.destroyed).toBe(true);
  });

  it('end() hands over what is queued and ends the stream', async () => {
    const s = new SlowReader();
    const { f } = feeder(s, 10);
    f.push('x'.repeat(20));
    await tick();
    f.push('last');
    f.end();
    s.consume();
    await tick();
    s.consume();
    await new Promise((r) => s.once('finish', r));
    expect(s.received).toBe('x'.repeat(20) + '\nlast\n');
    expect(f.push('too late')).toBe(false);
  });
});
