import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import type { EventPeer } from '../../lib/events/event-peer';
import type { SessionEvent } from '../../lib/events/events';
import { HIGH_WATER_BYTES, openEventsOutput } from '../../lib/sinks/events-output';

const peer: EventPeer = {
  name: 'a',
  endpoint: { peerAddress: '192.0.2.1', localAddress: '192.0.2.2' },
  settings: { localAs: 65001, peerAs: 65002, routerId: '192.0.2.2' },
  session: {},
};
const connected: SessionEvent = { kind: 'connected', localAddress: '192.0.2.2', peerAddress: '192.0.2.1' };
const counterOf = (line: string): number => (JSON.parse(line) as { counter: number }).counter;

/** A reader of the events output that takes bytes only when the test lets it (a slow `rxbgp run | consumer`). */
class SlowReader extends Writable {
  received = '';
  /** Most bytes the daemon's side held not yet read, seen at each read. */
  maxHeld = 0;
  private held: Array<() => void> = [];

  constructor() {
    super({ highWaterMark: 16 * 1024, decodeStrings: false });
  }

  override _write(chunk: string, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.held.push(() => {
      this.received += chunk;
      done();
    });
  }

  /** Reads one write that is waiting; false when nothing was. */
  read1(): boolean {
    this.maxHeld = Math.max(this.maxHeld, this.writableLength);
    const next = this.held.shift();
    next?.();
    return next !== undefined;
  }
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('openEventsOutput', () => {
  it('"none" writes nothing', () => {
    expect(openEventsOutput('none')).toBeUndefined();
  });

  it('appends lines to a file in order, batched, all flushed by close()', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-events-')), 'events.jsonl');
    fs.writeFileSync(file, 'earlier\n');
    const w = openEventsOutput(file)!;
    for (let i = 0; i < 20000; i++) w.take(peer, connected);
    await w.close();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(20001);
    expect(lines[0]).toBe('earlier');
    expect(counterOf(lines[1])).toBe(1);
    expect(counterOf(lines[20000])).toBe(20000);
  });

  it('reports a file that cannot be written once, and keeps going', async () => {
    const errors: string[] = [];
    const w = openEventsOutput('/nonexistent-dir/events.jsonl', { report: (m) => errors.push(m) })!;
    w.take(peer, connected);
    await new Promise((r) => setTimeout(r, 50));
    w.take(peer, connected);
    await w.close();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/\/nonexistent-dir\/events\.jsonl failed \(ENOENT\)/);
  });
});

describe('the events output on stdout, with a slow reader (write backpressure)', () => {
  // Far more than the output may hold in the stream (about 250 bytes a line: 12 MB).
  const N = 50_000;

  it('holds at most its high-water mark (plus one write) in the stream, and the reader gets every line in order', async () => {
    const reader = new SlowReader();
    const errors: string[] = [];
    const out = openEventsOutput('stdout', { stdout: reader, report: (m) => errors.push(m) })!;
    for (let i = 0; i < N; i++) out.take(peer, connected);
    await turn();
    // The reader has read nothing: the rest waits in the output's queue, not in the stream.
    expect(reader.writableLength).toBeGreaterThan(HIGH_WATER_BYTES / 2);
    expect(reader.writableLength).toBeLessThanOrEqual(HIGH_WATER_BYTES + 256 * 1024);
    expect(out.stats.queued).toBeGreaterThan(0);
    while (reader.read1() || out.stats.queued > 0) await turn();
    const lines = reader.received.trim().split('\n');
    expect(lines).toHaveLength(N);
    expect(lines.map(counterOf)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(reader.maxHeld).toBeLessThanOrEqual(HIGH_WATER_BYTES + 256 * 1024);
    expect(out.stats.dropped).toBe(0);
    expect(errors).toEqual([]);
    await out.close();
  });

  it('drops the oldest lines past its queue limit, says so once, and the reader gets the newest', async () => {
    const reader = new SlowReader();
    const errors: string[] = [];
    const out = openEventsOutput('stdout', { stdout: reader, report: (m) => errors.push(m), queueLines: 1000 })!;
    for (let i = 0; i < N; i++) out.take(peer, connected);
    await turn();
    expect(out.stats.queued).toBeLessThanOrEqual(1000);
    while (reader.read1() || out.stats.queued > 0) await turn();
    const counters = reader.received.trim().split('\n').map(counterOf);
    expect(counters.length + out.stats.dropped).toBe(N);
    expect(counters[counters.length - 1]).toBe(N);
    expect(counters).toEqual([...counters].sort((a, b) => a - b));
    expect(errors).toEqual(['event output stdout: the reader is slow: dropping the oldest events (queue limit 1000 lines)']);
    await out.close();
  });
});
