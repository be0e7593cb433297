/**
 * Reads the reports of bench/helpers/exabgp-count.py (lines `exabgp-count {json}` on ExaBGP's
 * stderr, which ExaBGP passes through from its helper) and turns them into what a transfer
 * measurement asks of a receiver: when the session came up, how many distinct prefixes of the run
 * the helper has counted, and when it reached a given count.
 *
 * Clocks: every report carries `t`, the helper's time.monotonic() at the moment it counted the
 * event. The session is marked up on our clock when the "up" report is read (CPU counters are
 * snapshotted then); the time to reach K is that moment plus the helper's own interval from its
 * "up" to its K-th distinct prefix. So a transfer's seconds are measured entirely on the helper's
 * CLOCK_MONOTONIC, from parsing ExaBGP's `"state": "up"` event to counting the N-th prefix, and
 * do not depend on how fast this process reads the reports.
 */
import { SessionWatch } from './session-watch';

export const EXABGP_COUNT_PREFIX = 'exabgp-count ';

/** The helper's counts, as in its `tally` report. */
export interface HelperTally {
  /** done (all N counted), eor (End-of-RIB for IPv4 unicast), eof (stdin closed), time (--max-seconds reached). */
  readonly why: string;
  readonly distinct: number;
  readonly count: number;
  readonly entries: number;
  readonly duplicates: number;
  readonly unexpected: number;
  readonly withdrawn: number;
  readonly otherFamilies: number;
  readonly updates: number;
  readonly eors: number;
  readonly strays: number;
  readonly lines: number;
  readonly events: Readonly<Record<string, number>>;
  /** time.process_time() of the helper when it wrote the tally. */
  readonly cpuSeconds: number;
}

interface Progress {
  readonly distinct: number;
  /** Helper clock, seconds. */
  readonly t: number;
}

export class ExabgpCountWatch {
  readonly session = new SessionWatch();
  /** The helper's PID, from its "ready" report. */
  helperPid: number | undefined;
  /** The latest tally, and the first one written for End-of-RIB. */
  tally: HelperTally | undefined;
  eorTally: HelperTally | undefined;
  /** Prefixed lines that could not be read as a report. */
  badReports = 0;
  /** Distinct prefixes of the run counted so far (as of the last progress report). */
  distinct = 0;
  private helperUpAt: number | undefined;
  private readonly progress: Progress[] = [];

  /** Called with every stderr line of ExaBGP: lines without the prefix are ExaBGP's own and are ignored. */
  line(text: string): void {
    if (!text.startsWith(EXABGP_COUNT_PREFIX)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(EXABGP_COUNT_PREFIX.length));
    } catch {
      this.badReports++;
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { t?: unknown }).t !== 'number') {
      this.badReports++;
      return;
    }
    const report = parsed as Record<string, unknown>;
    const t = report.t as number;
    switch (report.event) {
      case 'ready':
        if (typeof report.pid === 'number') this.helperPid = report.pid;
        return;
      case 'up':
        if (this.helperUpAt === undefined) this.helperUpAt = t;
        this.session.markUp();
        return;
      case 'down':
        this.session.markDown(`ExaBGP: state down ${String(report.reason ?? '')}`.trim());
        return;
      case 'progress':
        if (typeof report.distinct !== 'number') break;
        this.distinct = report.distinct;
        this.progress.push({ distinct: report.distinct, t });
        return;
      case 'tally': {
        const tally = readTally(report);
        if (!tally) break;
        this.tally = tally;
        if (tally.why === 'eor') this.eorTally ??= tally;
        return;
      }
    }
    this.badReports++;
  }

  /** True once the helper has built its prefix set and reads stdin. */
  get ready(): boolean {
    return this.helperPid !== undefined;
  }

  /**
   * performance.now() of the moment the helper first held k distinct prefixes, on the session's
   * clock: its up time here plus the helper's own interval (see the file comment).
   */
  reachedAt(k: number): number | undefined {
    const upHere = this.session.upAt;
    if (upHere === undefined || this.helperUpAt === undefined) return undefined;
    const point = this.progress.find((p) => p.distinct >= k);
    return point && upHere + (point.t - this.helperUpAt) * 1000;
  }
}

function readTally(r: Record<string, unknown>): HelperTally | undefined {
  const num = (key: string): number | undefined => (typeof r[key] === 'number' ? (r[key] as number) : undefined);
  const keys = ['distinct', 'count', 'entries', 'duplicates', 'unexpected', 'withdrawn', 'other_families', 'updates', 'eors', 'strays', 'lines', 'cpu_seconds'];
  if (typeof r.why !== 'string' || keys.some((k) => num(k) === undefined)) return undefined;
  const events: Record<string, number> = {};
  if (typeof r.events === 'object' && r.events !== null) {
    for (const [k, v] of Object.entries(r.events as Record<string, unknown>)) if (typeof v === 'number') events[k] = v;
  }
  return {
    why: r.why,
    distinct: num('distinct')!,
    count: num('count')!,
    entries: num('entries')!,
    duplicates: num('duplicates')!,
    unexpected: num('unexpected')!,
    withdrawn: num('withdrawn')!,
    otherFamilies: num('other_families')!,
    updates: num('updates')!,
    eors: num('eors')!,
    strays: num('strays')!,
    lines: num('lines')!,
    events,
    cpuSeconds: num('cpu_seconds')!,
  };
}
