/**
 * What a receiver was sent over many sessions, checked against the layout: one bit per prefix of
 * the run (1 M prefixes cost 128 KB), the distinct prefixes each session delivered, and every
 * prefix that came from a session that does not own it, repeats, strays and withdrawals. Records
 * when the total first reaches each milestone (99 %, 100 %), exactly, as the events are read.
 */
import type { ManyPeersLayout } from '../gen/many-peers-layout';
import { HeldBits } from './held-bits';

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
  private readonly held: HeldBits;

  constructor(
    readonly layout: ManyPeersLayout,
    milestones: readonly number[],
  ) {
    this.held = new HeldBits(layout.run.count, milestones);
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
    if (!this.held.add(i)) {
      this.duplicates++;
      return;
    }
    this.perPeer[peer]!++;
    this.held.mark(++this.distinct);
  }

  withdraw(peer: number, prefix: string): void {
    this.withdrawn++;
    const i = this.layout.run.indexOf(prefix);
    if (i < 0 || this.layout.ownerOf(i) !== peer || !this.held.remove(i)) return;
    this.distinct--;
    this.perPeer[peer]!--;
  }

  /** performance.now() when the distinct count first reached `milestone`. */
  reached(milestone: number): number | undefined {
    return this.held.reached(milestone);
  }

  /** Exactly the run, each prefix from its own session: nothing stray, misattributed or withdrawn. */
  matchesRun(): boolean {
    return this.distinct === this.layout.run.count && this.unexpected === 0 && this.misattributed === 0 && this.withdrawn === 0;
  }
}
