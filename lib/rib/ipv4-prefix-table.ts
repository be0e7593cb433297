/**
 * A hash table from IPv4 prefixes to small integer values, on typed arrays (open addressing,
 * linear probing): one full table of ~1 M prefixes costs ~24 MB and no object per prefix,
 * where a Map keyed by prefix text costs a string and a Map entry each and is several times
 * slower to fill (DESIGN.md: numbers, not strings, as prefix keys).
 *
 * Keys are `address * 64 + length` (lib/wire/nlri/ipv4-prefix.ts parseIpv4PrefixPacked), stored
 * plus one so that a freshly allocated (zeroed) array is all empty slots: growing to 2 M slots
 * then needs no fill pass.
 */
import { INV_LENGTH_SLOTS } from '../wire/nlri/ipv4-prefix';

const EMPTY = 0;
const DELETED = -1;
const MIN_CAPACITY = 1024;

export class Ipv4PrefixTable {
  private keys: Float64Array;
  private values: Int32Array;
  private used = 0; // live + deleted slots
  private live = 0;
  /** 32 - log2(capacity): multiplicative hashing keeps the high bits of the product. */
  private shift = 32 - Math.log2(MIN_CAPACITY);

  constructor() {
    this.keys = new Float64Array(MIN_CAPACITY);
    this.values = new Int32Array(MIN_CAPACITY);
  }

  get size(): number {
    return this.live;
  }

  get(prefix: number): number | undefined {
    const i = this.find(prefix);
    return i < 0 ? undefined : this.values[i];
  }

  set(prefix: number, value: number): void {
    const key = prefix + 1;
    // At half full: double, or rehash in place when deleted markers are most of it.
    if ((this.used + 1) * 2 > this.keys.length) this.resize((this.live + 1) * 4 > this.keys.length ? this.keys.length * 2 : this.keys.length);
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = slot(prefix, this.shift);
    let firstDeleted = -1;
    for (;;) {
      const k = keys[i];
      if (k === key) {
        this.values[i] = value;
        return;
      }
      if (k === EMPTY) break;
      if (k === DELETED && firstDeleted < 0) firstDeleted = i;
      i = (i + 1) & mask;
    }
    if (firstDeleted >= 0) i = firstDeleted;
    else this.used++;
    keys[i] = key;
    this.values[i] = value;
    this.live++;
  }

  /** Removes the key; returns its value, or undefined when it was not there. */
  delete(prefix: number): number | undefined {
    const i = this.find(prefix);
    if (i < 0) return undefined;
    this.keys[i] = DELETED;
    this.live--;
    return this.values[i];
  }

  clear(): void {
    this.keys = new Float64Array(MIN_CAPACITY);
    this.values = new Int32Array(MIN_CAPACITY);
    this.shift = 32 - Math.log2(MIN_CAPACITY);
    this.used = 0;
    this.live = 0;
  }

  /** Calls `visit` with every key and value: no tuple per entry, for walks over a whole table. */
  forEach(visit: (prefix: number, value: number) => void): void {
    const keys = this.keys;
    const values = this.values;
    for (let i = 0; i < keys.length; i++) if (keys[i] > 0) visit(keys[i] - 1, values[i]);
  }

  /** Every [key, value]. */
  *entries(): IterableIterator<[number, number]> {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] > 0) yield [keys[i] - 1, this.values[i]];
  }

  private find(prefix: number): number {
    const key = prefix + 1;
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = slot(prefix, this.shift);
    for (;;) {
      const k = keys[i];
      if (k === key) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Rehashes into `capacity` slots (a power of two), dropping deleted markers. */
  private resize(capacity: number): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const keys = (this.keys = new Float64Array(capacity));
    const values = (this.values = new Int32Array(capacity));
    const shift = (this.shift = 32 - Math.log2(capacity));
    const mask = capacity - 1;
    // Every old key is distinct and there are no deleted markers yet: place each in its first free slot.
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j];
      if (key <= 0) continue;
      let i = slot(key - 1, shift);
      while (keys[i] !== EMPTY) i = (i + 1) & mask;
      keys[i] = key;
      values[i] = oldValues[j];
    }
    this.used = this.live;
  }
}

/** Fibonacci hashing of address and length: consecutive /24s spread over the whole table. */
function slot(prefix: number, shift: number): number {
  const address = Math.floor(prefix * INV_LENGTH_SLOTS);
  const length = prefix - address * 64;
  return Math.imul(address ^ Math.imul(length, 0x01000193), 0x9e3779b1) >>> shift;
}
