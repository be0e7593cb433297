/**
 * The `events` output ("events": { "output": "stdout" | "none" | <file> }): the session events as
 * ExaBGP 4.0.1 JSON lines, the format ExaBGP helper scripts read. A sink on the daemon's event bus:
 * each line is built when the event comes (so it says what the session looked like then) and waits
 * in this output's own bounded queue (lib/api/process/line-feeder.ts), written with backpressure:
 * writes are pipelined while the stream holds less than HIGH_WATER_BYTES not yet flushed, and the
 * queue is not taken from past it until 'drain'. A reader that falls far behind loses the oldest
 * lines (counted, reported), never the daemon's memory.
 */
import * as fs from 'fs';
import type { Writable } from 'stream';
import { LineFeeder } from '../api/process/line-feeder';
import type { EventPeer } from '../events/event-peer';
import type { SessionEvent } from '../events/events';
import { EventLines } from './event-lines';
import type { EventSink } from './sink';
import { SinkFilter } from './sink-filter';

/** Most lines waiting for a slow reader (as for a helper's stdin); past it the oldest are dropped. */
export const EVENTS_OUTPUT_QUEUE_LINES = 100_000;
/**
 * Bytes the stream may hold not yet flushed before this output waits for 'drain': enough that a
 * file or a reader keeping up never makes it wait (lines held across waits outlive the young
 * generation and cost the garbage collector; 1 MiB cost about a fifth more CPU on a full table to
 * a file), small enough to bound what a slow reader makes the daemon hold.
 */
export const HIGH_WATER_BYTES = 4 * 1024 * 1024;
/** One stream write carries up to this many characters (a full-table burst is thousands of events). */
const WRITE_BATCH_CHARS = 256 * 1024;

export interface EventsOutputOptions {
  /** Told about a failed output (once) and about lines dropped for a slow reader. */
  readonly report?: (message: string) => void;
  /** Most lines queued (default EVENTS_OUTPUT_QUEUE_LINES). */
  readonly queueLines?: number;
  /** The stream for "stdout" (tests give a slow one); process.stdout by default. */
  readonly stdout?: Writable;
}

/** "stdout", "none" (undefined: no sink) or a file path (appended). */
export function openEventsOutput(output: string, opts: EventsOutputOptions = {}): EventsOutput | undefined {
  if (output === 'none') return undefined;
  const toStdout = output === 'stdout';
  const stream = toStdout ? (opts.stdout ?? process.stdout) : fs.createWriteStream(output, { flags: 'a' });
  return new EventsOutput(stream, output, !toStdout, opts);
}

export class EventsOutput implements EventSink {
  /**
   * What ExaBGP prints by default: UPDATEs received, session state, NOTIFICATIONs both ways (the
   * same choice as a sink without "events" in its filter); sent UPDATEs are for helpers that asked
   * (api.send), OPEN / KEEPALIVE / REFRESH come with the process API's "receive" options.
   */
  private readonly filter = new SinkFilter({ wire: false, sent: false });
  /** ExaBGP 4.0.1 JSON, numbered per neighbor ("counter"). */
  private readonly lines = new EventLines('exabgp');
  private readonly feeder: LineFeeder;
  private readonly report: (message: string) => void;
  private readonly queueLines: number;
  private dropped = 0;
  private droppedReported = false;

  constructor(
    private readonly stream: Writable,
    private readonly name: string,
    /** A file this output opened (closed at the end); stdout stays open. */
    private readonly owned: boolean,
    opts: EventsOutputOptions = {},
  ) {
    this.report = opts.report ?? (() => undefined);
    this.queueLines = opts.queueLines ?? EVENTS_OUTPUT_QUEUE_LINES;
    this.feeder = new LineFeeder(
      stream,
      this.queueLines,
      {
        dropped: (n) => this.noteDropped(n),
        // A reader that goes away (EPIPE) or a file that cannot be written: output stops, sessions go on.
        broken: (err: NodeJS.ErrnoException) =>
          this.report(`event output ${name} failed (${err.code ?? err.message}): no more JSON events will be written`),
      },
      { highWaterBytes: HIGH_WATER_BYTES, batchChars: WRITE_BATCH_CHARS, schedule: 'turn' },
    );
  }

  /** Lines waiting for the reader, and lines lost to a full queue or a failed output. */
  get stats(): { readonly queued: number; readonly dropped: number } {
    return { queued: this.feeder.queued, dropped: this.dropped };
  }

  take(neighbor: EventPeer, e: SessionEvent): void {
    if (!this.filter.takes(neighbor, e)) return;
    let line: string | undefined;
    try {
      line = this.lines.line({ neighbor, event: e, time: 0 });
    } catch (err) {
      this.report(`${neighbor.name}: cannot write the ${e.kind} event as JSON: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (line !== undefined) this.feeder.push(line);
  }

  /** Writes what is queued; a file is closed (resolves once it is on disk), stdout stays open. */
  close(): Promise<void> {
    if (!this.owned) {
      this.feeder.flush();
      return Promise.resolve();
    }
    const file = this.stream as fs.WriteStream;
    if (!file.writable) return Promise.resolve();
    return new Promise((resolve) => {
      file.once('close', () => resolve());
      this.feeder.end();
    });
  }

  private noteDropped(n: number): void {
    this.dropped += n;
    // A failed output says so once (broken); what it then drops is not a slow reader.
    if (this.droppedReported || this.stream.errored || this.stream.destroyed) return;
    this.droppedReported = true;
    this.report(`event output ${this.name}: the reader is slow: dropping the oldest events (queue limit ${this.queueLines} lines)`);
  }
}
