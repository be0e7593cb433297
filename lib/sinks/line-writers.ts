/**
 * Sink writers for lines of JSON: stdout, and a file appended to with size-based rotation
 * (`file` -> `file.1` -> ... -> `file.<keep>`, like logrotate's numbering). Each write() waits for
 * the stream to take the bytes ('drain'), so a slow disk or reader holds back this sink's queue
 * (sink-queue.ts), which drops its oldest events when full: never the daemon's memory.
 */
import fs from 'fs';
import { once } from 'events';
import type { SinkEvent, SinkWriter } from './sink';
import type { EventLines } from './event-lines';

/** Lines of the events this format carries, joined ('' when none), and how many events they are. */
function textOf(lines: EventLines, events: readonly SinkEvent[]): { readonly text: string; readonly count: number } {
  let text = '';
  let count = 0;
  for (const e of events) {
    const line = lines.line(e);
    if (line === undefined) continue;
    text += line + '\n';
    count++;
  }
  return { text, count };
}

async function writeTo(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream as unknown as NodeJS.EventEmitter, 'drain');
}

export class StdoutWriter implements SinkWriter {
  constructor(
    private readonly lines: EventLines,
    private readonly stream: NodeJS.WritableStream = process.stdout,
  ) {}

  async write(events: readonly SinkEvent[]): Promise<number> {
    const { text, count } = textOf(this.lines, events);
    if (text) await writeTo(this.stream, text);
    return count;
  }

  async close(): Promise<void> {}
}

export interface LineFileOptions {
  readonly file: string;
  /** Rotate when the file would grow past this many bytes (0: never). */
  readonly maxBytes: number;
  /** Rotated files kept: file.1 ... file.<keep> (older ones are deleted). */
  readonly keep: number;
}

export class LineFileWriter implements SinkWriter {
  private stream: fs.WriteStream | undefined;
  private size = 0;

  constructor(
    private readonly lines: EventLines,
    private readonly opts: LineFileOptions,
  ) {}

  async write(events: readonly SinkEvent[]): Promise<number> {
    const { text, count } = textOf(this.lines, events);
    if (!text) return 0;
    const bytes = Buffer.byteLength(text);
    if (this.opts.maxBytes > 0 && this.size > 0 && this.size + bytes > this.opts.maxBytes) await this.rotate();
    const stream = await this.open();
    this.size += bytes;
    await writeTo(stream, text);
    return count;
  }

  async close(): Promise<void> {
    const s = this.stream;
    this.stream = undefined;
    if (s) await new Promise<void>((resolve) => s.end(() => resolve()));
  }

  private async open(): Promise<fs.WriteStream> {
    if (this.stream) return this.stream;
    try {
      this.size = fs.statSync(this.opts.file).size;
    } catch {
      this.size = 0;
    }
    const stream = fs.createWriteStream(this.opts.file, { flags: 'a' });
    await once(stream, 'open');
    // A later failure rejects the write waiting on 'drain' only through 'error': keep it from being unhandled.
    stream.on('error', () => undefined);
    this.stream = stream;
    return stream;
  }

  /** file.<keep-1> -> file.<keep> ... file -> file.1; the oldest beyond `keep` is deleted. */
  private async rotate(): Promise<void> {
    await this.close();
    const { file, keep } = this.opts;
    if (keep <= 0) {
      fs.rmSync(file, { force: true });
    } else {
      fs.rmSync(`${file}.${keep}`, { force: true });
      for (let i = keep - 1; i >= 1; i--) if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
    }
    this.size = 0;
  }
}
