/**
 * A sink's bounded queue: events are taken in at once (never blocking a session) and written by
 * the sink's writer in batches, one batch at a time. When the writer falls behind and the queue is
 * full, the oldest events are dropped and counted: the daemon's sessions and the other sinks go on.
 */
import type { SinkEvent, SinkStats, SinkWriter } from './sink';

export interface SinkQueueOptions {
  /** Most events held; past it the oldest are dropped. */
  readonly capacity: number;
  /** Most events handed to one write(). */
  readonly batch: number;
  /** Told about each failed write and each start of dropping (not per event). */
  readonly report: (message: string) => void;
}

export class SinkQueue {
  private readonly events: SinkEvent[] = [];
  private head = 0;
  private writing = false;
  private closed = false;
  private dropping = false;
  private counts = { accepted: 0, written: 0, dropped: 0, errors: 0 };
  private lastError: string | undefined;
  private idle: Array<() => void> = [];

  constructor(
    private readonly writer: SinkWriter,
    private readonly opts: SinkQueueOptions,
  ) {}

  get stats(): SinkStats {
    return { ...this.counts, queued: this.events.length - this.head, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  /** Takes an event; never blocks. */
  push(e: SinkEvent): void {
    if (this.closed) return;
    this.counts.accepted++;
    if (this.events.length - this.head >= this.opts.capacity) {
      this.head++;
      this.counts.dropped++;
      if (!this.dropping) {
        this.dropping = true;
        this.opts.report(`queue full (${this.opts.capacity} events): dropping the oldest until the writer catches up`);
      }
    }
    this.events.push(e);
    if (!this.writing) void this.drain();
  }

  /** Resolves once everything queued is written (or dropped). */
  flushed(): Promise<void> {
    if (!this.writing && this.events.length === this.head) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Writes what is queued, then closes the writer. */
  async close(): Promise<void> {
    await this.flushed();
    this.closed = true;
    await this.writer.close();
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.events.length > this.head) {
      const end = Math.min(this.events.length, this.head + this.opts.batch);
      const batch = this.events.slice(this.head, end);
      this.head = end;
      if (this.head > 4096 && this.head * 2 > this.events.length) {
        this.events.splice(0, this.head);
        this.head = 0;
      }
      try {
        await this.writer.write(batch);
        this.counts.written += batch.length;
        if (this.dropping && this.events.length === this.head) this.dropping = false;
      } catch (e) {
        this.counts.errors++;
        this.counts.dropped += batch.length;
        this.lastError = e instanceof Error ? e.message : String(e);
        this.opts.report(`write failed, ${batch.length} events lost: ${this.lastError}`);
      }
    }
    this.writing = false;
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }
}
