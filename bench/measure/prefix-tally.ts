/**
 * What a receiver has been sent, checked against the run it should get: one bit per expected
 * prefix, so a million prefixes cost 128 KB and every duplicate, stray prefix or withdrawal is
 * counted. Records when the distinct count first reaches each milestone (99 %, 100 %).
 */
import type { Ipv4PrefixRun } from '../gen/prefix-run';
import { HeldBits } from './held-bits';

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
  private readonly held: HeldBits;

  constructor(
    readonly run: Ipv4PrefixRun,
    milestones: readonly number[],
  ) {
    this.held = new HeldBits(run.count, milestones);
  }

  announce(prefix: string): void {
    this.announcedEntries++;
    const i = this.run.indexOf(prefix);
    if (i < 0) {
      this.unexpected++;
      return;
    }
    if (!this.held.add(i)) {
      this.duplicates++;
      return;
    }
    this.held.mark(++this.distinct);
  }

  withdraw(prefix: string): void {
    this.withdrawn++;
    const i = this.run.indexOf(prefix);
    if (i >= 0 && this.held.remove(i)) this.distinct--;
  }

  /** performance.now() when the distinct count first reached `milestone`. */
  reached(milestone: number): number | undefined {
    return this.held.reached(milestone);
  }

  /** Exactly the expected set: every prefix held once-or-more, nothing else announced, nothing withdrawn. */
  matchesRun(): boolean {
    return this.distinct === this.run.count && this.unexpected === 0 && this.withdrawn === 0;
  }
}
