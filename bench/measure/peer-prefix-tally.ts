/**
 * What a receiver was sent over many sessions, checked against the layout: one bit per prefix of
 * the run (1 M prefixes cost 128 KB), the distinct prefixes each session delivered, and every
 * prefix that came from a session that does not own it, repeats, strays and withdrawals. Records
 * when the total first reaches each milestone (99 %, 100 %), exactly, as the events are read.
 */
import { performance } from 'perf_hooks';
import type { ManyPeersLayout } from '../gen/many-peers-layout';

export class PeerPrefixTally {
  /** Prefixes of the run currently held. */
  distinct = 0;
  /** NLRI entries seen in announcements, repeats included. */
  announcedEntries = 0;
  /** Announcements of a prefix already held. */
  duplicates = 0;
  /** Announced prefixes outside the run, or from a session that is not one of the layout's. */
  unexpected = 0;
  /** Prefixes of the run announced by another session than the one that owns them (not held). */
  misattributed = 0;
  /** Withdrawn NLRI entries. */
  withdrawn = 0;
  /** Distinct prefixes held per session (by peer index). */
  readonly perPeer: Uint32Array;
  private readonly held: Uint8Array;
  private readonly reachedAt = new Map<number, number>();

  constructor(
    readonly layout: ManyPeersLayout,
    private readonly milestones: readonly number[],
  ) {
    this.held = new Uint8Array(Math.ceil(layout.run.count / 8));
    this.perPeer = new Uint32Array(layout.peers.length);
  }

  /** `prefix` announced on the session of peer `peer` (-1 when the session is not one of ours). */
  announce(peer: number, prefix: string): void {
    this.announcedEntries++;
    const i = this.layout.run.indexOf(prefix);
    if (i < 0 || peer < 0 || peer >= this.perPeer.length) {
      this.unexpected++;
      return;
    }
    if (this.layout.ownerOf(i) !== peer) {
      this.misattributed++;
      return;
    }
    const bit = 1 << (i & 7);
    if (this.held[i >>> 3]! & bit) {
      this.duplicates++;
      return;
    }
    this.held[i >>> 3]! |= bit;
    this.distinct++;
    this.perPeer[peer]!++;
    if (this.reachedAt.size < this.milestones.length) this.markMilestones();
  }

  withdraw(peer: number, prefix: string): void {
    this.withdrawn++;
    const i = this.layout.run.indexOf(prefix);
    if (i < 0 || this.layout.ownerOf(i) !== peer) return;
    const bit = 1 << (i & 7);
    if (this.held[i >>> 3]! & bit) {
      this.held[i >>> 3]! &= ~bit;
      this.distinct--;
      this.perPeer[peer]!--;
    }
  }

  /** performance.now() when the distinct count first reached `milestone`. */
  reached(milestone: number): number | undefined {
    return this.reachedAt.get(milestone);
  }

  /** Exactly the run, each prefix from its own session: nothing stray, misattributed or withdrawn. */
  matchesRun(): boolean {
    return this.distinct === this.layout.run.count && this.unexpected === 0 && this.misattributed === 0 && this.withdrawn === 0;
  }

  private markMilestones(): void {
    for (const m of this.milestones) {
      if (this.distinct >= m && !this.reachedAt.has(m)) this.reachedAt.set(m, performance.now());
    }
  }
}
