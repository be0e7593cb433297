/**
 * When a daemon said its BGP session reached Established, by our monotonic clock at the moment we
 * read the line (BIRD's "State changed to up", gobgpd's "Peer Up", rxbgp's "state":"up" event).
 * A watcher can ask to be called at that moment, to snapshot CPU counters without poll lag.
 */
import { performance } from 'perf_hooks';

export class SessionWatch {
  private up: number | undefined;
  private down: string | undefined;
  private readonly listeners: Array<(at: number) => void> = [];

  /** performance.now() when the session first came up. */
  get upAt(): number | undefined {
    return this.up;
  }

  /** Why the session went down after coming up, if it did. */
  get downReason(): string | undefined {
    return this.down;
  }

  markUp(): void {
    if (this.up !== undefined) return;
    const at = performance.now();
    this.up = at;
    for (const listener of this.listeners.splice(0)) listener(at);
  }

  markDown(reason: string): void {
    if (this.up !== undefined && this.down === undefined) this.down = reason;
  }

  /** Calls `listener` once when the session comes up (at once if it already has). */
  onUp(listener: (at: number) => void): void {
    if (this.up !== undefined) listener(this.up);
    else this.listeners.push(listener);
  }
}
