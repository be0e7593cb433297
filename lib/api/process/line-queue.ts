/**
 * A bounded FIFO of text lines that drops its OLDEST line when full.
 * Dropping the oldest keeps the freshest events (current state) for a helper that catches up.
 * Array + head index: push and drop are O(1); the array is compacted once the dead head
 * is at least half of it, so memory stays within about twice the limit.
 */
export class LineQueue {
  private items: (string | undefined)[] = [];
  private head = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`queue limit must be a positive integer, got ${limit}`);
  }

  get length(): number {
    return this.items.length - this.head;
  }

  /** Appends a line; returns true when the oldest line had to be dropped to make room. */
  push(line: string): boolean {
    let droppedOldest = false;
    if (this.length >= this.limit) {
      this.items[this.head++] = undefined;
      droppedOldest = true;
    }
    this.items.push(line);
    this.compact();
    return droppedOldest;
  }

  /**
   * Removes lines from the front and returns them newline-terminated in one string of at most
   * `maxChars` characters (but always at least one line, however long): one stream write per batch.
   */
  take(maxChars: number): string {
    let out = '';
    while (this.head < this.items.length) {
      const line = this.items[this.head] as string;
      if (out.length > 0 && out.length + line.length + 1 > maxChars) break;
      out += line + '\n';
      this.items[this.head++] = undefined;
    }
    this.compact();
    return out;
  }

  /** Empties the queue; returns how many lines were discarded. */
  clear(): number {
    const n = this.length;
    this.items = [];
    this.head = 0;
    return n;
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
