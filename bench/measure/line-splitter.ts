/**
 * Cuts a byte stream read in arbitrary pieces (a file read from its last offset) into text lines.
 * Lines end at '\n' (0x0a), which never occurs inside a UTF-8 multi-byte character, so the bytes
 * are split before they are decoded: each read is decoded once, up to its last newline, and only
 * the unfinished tail is copied and kept for the next read.
 */
const NEWLINE = 0x0a;

export class LineSplitter {
  /** Copies of the bytes after the last newline seen, waiting for the rest of their line. */
  private tail: Buffer[] = [];
  private tailBytes = 0;

  /** Bytes held back for an unfinished line. */
  get pendingBytes(): number {
    return this.tailBytes;
  }

  /** Calls onLine for every line completed by `bytes` (not kept: the caller may reuse the buffer). */
  push(bytes: Buffer, onLine: (line: string) => void): void {
    const last = bytes.lastIndexOf(NEWLINE);
    if (last < 0) {
      this.keep(bytes);
      return;
    }
    const text = this.tailBytes
      ? Buffer.concat([...this.tail, bytes.subarray(0, last)]).toString('utf8')
      : bytes.toString('utf8', 0, last);
    this.tail = [];
    this.tailBytes = 0;
    this.keep(bytes.subarray(last + 1));
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      onLine(text.slice(start, nl));
      start = nl + 1;
    }
    onLine(text.slice(start));
  }

  /** At the end of the stream: an unfinished last line is still a line. */
  end(onLine: (line: string) => void): void {
    if (this.tailBytes) onLine(Buffer.concat(this.tail).toString('utf8'));
    this.tail = [];
    this.tailBytes = 0;
  }

  private keep(bytes: Buffer): void {
    if (!bytes.length) return;
    this.tail.push(Buffer.from(bytes));
    this.tailBytes += bytes.length;
  }
}
