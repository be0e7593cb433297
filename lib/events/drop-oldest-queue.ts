/**
 * The bounded queue in front of every consumer of the event bus (a sink's events, a helper's stdin
 * lines, the stdout lines): taking never blocks, and when the consumer falls behind and the queue is
 * full, the OLDEST item is dropped to make room, so a consumer that catches up sees the most recent
 * events and memory stays bounded (DESIGN.md: never let a queue grow without bound).
 * Array + head index: push, drop and take are O(1) per item; the array is compacted once the dead
 * head is at least half of it, so memory stays within about twice the capacity.
 */
export class DropOldestQueue<T> {
  /** Items from `head` on are queued; the ones before it are taken or dropped (undefined). */
  protected items: (T | undefined)[] = [];
  protected head = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`queue limit must be a positive integer, got ${capacity}`);
  }

  get length(): number {
    return this.items.length - this.head;
  }

  /** Appends an item; returns true when the oldest item had to be dropped to make room. */
  push(item: T): boolean {
    let droppedOldest = false;
    if (this.length >= this.capacity) {
      this.items[this.head++] = undefined;
      droppedOldest = true;
    }
    this.items.push(item);
    this.compact();
    return droppedOldest;
  }

  /** The oldest item, left in place (undefined when empty). */
  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  /** Removes and returns the oldest item (undefined when empty). */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    this.compact();
    return item;
  }

  /** Removes and returns up to `max` of the oldest items, in order. */
  takeBatch(max: number): T[] {
    const end = Math.min(this.items.length, this.head + max);
    const out = this.items.slice(this.head, end) as T[];
    this.items.fill(undefined, this.head, end);
    this.head = end;
    this.compact();
    return out;
  }

  /** Empties the queue; returns how many items were discarded. */
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
