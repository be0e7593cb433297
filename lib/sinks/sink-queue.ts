/**
 * A sink's bounded queue: events are taken in at once (never blocking a session) and written by
 * the sink's writer in batches, one batch at a time. When the writer falls behind and the queue is
 * full, the oldest events are dropped and counted: the daemon's sessions and the other sinks go on.
 */
import { DropOldestQueue } from '../events/drop-oldest-queue';
import type { SinkEvent, SinkStats, SinkWriter } from './sink';

export interface SinkQueueOptions {
  /** Most events held; past it the oldest are dropped. */
  readonly capacity: number;
  /** Most events handed to one write(). */
  readonly batch: number;
  /** Wait this long for a batch to fill before writing a partial one (0: write at once). */
  readonly lingerMs?: number;
  /** Told about each failed write and each start of dropping (not per event). */
  readonly report: (message: string) => void;
}

export class SinkQueue {
  private readonly events: DropOldestQueue<SinkEvent>;
  private writing = false;
  private closed = false;
  private dropping = false;
  private counts = { accepted: 0, written: 0, skipped: 0, dropped: 0, errors: 0 };
  private lastError: string | undefined;
  /** Time of the first event of the batch being written. */
  private writingSince: number | undefined;
  private idle: Array<() => void> = [];

  constructor(
    private readonly writer: SinkWriter,
    private readonly opts: SinkQueueOptions,
  ) {
    this.events = new DropOldestQueue(opts.capacity);
  }

  get stats(): SinkStats {
    const oldest = this.writingSince ?? this.events.peek()?.time;
    return {
      ...this.counts,
      queued: this.events.length,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(oldest !== undefined ? { oldestPending: oldest } : {}),
    };
  }

  /** Takes an event; never blocks. */
  push(e: SinkEvent): void {
    if (this.closed) return;
    this.counts.accepted++;
    if (this.events.push(e)) {
      this.counts.dropped++;
      if (!this.dropping) {
        this.dropping = true;
        this.opts.report(`queue full (${this.opts.capacity} events): dropping the oldest until the writer catches up`);
      }
    }
    if (!this.writing) void this.drain();
  }

  /** Resolves once everything queued is written (or dropped). */
  flushed(): Promise<void> {
    if (!this.writing && this.events.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Writes what is queued (for at most `flushMs`: a Kafka broker that is down must not hold up the
   * daemon's exit), then closes the writer. What could not be written by then is counted as dropped.
   */
  async close(flushMs = 5000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.flushed().then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), flushMs))),
    ]);
    clearTimeout(timer);
    this.closed = true;
    if (timedOut) {
      const left = this.events.clear();
      this.counts.dropped += left;
      this.opts.report(`closed with ${left} events still queued after ${flushMs} ms: dropped`);
    }
    // Closing the writer also ends a write that is retrying (kafka-sink.ts).
    await this.writer.close();
    await this.flushed();
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.events.length > 0) {
      const linger = this.opts.lingerMs ?? 0;
      if (linger > 0 && this.events.length < this.opts.batch && !this.closed) await new Promise((r) => setTimeout(r, linger));
      const batch = this.events.takeBatch(this.opts.batch);
      this.writingSince = batch[0]?.time;
      try {
        const written = Math.min(batch.length, await this.writer.write(batch));
        this.counts.written += written;
        this.counts.skipped += batch.length - written;
        if (this.dropping && this.events.length === 0) this.dropping = false;
      } catch (e) {
        this.counts.errors++;
        this.counts.dropped += batch.length;
        this.lastError = e instanceof Error ? e.message : String(e);
        this.opts.report(`write failed, ${batch.length} events lost: ${this.lastError}`);
      }
      this.writingSince = undefined;
    }
    this.writing = false;
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }
}
