/**
 * Repeating one timed pass over the whole capture a bounded number of times and reducing the
 * durations to one figure: the median pass, in ns per prefix.
 */
import type { Deadline } from '../measure/deadline';

export interface PassLimits {
  /** Passes to run when time allows. */
  readonly minPasses: number;
  /**
   * Passes continue past minPasses until this much time went into them (a small N gives passes of
   * a few ms, where one scheduler hiccup on a shared machine is most of a pass), up to maxPasses.
   */
  readonly minMs: number;
  readonly maxPasses: number;
  /** No pass starts once this much time went into the passes (the first always runs). */
  readonly budgetMs: number;
  readonly deadline: Deadline;
}

export interface PassTimes {
  /** Duration of each pass, in ns, in the order they ran. */
  readonly ns: readonly number[];
}

/**
 * Runs `pass` until `minPasses` ran and `minMs` went by, or `maxPasses` ran, or the budget is
 * spent; `pass` throws when its result is wrong (that check is what keeps the work from being
 * optimised away). Throws DeadlineExceeded when the case's deadline passes between passes.
 */
export function timePasses(what: string, limits: PassLimits, pass: () => void): PassTimes {
  if (!(limits.minPasses >= 1 && limits.maxPasses >= limits.minPasses)) {
    throw new Error(`${what}: needs 1 <= minPasses <= maxPasses, got ${limits.minPasses} and ${limits.maxPasses}`);
  }
  const ns: number[] = [];
  const start = process.hrtime.bigint();
  while (ns.length < limits.maxPasses) {
    limits.deadline.check(`${what} pass ${ns.length + 1}`);
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (ns.length > 0 && elapsedMs >= limits.budgetMs) break;
    if (ns.length >= limits.minPasses && elapsedMs >= limits.minMs) break;
    const t0 = process.hrtime.bigint();
    pass();
    ns.push(Number(process.hrtime.bigint() - t0));
  }
  return { ns };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nanoseconds per prefix for a pass of `ns` over `prefixes` prefixes. */
export function nsPerPrefix(ns: number, prefixes: number): number {
  if (!(prefixes > 0)) throw new Error(`ns per prefix needs a positive prefix count, got ${prefixes}`);
  return ns / prefixes;
}

/** The figure of a set of passes: the median pass, per prefix. */
export function medianNsPerPrefix(times: PassTimes, prefixes: number): number {
  return nsPerPrefix(median(times.ns), prefixes);
}

/** Passes as the cases print them: "5 (median 12.3 ms, 11.9–14.0)". */
export function passesText(t: PassTimes): string {
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  return `${t.ns.length} (median ${ms(median(t.ns))} ms, ${ms(Math.min(...t.ns))}–${ms(Math.max(...t.ns))})`;
}
