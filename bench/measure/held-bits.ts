/**
 * What the tallies (prefix-tally.ts, peer-prefix-tally.ts, table-tally.ts) keep per expected
 * prefix: one bit, held or not (a million prefixes cost 128 KB), and when the distinct count first
 * reached each milestone (99 %, 100 %), stamped with performance.now() as the events are read.
 */
import { performance } from 'perf_hooks';

export class HeldBits {
  private readonly bits: Uint8Array;
  private readonly reachedAt = new Map<number, number>();

  constructor(
    size: number,
    private readonly milestones: readonly number[],
  ) {
    this.bits = new Uint8Array(Math.ceil(size / 8));
  }

  /** Holds prefix i; false when it was held already. */
  add(i: number): boolean {
    const bit = 1 << (i & 7);
    if (this.bits[i >>> 3]! & bit) return false;
    this.bits[i >>> 3]! |= bit;
    return true;
  }

  /** Lets prefix i go; true when it was held. */
  remove(i: number): boolean {
    const bit = 1 << (i & 7);
    if (!(this.bits[i >>> 3]! & bit)) return false;
    this.bits[i >>> 3]! &= ~bit;
    return true;
  }

  /** Stamps every milestone `distinct` (the count now held) reaches for the first time. */
  mark(distinct: number): void {
    if (this.reachedAt.size === this.milestones.length) return;
    for (const m of this.milestones) {
      if (distinct >= m && !this.reachedAt.has(m)) this.reachedAt.set(m, performance.now());
    }
  }

  /** performance.now() when the distinct count first reached `milestone`. */
  reached(milestone: number): number | undefined {
    return this.reachedAt.get(milestone);
  }
}
