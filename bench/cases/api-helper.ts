/**
 * The process-API helper shared by the api-* cases (bench/helpers/api-announce.py): the SAME
 * program, with the same arguments, runs under rxbgp and under ExaBGP. It waits for the neighbor's
 * "up" event, prints the run as `announce route` lines or `announce attributes ... nlri` batches,
 * counts the acks on its stdin and writes a JSON report, which the case reads after the transfer.
 */
import fs from 'fs';
import path from 'path';
import { REPO_ROOT } from '../daemons/rxbgp';
import type { Ipv4PrefixRun } from '../gen/prefix-run';
import type { Deadline } from '../measure/deadline';
import { checkHelperReport, readHelperReport, type HelperReport } from '../measure/helper-report';
import type { CheckOutcome } from './receivers';

/** Both daemons run the helper with Debian's interpreter, by absolute path (no PATH lookup, no shell). */
export const PYTHON = '/usr/bin/python3';
export const API_HELPER = path.join(REPO_ROOT, 'bench', 'helpers', 'api-announce.py');

/** `routes`: one `announce route` line per prefix; `batches`: `announce attributes ... nlri` lines. */
export type ApiMode = 'routes' | 'batches';

/** Prefixes per `announce attributes ... nlri` line. */
export const BATCH_PREFIXES = 1000;

export interface ApiHelperOptions {
  readonly mode: ApiMode;
  readonly routes: Ipv4PrefixRun;
  readonly nextHop: string;
  /** Where the helper writes its report. */
  readonly reportFile: string;
  /** The helper exits by itself after this long, whatever happens to the daemon. */
  readonly maxSeconds: number;
}

/** The helper's command line: program first, as rxbgp's `run` array and ExaBGP's `run` line take it. */
export function apiHelperCommand(o: ApiHelperOptions): string[] {
  const first = o.routes.text(0);
  return [
    PYTHON,
    API_HELPER,
    '--mode',
    o.mode,
    '--first',
    first.slice(0, first.indexOf('/')),
    '--count',
    String(o.routes.count),
    '--next-hop',
    o.nextHop,
    '--batch',
    String(BATCH_PREFIXES),
    '--report',
    o.reportFile,
    '--max-seconds',
    String(Math.max(1, Math.ceil(o.maxSeconds))),
  ];
}

/** Command lines the helper prints for a run of `count` prefixes. */
export function apiLineCount(mode: ApiMode, count: number): number {
  return mode === 'routes' ? count : Math.ceil(count / BATCH_PREFIXES);
}

/** What the helper wrote to --report (bench/helpers/api-announce.py). */
export interface ApiHelperReport extends HelperReport {
  readonly mode: ApiMode;
  readonly count: number;
  /** Lines it had to print. */
  readonly lines: number;
}

/** The report may follow BIRD's last route by a moment (the last acks): waits for it, briefly. */
const REPORT_WAIT_MS = 15000;

export async function readApiHelperReport(file: string, deadline: Deadline): Promise<ApiHelperReport> {
  return readHelperReport<ApiHelperReport>('API helper', file, deadline, REPORT_WAIT_MS);
}

/** The helper printed every line of the run and each one was answered `done`. */
export function checkApiHelperReport(r: ApiHelperReport, mode: ApiMode, routes: Ipv4PrefixRun): CheckOutcome {
  const expected = apiLineCount(mode, routes.count);
  const kind = mode === 'routes' ? 'announce route' : `announce attributes ... nlri (${BATCH_PREFIXES} prefixes)`;
  const mismatch =
    r.mode !== mode || r.count !== routes.count || r.lines !== expected
      ? `API helper ran ${r.lines} ${r.mode} lines for ${r.count} prefixes, expected ${expected} ${mode} lines for ${routes.count}`
      : undefined;
  return checkHelperReport(r, 'API helper', expected, kind, mismatch);
}

