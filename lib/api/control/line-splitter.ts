/**
 * Cuts a byte stream into text lines (LF, with an optional CR before it), keeping at most one
 * unfinished line between chunks. A line longer than the limit is refused rather than
 * buffered: a peer that never sends a newline must not grow our memory without bound.
 */
const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  /** The unfinished line's pieces (copies, so a small tail does not pin a whole socket chunk). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLineBytes: number) {}

  /**
   * Appends the whole lines found in `chunk` to `out` (without line endings). Returns false,
   * leaving `out` with the lines before it, when a line exceeds the limit.
   */
  push(chunk: Buffer, out: string[]): boolean {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(LF, start);
      if (end === -1) break;
      if (this.pendingBytes + end - start > this.maxLineBytes) return false;
      out.push(this.takeLine(chunk, start, end));
      start = end + 1;
    }
    if (start < chunk.length) {
      if (this.pendingBytes + chunk.length - start > this.maxLineBytes) return false;
      this.pending.push(Buffer.from(chunk.subarray(start)));
      this.pendingBytes += chunk.length - start;
    }
    return true;
  }

  /** Bytes of the unfinished line held so far. */
  get buffered(): number {
    return this.pendingBytes;
  }

  private takeLine(chunk: Buffer, start: number, end: number): string {
    let bytes = chunk.subarray(start, end);
    if (this.pending.length > 0) {
      bytes = Buffer.concat([...this.pending, bytes]);
      this.pending = [];
      this.pendingBytes = 0;
    }
    const length = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    return bytes.toString('utf8', 0, length);
  }
}
