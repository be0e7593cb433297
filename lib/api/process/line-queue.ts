/**
 * A helper's (or stdout's) queue of text lines: the event bus's drop-oldest queue
 * (lib/events/drop-oldest-queue.ts), taken out as newline-terminated text for one stream write.
 */
import { DropOldestQueue } from '../../events/drop-oldest-queue';

export class LineQueue extends DropOldestQueue<string> {
  /** Read from each line pushed (see push); kept so the read is not optimised away. */
  private touched = 0;

  /**
   * Appends a line (false / true as DropOldestQueue.push). A line built by concatenation is a rope
   * in V8: an UPDATE's 8 KB of JSON held about 50 KB of nodes while it waited here. Reading a
   * character flattens it in place, so a queued line holds only its text.
   */
  override push(line: string): boolean {
    if (line.length > 0) this.touched ^= line.charCodeAt(0);
    return super.push(line);
  }

  /**
   * Removes lines from the front and returns them newline-terminated in one string of at most
   * `maxChars` characters (but always at least one line, however long): one stream write per batch.
   */
  take(maxChars: number): string {
    let end = this.head;
    let size = 0;
    for (; end < this.items.length; end++) {
      const length = (this.items[end] as string).length + 1;
      if (end > this.head && size + length > maxChars) break;
      size += length;
    }
    if (end === this.head) return '';
    // One join: a flat string for the stream, no rope of concatenations to flatten.
    return this.takeBatch(end - this.head).join('\n') + '\n';
  }
}
