/**
 * The JSON report the sending API helpers write when they are done (bench/helpers/api-announce.py
 * and flow-announce.py, helper_common.finish): read once it is in place, and turned into the
 * check lines the cases print.
 */
import fs from 'fs';
import { Deadline, pollUntil } from './deadline';

/** What both helpers report (helper_common.py: await_acks, finish). */
export interface HelperReport {
  readonly pid: number;
  /** Lines it printed. */
  readonly sent: number;
  /** From reading the "up" event to the last line written, by the helper's clock. */
  readonly written_seconds?: number;
  /** From reading the "up" event to the last ack. */
  readonly acked_seconds?: number;
  readonly done: number;
  readonly error: number;
  /** JSON event lines read (the "up" event among them). */
  readonly events: number;
  /** stdin lines that were neither an ack nor JSON. */
  readonly other: number;
  /** The helper's own CPU time over its life (all threads). */
  readonly cpu_seconds: number;
  readonly problem?: string;
}

/**
 * The report in `file`, waiting up to `waitMs` (within the case's deadline) for it: it may follow
 * the receiver's last route by a moment (the last acks). The helper renames its report into
 * place, so a file that exists is whole.
 */
export async function readHelperReport<R extends HelperReport>(what: string, file: string, deadline: Deadline, waitMs: number): Promise<R> {
  const read = () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as R) : undefined);
  const wait = new Deadline(Math.max(1, Math.min(deadline.remainingMs(), waitMs)));
  return pollUntil(`the ${what} report ${file}`, wait, read, { intervalMs: 50 });
}

/**
 * The helper printed `expected` lines of `kind` and each one was answered `done`: the lines
 * "<what> (pid P) wrote S of E <kind> lines ...", "acks: ...", and its CPU, as checks or problems.
 * `mismatch` (a problem found by the caller) goes right after the helper's own problem.
 */
export function checkHelperReport(r: HelperReport, what: string, expected: number, kind: string, mismatch?: string): { checks: string[]; problems: string[] } {
  const out = { checks: [] as string[], problems: [] as string[] };
  if (r.problem) out.problems.push(`${what}: ${r.problem}`);
  if (mismatch) out.problems.push(mismatch);
  const timing = r.written_seconds !== undefined ? ` in ${r.written_seconds.toFixed(2)} s from the "up" event it read` : '';
  (r.sent === expected ? out.checks : out.problems).push(`${what} (pid ${r.pid}) wrote ${r.sent} of ${expected} ${kind} lines${timing}`);
  const acks = `acks: ${r.done} done, ${r.error} error of ${r.sent}${r.acked_seconds !== undefined ? ` (last after ${r.acked_seconds.toFixed(2)} s)` : ''}`;
  (r.done === r.sent && r.error === 0 ? out.checks : out.problems).push(acks);
  if (r.other) out.problems.push(`${what} read ${r.other} stdin lines that were neither an ack nor JSON`);
  out.checks.push(`${what} CPU over its life: ${r.cpu_seconds.toFixed(2)} s`);
  return out;
}
