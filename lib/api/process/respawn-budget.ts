/**
 * How many times a helper may be restarted: at most `limit` restarts within a sliding window of
 * `windowMs` (ExaBGP 4.2 allows 5 respawns per ~64 s time bucket, then gives up).
 */
export class RespawnBudget {
  private restarts: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Restarts recorded within the window ending at `now`. */
  recent(now: number): number {
    this.forget(now);
    return this.restarts.length;
  }

  /** The helper exited at `now`: returns true (and records a restart) when it may be restarted. */
  tryRestart(now: number): boolean {
    this.forget(now);
    if (this.restarts.length >= this.limit) return false;
    this.restarts.push(now);
    return true;
  }

  reset(): void {
    this.restarts = [];
  }

  private forget(now: number): void {
    const since = now - this.windowMs;
    let i = 0;
    while (i < this.restarts.length && this.restarts[i] <= since) i++;
    if (i > 0) this.restarts = this.restarts.slice(i);
  }
}
