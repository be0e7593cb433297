/**
 * Cuts a byte stream into text lines, one call per chunk: a helper's stdout and stderr
 * (lib/api/process) and the control socket, both ways (lib/api/control).
 *
 * - a line cut across chunks is carried over (and so is a UTF-8 sequence: StringDecoder);
 * - `trim: 'whitespace'` removes trailing whitespace, as ExaBGP does with a helper's lines
 *   (`line.rstrip()`); `trim: 'cr'` removes only a CR before the LF (the control socket's lines
 *   are kept as sent);
 * - a line longer than `maxLineLength` characters (its CR included) is dropped whole, up to its
 *   newline, and reported once, so a writer that never sends a newline cannot grow our memory
 *   without bound. The report says how many of the lines push() returns came before it (the
 *   control socket answers those, then closes).
 * Lines are sliced from the chunk's text: no per-character work beyond indexOf.
 */
import { StringDecoder } from 'string_decoder';

export interface LineSplitterOptions {
  /** Longest line kept, in characters. */
  readonly maxLineLength: number;
  readonly trim: 'whitespace' | 'cr';
  /** Called once per dropped over-long line, with the number of lines push() returns before it. */
  readonly onOverlong: (linesBefore: number) => void;
}

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  /** Start of a line whose newline has not arrived yet. */
  private carry = '';
  /** Inside an over-long line: everything up to the next newline is dropped. */
  private skipping = false;

  constructor(private readonly opts: LineSplitterOptions) {}

  /** Characters of the unfinished line held so far. */
  get buffered(): number {
    return this.carry.length;
  }

  /** The complete lines this chunk finishes, in order (possibly none). */
  push(chunk: Buffer): string[] {
    const max = this.opts.maxLineLength;
    const text = this.decoder.write(chunk);
    const lines: string[] = [];
    let start = 0;
    let nl = text.indexOf('\n');
    if (this.skipping) {
      if (nl < 0) return lines;
      this.skipping = false;
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    while (nl >= 0) {
      let line = text.slice(start, nl);
      if (this.carry.length > 0) {
        line = this.carry + line;
        this.carry = '';
      }
      if (line.length > max) this.opts.onOverlong(lines.length);
      else lines.push(this.trimmed(line));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) {
      this.carry += text.slice(start);
      if (this.carry.length > max) {
        this.carry = '';
        this.skipping = true;
        this.opts.onOverlong(lines.length);
      }
    }
    return lines;
  }

  /** At end of stream: the unterminated text left over ('' when the output ended with a newline). */
  finish(): string {
    const rest = this.skipping ? '' : this.carry + this.decoder.end();
    this.carry = '';
    this.skipping = false;
    return rest;
  }

  private trimmed(line: string): string {
    if (this.opts.trim === 'whitespace') return line.trimEnd();
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}
