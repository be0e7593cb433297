/**
 * Counts the prefixes of received UPDATEs against the expected run, the way the ingest consumers
 * do (ingest-counter.ts, sink-ingest-counter.ts): one bit per expected /24, read through the
 * packed form (nlri/packed-ipv4.ts) so no prefix text is made, with text as the fallback for a
 * list that has no packed form. Says when the distinct count reaches each milestone.
 */
import { packedIpv4Of } from '../../lib';
import { Afi, Safi } from '../../lib/wire/iana';
import { packedAddress, packedLength } from '../../lib/wire/nlri/ipv4-prefix';
import type { UpdateMessage } from '../../lib/wire/types';
import type { Ipv4PrefixRun } from '../gen/prefix-run';
import type { IngestCounterStats } from './ingest-counter-stats';

/** The counts of IngestCounterStats that every consumer keeps (not the attribute expectation's). */
export type RunCounts = { -readonly [K in Exclude<keyof IngestCounterStats, 'rewritten' | 'notRewritten'>]: number };

export class RunCounter {
  readonly stats: RunCounts = {
    distinct: 0,
    entries: 0,
    duplicates: 0,
    unexpected: 0,
    withdrawn: 0,
    updates: 0,
    otherFamilies: 0,
    ribIn: 0,
  };
  private readonly held: Uint8Array;
  private readonly milestones: readonly number[];
  /** The next milestone to report (Infinity once all are): one comparison per prefix. */
  private nextMilestone: number;

  /** `onMilestone(k)` is called once when k distinct prefixes of the run are held, for each k in `milestones`. */
  constructor(
    private readonly run: Ipv4PrefixRun,
    milestones: readonly number[],
    private readonly onMilestone: (k: number) => void,
  ) {
    this.held = new Uint8Array(Math.ceil(run.count / 8));
    this.milestones = [...new Set(milestones)].sort((a, b) => a - b);
    this.nextMilestone = this.milestones[0] ?? Infinity;
  }

  /** True once every prefix of the run has been counted. */
  get complete(): boolean {
    return this.stats.distinct === this.run.count;
  }

  /** Counts one received UPDATE: IPv4 unicast announcements against the run, withdrawals and other families apart. */
  countUpdate(message: UpdateMessage): void {
    this.stats.updates++;
    for (const list of message.withdrawn) this.stats.withdrawn += list.prefixes.length;
    for (const list of message.announced) {
      if (list.afi !== Afi.IPV4 || list.safi !== Safi.UNICAST) {
        this.stats.otherFamilies++;
        continue;
      }
      const packed = packedIpv4Of(list);
      if (packed) for (let i = 0; i < packed.length; i++) this.count(this.indexOfPacked(packed[i]!));
      else for (const text of list.prefixes) this.count(this.run.indexOf(text));
    }
  }

  private indexOfPacked(packed: number): number {
    const offset = packedAddress(packed) - this.run.base;
    if (packedLength(packed) !== 24 || offset < 0 || offset % 256 !== 0) return -1;
    const i = offset / 256;
    return i < this.run.count ? i : -1;
  }

  private count(i: number): void {
    const s = this.stats;
    s.entries++;
    if (i < 0) {
      s.unexpected++;
      return;
    }
    const bit = 1 << (i & 7);
    if (this.held[i >>> 3]! & bit) {
      s.duplicates++;
      return;
    }
    this.held[i >>> 3]! |= bit;
    s.distinct++;
    if (s.distinct === this.nextMilestone) {
      this.nextMilestone = this.milestones[this.milestones.indexOf(s.distinct) + 1] ?? Infinity;
      this.onMilestone(s.distinct);
    }
  }
}
