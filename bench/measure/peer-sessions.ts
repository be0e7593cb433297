/**
 * The sessions of one daemon in a many-peers case, one per peer: when each reached Established,
 * which went down after that and why, and on which a hold timer expired. `first` and `all` are
 * SessionWatch views for measureTransfer: `first` comes up with the first session (the moment the
 * transfer is timed from, as bgperf does), `all` with the last; both record the first drop.
 */
import { SessionWatch } from './session-watch';

/** One thing a daemon's log or events said about one session. */
export interface SessionLogEvent {
  readonly kind: 'up' | 'down' | 'hold-timer-expired';
  /** How the daemon names the session: a protocol name or the peer's address. */
  readonly key: string;
  readonly reason?: string;
}

export class PeerSessions {
  readonly first = new SessionWatch();
  readonly all = new SessionWatch();
  /** Sessions that have been Established at least once, by peer index. */
  private readonly wasUp: Uint8Array;
  private upCount = 0;
  private readonly drops = new Map<number, string>();
  private readonly expired = new Set<number>();

  /** `label` names the daemon in drop reasons, e.g. "receiver" or "sender". */
  constructor(
    readonly peerCount: number,
    private readonly label: string,
  ) {
    this.wasUp = new Uint8Array(peerCount);
  }

  /** Sessions that have been Established at least once. */
  get established(): number {
    return this.upCount;
  }

  /** performance.now() when the last of the sessions first came up. */
  get lastUpAt(): number | undefined {
    return this.all.upAt;
  }

  /** Peers whose session went down after being Established, with the first reason given. */
  get dropped(): ReadonlyMap<number, string> {
    return this.drops;
  }

  /** Peers on whose session a hold timer expired (this side's, or the other's as its NOTIFICATION said). */
  get holdTimerExpired(): ReadonlySet<number> {
    return this.expired;
  }

  markUp(peer: number): void {
    if (!this.valid(peer) || this.wasUp[peer]) return;
    this.wasUp[peer] = 1;
    this.upCount++;
    this.first.markUp();
    if (this.upCount === this.peerCount) this.all.markUp();
  }

  /** A session going down before it was ever Established (connection attempts) is not a drop. */
  markDown(peer: number, reason: string): void {
    if (!this.valid(peer) || !this.wasUp[peer] || this.drops.has(peer)) return;
    this.drops.set(peer, reason);
    const text = `${this.label} session ${peer + 1} down: ${reason}`;
    this.first.markDown(text);
    this.all.markDown(text);
  }

  markHoldTimerExpired(peer: number): void {
    if (this.valid(peer)) this.expired.add(peer);
  }

  /** Applies a parsed log event; `peerOf` maps the daemon's name for the session to a peer index (-1: not ours). */
  apply(event: SessionLogEvent, peerOf: (key: string) => number): void {
    const peer = peerOf(event.key);
    if (event.kind === 'up') this.markUp(peer);
    else if (event.kind === 'down') this.markDown(peer, event.reason ?? 'down');
    else this.markHoldTimerExpired(peer);
  }

  private valid(peer: number): boolean {
    return Number.isInteger(peer) && peer >= 0 && peer < this.peerCount;
  }
}
