/**
 * What a receiver has been sent, checked against the run it should get: one bit per expected
 * prefix, so a million prefixes cost 128 KB and every duplicate, stray prefix or withdrawal is
 * counted. Records when the distinct count first reaches each milestone (99 %, 100 %).
 */
import { performance } from 'perf_hooks';
import type { Ipv4PrefixRun } from '../gen/prefix-run';

export class PrefixTally {
  /** Expected prefixes currently announced. */
  distinct = 0;
  /** NLRI entries seen in announcements, duplicates included. */
  announcedEntries = 0;
  /** Announcements of a prefix already held. */
  duplicates = 0;
  /** Announced prefixes outside the run (or of another family). */
  unexpected = 0;
  /** Withdrawn NLRI entries. */
  withdrawn = 0;
  private readonly held: Uint8Array;
  private readonly reachedAt = new Map<number, number>();

  constructor(
    readonly run: Ipv4PrefixRun,
    private readonly milestones: readonly number[],
  ) {
    this.held = new Uint8Array(Math.ceil(run.count / 8));
  }

  announce(prefix: string): void {
    this.announcedEntries++;
    const i = this.run.indexOf(prefix);
    if (i < 0) {
      this.unexpected++;
      return;
    }
    const bit = 1 << (i & 7);
    if (this.held[i >>> 3]! & bit) {
      this.duplicates++;
      return;
    }
    this.held[i >>> 3]! |= bit;
    this.distinct++;
    if (this.reachedAt.size < this.milestones.length) this.markMilestones();
  }

  withdraw(prefix: string): void {
    this.withdrawn++;
    const i = this.run.indexOf(prefix);
    if (i < 0) return;
    const bit = 1 << (i & 7);
    if (this.held[i >>> 3]! & bit) {
      this.held[i >>> 3]! &= ~bit;
      this.distinct--;
    }
  }

  /** performance.now() when the distinct count first reached `milestone`. */
  reached(milestone: number): number | undefined {
    return this.reachedAt.get(milestone);
  }

  /** Exactly the expected set: every prefix held once-or-more, nothing else announced, nothing withdrawn. */
  matchesRun(): boolean {
    return this.distinct === this.run.count && this.unexpected === 0 && this.withdrawn === 0;
  }

  private markMilestones(): void {
    for (const m of this.milestones) {
      if (this.distinct >= m && !this.reachedAt.has(m)) this.reachedAt.set(m, performance.now());
    }
  }
}
