/** A case's hard time limit: every wait checks it, so no step of a case can outlive it. */
import { performance } from 'perf_hooks';

export class DeadlineExceeded extends Error {
  constructor(readonly what: string) {
    super(`deadline reached while waiting for ${what}`);
  }
}

export class Deadline {
  private readonly end: number;

  constructor(readonly ms: number) {
    this.end = performance.now() + ms;
  }

  remainingMs(): number {
    return Math.max(0, this.end - performance.now());
  }

  expired(): boolean {
    return performance.now() >= this.end;
  }

  /** Throws DeadlineExceeded naming what was being waited for. */
  check(what: string): void {
    if (this.expired()) throw new DeadlineExceeded(what);
  }
}

/**
 * Polls `probe` every `intervalMs` until it returns a value, `abort` returns a reason (a daemon
 * exited), or the deadline passes. The probe may be async (a birdc or gobgp query).
 */
export async function pollUntil<T>(
  what: string,
  deadline: Deadline,
  probe: () => T | undefined | Promise<T | undefined>,
  o: { readonly intervalMs?: number; readonly abort?: () => string | undefined } = {},
): Promise<T> {
  const interval = o.intervalMs ?? 100;
  for (;;) {
    const reason = o.abort?.();
    if (reason) throw new Error(`while waiting for ${what}: ${reason}`);
    const value = await probe();
    if (value !== undefined) return value;
    deadline.check(what);
    await sleep(Math.min(interval, deadline.remainingMs() + 1));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
