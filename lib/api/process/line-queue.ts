/**
 * A helper's (or stdout's) queue of text lines: the event bus's drop-oldest queue
 * (lib/events/drop-oldest-queue.ts), taken out as newline-terminated text for one stream write.
 */
import { DropOldestQueue } from '../../events/drop-oldest-queue';

export class LineQueue extends DropOldestQueue<string> {
  /**
   * Removes lines from the front and returns them newline-terminated in one string of at most
   * `maxChars` characters (but always at least one line, however long): one stream write per batch.
   */
  take(maxChars: number): string {
    let out = '';
    for (let line = this.peek(); line !== undefined; line = this.peek()) {
      if (out.length > 0 && out.length + line.length + 1 > maxChars) break;
      out += line + '\n';
      this.shift();
    }
    return out;
  }
}
