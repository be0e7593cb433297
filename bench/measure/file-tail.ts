/**
 * Follows a file another process appends to (rxbgp's JSON event file) the way a consumer would:
 * every ~20 ms, read from the last offset to the current end with fs.read into one reusable
 * buffer, cut the bytes into lines (LineSplitter) and hand each to onLine. fs.watch is not used:
 * it misses or merges changes on some filesystems, and polling bounds the delay either way.
 * While the file grows faster than it is read, the next read follows at once (setImmediate).
 */
import fs from 'fs';
import type { Deadline } from './deadline';
import { LineSplitter } from './line-splitter';

export interface FileTailOptions {
  /** Pause between reads once the end of the file is reached. */
  readonly intervalMs?: number;
  /** Size of the read buffer. */
  readonly readBytes?: number;
  /** Reads per turn of the event loop at most, so other timers and I/O still run. */
  readonly readsPerTurn?: number;
  /** Polling stops by itself once this passes. */
  readonly deadline?: Deadline;
}

export class FileTail {
  /** Bytes read from the file so far (its size when the tail has caught up). */
  bytesRead = 0;
  lines = 0;
  /** Why reading stopped, if it failed (anything but the file not existing yet). */
  error: string | undefined;
  private fd: number | undefined;
  private readonly buffer: Buffer;
  private readonly splitter = new LineSplitter();
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private running = false;
  private readonly intervalMs: number;
  private readonly readsPerTurn: number;

  constructor(
    readonly path: string,
    private readonly onLine: (line: string) => void,
    private readonly o: FileTailOptions = {},
  ) {
    this.intervalMs = o.intervalMs ?? 20;
    this.readsPerTurn = o.readsPerTurn ?? 16;
    this.buffer = Buffer.allocUnsafe(o.readBytes ?? 1 << 20);
  }

  /**
   * Reads what the file holds past the last offset, at most readsPerTurn buffers, and delivers the
   * complete lines. Returns true when it stopped at the end of the file (false: more may be there).
   */
  readAvailable(): boolean {
    if (this.error) return true;
    try {
      if (this.fd === undefined) this.fd = fs.openSync(this.path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true; // not created yet
      this.error = (err as Error).message;
      return true;
    }
    const deliver = (line: string) => {
      this.lines++;
      this.onLine(line);
    };
    for (let i = 0; i < this.readsPerTurn; i++) {
      let n: number;
      try {
        n = fs.readSync(this.fd, this.buffer, 0, this.buffer.length, this.bytesRead);
      } catch (err) {
        this.error = (err as Error).message;
        return true;
      }
      if (n === 0) return true;
      this.bytesRead += n;
      this.splitter.push(n === this.buffer.length ? this.buffer : this.buffer.subarray(0, n), deliver);
      if (n < this.buffer.length) return true;
    }
    return false;
  }

  /** Polls until stop() (or the deadline). */
  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = () => {
      if (!this.running) return;
      if (this.o.deadline?.expired()) {
        this.running = false;
        return;
      }
      const atEnd = this.readAvailable();
      if (!this.running) return;
      this.timer = atEnd ? setTimeout(tick, this.intervalMs) : setImmediate(tick);
    };
    tick();
  }

  /** Stops polling; with `drain`, reads to the current end first and delivers an unfinished last line. */
  stop(drain = false): void {
    this.running = false;
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    if (drain) {
      for (let i = 0; i < 10_000 && !this.readAvailable(); i++);
      this.splitter.end((line) => {
        this.lines++;
        this.onLine(line);
      });
    }
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }
}
