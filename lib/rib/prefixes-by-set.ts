/**
 * Packed IPv4 prefixes bucketed by the attribute set they point at, each bucket sorted: what a
 * full-table send walks, one set at a time. A counting sort into one Float64Array (8 bytes per
 * prefix, two passes over the routes) rather than an array per set in a Map: a full table has a
 * few hundred thousand sets, and a growing array and a Map entry each cost more than the prefixes.
 */
export type PrefixVisitor = (prefix: number, set: number) => void;

export class PrefixesBySet {
  private constructor(
    /** Bucket of set s: prefixes[starts[s], starts[s + 1]). */
    private readonly starts: Int32Array,
    private readonly prefixes: Float64Array,
  ) {}

  /**
   * Buckets every (prefix, set) that `walk` visits; set ids are below `setLimit`. `walk` is called
   * twice and must visit the same routes both times.
   */
  static build(setLimit: number, walk: (visit: PrefixVisitor) => void): PrefixesBySet {
    const starts = new Int32Array(setLimit + 1);
    walk((_prefix, set) => void starts[set + 1]++);
    for (let s = 1; s <= setLimit; s++) starts[s] += starts[s - 1];
    const prefixes = new Float64Array(starts[setLimit]);
    const fill = starts.slice(0, setLimit);
    walk((prefix, set) => void (prefixes[fill[set]++] = prefix));
    for (let s = 0; s < setLimit; s++) if (starts[s + 1] - starts[s] > 1) prefixes.subarray(starts[s], starts[s + 1]).sort();
    return new PrefixesBySet(starts, prefixes);
  }

  /** The sorted prefixes of `set`: a view, empty when it has none. */
  of(set: number): Float64Array {
    if (set + 1 >= this.starts.length) return this.prefixes.subarray(0, 0);
    return this.prefixes.subarray(this.starts[set], this.starts[set + 1]);
  }
}
