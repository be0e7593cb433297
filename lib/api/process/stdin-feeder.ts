/**
 * Writes lines to one helper's stdin without ever blocking the daemon.
 *
 * Lines wait in a bounded LineQueue; a pump writes them in batches of up to WRITE_BATCH_CHARS
 * while `stdin.write()` returns true, then waits for 'drain' (Node's own buffer therefore never
 * holds more than one batch beyond its high-water mark). When the queue is full the oldest line
 * is dropped. A closed pipe (EPIPE, helper exited) is reported once and every later line dropped.
 */
import type { Writable } from 'stream';
import { LineQueue } from './line-queue';

/** One stream write carries up to this many characters: few syscalls, bounded extra buffering. */
const WRITE_BATCH_CHARS = 64 * 1024;

export interface StdinFeederEvents {
  /** `count` lines were discarded (queue overflow, closed pipe, or left unsent at close). */
  dropped(count: number): void;
  /** The pipe failed (EPIPE...): called once; the feeder is closed afterwards. */
  broken(error: Error): void;
}

export class StdinFeeder {
  private readonly queue: LineQueue;
  /** stdin.write() returned false: nothing more is written until 'drain'. */
  private waitingForDrain = false;
  private pumpScheduled = false;
  private closed = false;
  /** end() or destroy() was called: a later pipe error is expected and not reported. */
  private closedByUs = false;
  private brokenReported = false;

  constructor(
    private readonly stdin: Writable,
    limit: number,
    private readonly events: StdinFeederEvents,
  ) {
    this.queue = new LineQueue(limit);
    // Always listen for 'error': an unhandled one (EPIPE when the helper is gone) would crash the daemon.
    stdin.on('error', (error: Error) => this.fail(error));
    stdin.on('drain', () => {
      this.waitingForDrain = false;
      this.pump();
    });
    stdin.on('close', () => this.discard());
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Queues a line (without its newline). False when the line itself was dropped (pipe closed). */
  push(line: string): boolean {
    if (this.closed) {
      this.events.dropped(1);
      return false;
    }
    if (this.queue.push(line)) this.events.dropped(1);
    if (!this.waitingForDrain && !this.pumpScheduled) {
      // Lines pushed in the same tick leave in one write.
      this.pumpScheduled = true;
      queueMicrotask(() => this.pump());
    }
    return true;
  }

  /**
   * Hands every queued line to the stream and ends it (EOF for the helper). The stream may buffer
   * them beyond its high-water mark: that memory is already held by the queue, and it is freed when
   * the helper exits and the pipe is destroyed.
   */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.closedByUs = true;
    while (this.queue.length > 0 && this.stdin.writable) this.stdin.write(this.queue.take(WRITE_BATCH_CHARS));
    if (this.stdin.writable) this.stdin.end();
    this.discard();
  }

  /** The helper is gone: forgets the queue and releases the pipe. */
  destroy(): void {
    this.closed = true;
    this.closedByUs = true;
    this.discard();
    this.stdin.destroy();
  }

  private pump(): void {
    this.pumpScheduled = false;
    while (!this.waitingForDrain && !this.closed && this.queue.length > 0) {
      if (!this.stdin.writable) {
        this.closed = true;
        this.discard();
        return;
      }
      if (!this.stdin.write(this.queue.take(WRITE_BATCH_CHARS))) this.waitingForDrain = true;
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
