/**
 * Cuts a helper's output (stdout or stderr) into lines, one call per pipe chunk.
 *
 * - a line cut across chunks is carried over (and so is a UTF-8 sequence: StringDecoder);
 * - trailing whitespace is removed, as ExaBGP does (`line.rstrip()`), which also handles "\r\n";
 * - a line longer than `maxLineLength` is dropped whole (up to its newline), with one report,
 *   so a helper printing without newlines cannot grow our memory without bound.
 * Lines are sliced from the chunk's text: no per-character work beyond indexOf.
 */
import { StringDecoder } from 'string_decoder';

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  /** Start of a line whose newline has not arrived yet. */
  private carry = '';
  /** Inside an over-long line: everything up to the next newline is dropped. */
  private skipping = false;

  constructor(
    private readonly maxLineLength: number,
    /** Called once per dropped over-long line. */
    private readonly onOverlong: () => void,
  ) {}

  /** The complete lines this chunk finishes, in order (possibly none). */
  push(chunk: Buffer): string[] {
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
      if (line.length > this.maxLineLength) this.onOverlong();
      else lines.push(line.trimEnd());
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) {
      this.carry += text.slice(start);
      if (this.carry.length > this.maxLineLength) {
        this.carry = '';
        this.skipping = true;
        this.onOverlong();
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
}
