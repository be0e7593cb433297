/**
 * What a receiver has been sent, checked against a realistic table: one bit per generated prefix
 * (161 KB for the full table), the prefix found by binary search in the table's sorted keys, so
 * every duplicate, stray prefix or withdrawal is counted per family. Records when the distinct count
 * first reaches each milestone (99 %, 100 %).
 */
import type { RealisticTable } from '../gen/realistic-table';
import { HeldBits } from './held-bits';

export interface FamilyCounts {
  /** Generated prefixes currently announced. */
  distinct: number;
  /** NLRI entries seen in announcements, duplicates included. */
  announcedEntries: number;
  duplicates: number;
  /** Announced prefixes the table does not hold. */
  unexpected: number;
  withdrawn: number;
}

export class TableTally {
  readonly ipv4: FamilyCounts = emptyCounts();
  readonly ipv6: FamilyCounts = emptyCounts();
  private readonly held: HeldBits;

  constructor(
    readonly table: RealisticTable,
    milestones: readonly number[],
  ) {
    this.held = new HeldBits(table.count, milestones);
  }

  /** Distinct generated prefixes held, both families. */
  get distinct(): number {
    return this.ipv4.distinct + this.ipv6.distinct;
  }

  /** Records one announced prefix; returns its table index, or -1 when the table lacks it. */
  announce(ipv6: boolean, prefix: string): number {
    const counts = ipv6 ? this.ipv6 : this.ipv4;
    counts.announcedEntries++;
    const i = ipv6 ? this.table.indexOfIpv6(prefix) : this.table.indexOfIpv4(prefix);
    if (i < 0) {
      counts.unexpected++;
      return -1;
    }
    if (!this.held.add(i)) {
      counts.duplicates++;
      return i;
    }
    counts.distinct++;
    this.held.mark(this.distinct);
    return i;
  }

  withdraw(ipv6: boolean, prefix: string): void {
    const counts = ipv6 ? this.ipv6 : this.ipv4;
    counts.withdrawn++;
    const i = ipv6 ? this.table.indexOfIpv6(prefix) : this.table.indexOfIpv4(prefix);
    if (i >= 0 && this.held.remove(i)) counts.distinct--;
  }

  /** performance.now() when the distinct count first reached `milestone`. */
  reached(milestone: number): number | undefined {
    return this.held.reached(milestone);
  }

  /** Exactly the table: every prefix of both families held, nothing else announced, nothing withdrawn. */
  matchesTable(): boolean {
    const clean = (c: FamilyCounts) => c.unexpected === 0 && c.withdrawn === 0;
    return this.ipv4.distinct === this.table.ipv4Count && this.ipv6.distinct === this.table.ipv6Count && clean(this.ipv4) && clean(this.ipv6);
  }
}

function emptyCounts(): FamilyCounts {
  return { distinct: 0, announcedEntries: 0, duplicates: 0, unexpected: 0, withdrawn: 0 };
}
