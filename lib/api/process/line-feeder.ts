/**
 * Writes lines to a stream (a helper's stdin, the daemon's stdout or events file) without ever
 * blocking the daemon and without letting memory grow without bound.
 *
 * Lines wait in a bounded LineQueue (the event bus's drop-oldest queue). A pump writes them in
 * batches of up to `batchChars` while the stream holds less than `highWaterBytes` not yet flushed
 * (`writableLength`), then stops taking from the queue until 'drain': writes stay pipelined (the
 * stream always has the next batch) and the stream's own buffer never holds more than about
 * `highWaterBytes` plus one batch. With the default high-water mark (the stream's own) that is
 * "write while write() returns true". When the queue is full the oldest line is dropped. A closed
 * pipe (EPIPE, helper exited) is reported once and every later line dropped.
 */
import type { Writable } from 'stream';
import { LineQueue } from './line-queue';

/** One stream write carries up to this many characters by default: few syscalls, bounded extra buffering. */
const WRITE_BATCH_CHARS = 64 * 1024;

export interface LineFeederEvents {
  /** `count` lines were discarded (queue overflow, closed pipe, or left unsent at close). */
  dropped(count: number): void;
  /** The stream failed (EPIPE, a file that cannot be written...): called once; the feeder is closed afterwards. */
  broken(error: Error): void;
}

export interface LineFeederOptions {
  /** Stop writing while the stream holds this many bytes not yet flushed (default: its own highWaterMark). */
  readonly highWaterBytes?: number;
  /** Characters per stream write (default 64 KiB). */
  readonly batchChars?: number;
  /**
   * When queued lines leave: 'microtask' (default) right after the code that pushed them, 'turn'
   * once per event-loop turn, so a burst of events (a full table) leaves in few large writes; and
   * at once when a batch is full (one turn can read many socket chunks: lines held until its end
   * would outlive the young generation and cost the garbage collector).
   */
  readonly schedule?: 'microtask' | 'turn';
}

export class LineFeeder {
  private readonly queue: LineQueue;
  private readonly highWater: number;
  private readonly batchChars: number;
  private readonly schedule: (pump: () => void) => void;
  private readonly perTurn: boolean;
  /** Characters pushed since the last pump. */
  private sincePump = 0;
  /** The stream holds highWater bytes or more: nothing more is written until 'drain'. */
  private waitingForDrain = false;
  private pumpScheduled = false;
  private closed = false;
  /** end() or destroy() was called: a later pipe error is expected and not reported. */
  private closedByUs = false;
  private brokenReported = false;

  constructor(
    private readonly stream: Writable,
    limit: number,
    private readonly events: LineFeederEvents,
    opts: LineFeederOptions = {},
  ) {
    this.queue = new LineQueue(limit);
    this.highWater = Math.max(opts.highWaterBytes ?? 0, stream.writableHighWaterMark);
    this.batchChars = opts.batchChars ?? WRITE_BATCH_CHARS;
    this.perTurn = opts.schedule === 'turn';
    this.schedule = this.perTurn ? (f) => void setImmediate(f) : queueMicrotask;
    // Always listen for 'error': an unhandled one (EPIPE when the helper is gone) would crash the daemon.
    stream.on('error', (error: Error) => this.fail(error));
    stream.on('drain', () => {
      this.waitingForDrain = false;
      this.pump();
    });
    stream.on('close', () => this.discard());
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Queues a line (without its newline). False when the line itself was dropped (stream closed). */
  push(line: string): boolean {
    if (this.closed) {
      this.events.dropped(1);
      return false;
    }
    if (this.queue.push(line)) this.events.dropped(1);
    if (this.waitingForDrain) return true;
    if (this.perTurn && (this.sincePump += line.length + 1) >= this.batchChars) {
      this.pump();
      return true;
    }
    if (!this.pumpScheduled) {
      // Lines pushed in the same tick (or turn) leave in one write.
      this.pumpScheduled = true;
      this.schedule(() => this.pump());
    }
    return true;
  }

  /**
   * Hands every queued line to the stream now, whatever it holds already (at exit: that memory is
   * already held by the queue). The stream stays open.
   */
  flush(): void {
    while (!this.closed && this.queue.length > 0 && this.stream.writable) this.stream.write(this.queue.take(this.batchChars));
  }

  /** flush(), then ends the stream (EOF for a helper; a file is closed). */
  end(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.closedByUs = true;
    if (this.stream.writable) this.stream.end();
    this.discard();
  }

  /** The reader is gone: forgets the queue and releases the pipe. */
  destroy(): void {
    this.closed = true;
    this.closedByUs = true;
    this.discard();
    this.stream.destroy();
  }

  private pump(): void {
    this.pumpScheduled = false;
    this.sincePump = 0;
    while (!this.waitingForDrain && !this.closed && this.queue.length > 0) {
      if (!this.stream.writable) {
        this.closed = true;
        this.discard();
        return;
      }
      this.stream.write(this.queue.take(this.batchChars));
      // At or over the mark, write() returned false too, so 'drain' will come.
      if (this.stream.writableLength >= this.highWater) this.waitingForDrain = true;
    }
  }

  private fail(error: Error): void {
    this.closed = true;
    this.discard();
    if (this.closedByUs || this.brokenReported) return;
    this.brokenReported = true;
    this.events.broken(error);
  }

  private discard(): void {
    const n = this.queue.clear();
    if (n > 0) this.events.dropped(n);
  }
}
