/**
 * flow-api and exabgp-flow-api (issue 12, speed 1): N distinct FlowSpec DDoS rules
 * (bench/gen/flow-rules.ts) from a process-API helper (bench/helpers/flow-announce.py, the SAME
 * program and lines under both daemons) → BIRD's flow4 table. Timed like api-routes: from BIRD's
 * "State changed to up" (the moment the helper can start: it prints on the `up` event) until
 * BIRD's flow4 channel has imported N rules; then BIRD's table is counted and the helper's acks
 * checked. ExaBGP takes flow commands at 2,000–3,300 rules/s here, so it moves the same 100,000
 * in 30–105 s, under a cap of its own (EXABGP_CAP_MS after setup); if it runs out of time, the
 * rate of what BIRD held by then is reported as "rules/s (partial)" and the ratio says so.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { BirdDaemon } from '../daemons/bird';
import { exabgpVersion } from '../daemons/exabgp';
import { REPO_ROOT } from '../daemons/rxbgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import type { TrackedChild } from '../daemons/tracked-child';
import { routeCountsByTable } from '../measure/bird-channel-counts';
import { Deadline } from '../measure/deadline';
import { checkHelperReport, readHelperReport, type HelperReport } from '../measure/helper-report';
import { measureTransfer } from '../measure/transfer';
import { BIRD_FLOW_TABLE, writeBirdFlowReceiverConfig } from '../gen/bird-flow-config';
import { writeFlowRuleLines } from '../gen/flow-rules';
import { PYTHON } from './api-helper';
import { startExabgpSender } from './api-exabgp';
import { startRxbgpSender } from './api-rxbgp';
import { rateOf, recordRate, recordedRate } from './api-rates';
import type { BenchCase, CaseCompletion, CaseContext, Figure, Slot } from './case-types';
import { EXABGP_FLOW_API_SLOT, FLOW_API_SLOT } from './flow-slots';
import { birdReceiver, processOf, type CheckOutcome } from './receivers';

export const FLOW_HELPER = path.join(REPO_ROOT, 'bench', 'helpers', 'flow-announce.py');
export const FLOW_API_DEFAULT_N = 100_000;
/** ExaBGP moves the same N: 100,000 rules took it ~50 s here, inside its cap. */
export const EXABGP_FLOW_DEFAULT_N = FLOW_API_DEFAULT_N;
/** ExaBGP's case never runs longer than this after setup, whatever N: its rate is then partial. */
const EXABGP_CAP_MS = 120_000;
const SETUP_MS = 60_000;
/** ExaBGP's acks may trail BIRD's last rule by tens of seconds on a busy machine; the helper reports once all are in, or after 30 s of none. */
const REPORT_WAIT_MS = 45_000;

/** What the helper wrote to --report (flow-announce.py). */
export interface FlowHelperReport extends HelperReport {
  readonly mode: 'bulk' | 'latency';
  readonly lines: number;
  readonly written_ns?: readonly number[];
}

export interface FlowHelperOptions {
  readonly mode: 'bulk' | 'latency';
  readonly linesFile: string;
  readonly reportFile: string;
  readonly maxSeconds: number;
  readonly signalSocket?: string;
  readonly gapMs?: number;
}

/** The helper's command line: program first, as rxbgp's `run` array and ExaBGP's `run` line take it. */
export function flowHelperCommand(o: FlowHelperOptions): string[] {
  return [
    PYTHON,
    FLOW_HELPER,
    '--mode',
    o.mode,
    '--lines',
    o.linesFile,
    '--report',
    o.reportFile,
    '--max-seconds',
    String(Math.max(1, Math.ceil(o.maxSeconds))),
    ...(o.signalSocket ? ['--signal', o.signalSocket] : []),
    ...(o.gapMs !== undefined ? ['--gap-ms', String(o.gapMs)] : []),
  ];
}

export async function readFlowHelperReport(file: string, deadline: Deadline): Promise<FlowHelperReport> {
  return readHelperReport<FlowHelperReport>('flow helper', file, deadline, REPORT_WAIT_MS);
}

/** Every line written and answered `done`. */
export function checkFlowHelperReport(r: FlowHelperReport, expected: number): CheckOutcome {
  return checkHelperReport(r, 'flow helper', expected, 'announce flow route');
}

/** Starts the sender daemon in `dir` with `helper` as its API process, for a session to `slot.receiver`. */
export type FlowSenderStart = (ctx: CaseContext, slot: Slot, dir: string, helper: readonly string[]) => TrackedChild;

export const startRxbgpFlowSender: FlowSenderStart = (ctx, slot, dir, helper) => startRxbgpSender(ctx, slot, dir, helper, ['ipv4 flow']);

export const startExabgpFlowSender: FlowSenderStart = (ctx, slot, dir, helper) => startExabgpSender(ctx, slot, dir, helper, ['ipv4 flow']);

async function startBirdFlowReceiver(ctx: CaseContext, slot: Slot, deadline: Deadline): Promise<BirdDaemon> {
  const dir = makeTempDir('bird-flow-receiver');
  ctx.onCleanup(() => removeTempDir(dir));
  const bird = await BirdDaemon.startWith(
    'bird-receiver',
    dir,
    (file) =>
      writeBirdFlowReceiverConfig(file, {
        routerId: slot.receiver.routerId,
        local: { address: slot.receiver.address, port: slot.receiver.port, asn: slot.receiver.asn },
        neighbor: { address: slot.sender.address, asn: slot.sender.asn },
      }),
    deadline,
  );
  ctx.onCleanup(() => bird.stop());
  return bird;
}

/** The flow every flow-api case shares; `deadline` bounds it (ExaBGP's is tighter than the run's). */
async function runFlowApi(name: string, ctx: CaseContext, slot: Slot, deadline: Deadline, start: FlowSenderStart): Promise<CaseCompletion & { partialRate?: number }> {
  const setupStart = performance.now();
  const bird = await startBirdFlowReceiver(ctx, slot, deadline);
  const dir = makeTempDir(`${name}-sender`);
  ctx.onCleanup(() => removeTempDir(dir));
  const linesFile = path.join(dir, 'flow-rules.txt');
  const bytes = writeFlowRuleLines(linesFile, ctx.n);
  const reportFile = path.join(dir, 'helper-report.json');
  const helper = flowHelperCommand({ mode: 'bulk', linesFile, reportFile, maxSeconds: deadline.remainingMs() / 1000 + 10 });
  const sender = start(ctx, slot, dir, helper);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  ctx.log(`BIRD flow4 receiver listening, ${sender.name} started with the flow helper (${ctx.n} rules, ${(bytes / 1e6).toFixed(1)} MB of lines)`);
  const measurement = await measureTransfer(processOf(sender), birdReceiver(bird), ctx.n, deadline, ctx.log);
  const endedAt = performance.now();
  const checks: string[] = [];
  const problems: string[] = [];
  let partialRate: number | undefined;
  if (measurement.outcome === 'done') {
    const counts = routeCountsByTable(await bird.command(`show route count table ${BIRD_FLOW_TABLE}`));
    const held = counts.get(BIRD_FLOW_TABLE) ?? 0;
    (held === ctx.n ? checks : problems).push(`BIRD show route count table ${BIRD_FLOW_TABLE}: ${held} (expected ${ctx.n} distinct rules)`);
    try {
      const r = checkFlowHelperReport(await readFlowHelperReport(reportFile, ctx.deadline), ctx.n);
      checks.push(...r.checks);
      problems.push(...r.problems);
    } catch (err) {
      problems.push(`flow helper report: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else if (bird.session.upAt !== undefined && measurement.received > 0) {
    partialRate = measurement.received / ((endedAt - bird.session.upAt) / 1000);
  }
  recordRate(name, rateOf(ctx.n, measurement, problems));
  return { setupSeconds, measurement, checks, problems, partialRate };
}

function rulesPerSecond(r: number): string {
  return `${Math.round(r).toLocaleString('en')} rules/s`;
}

export const flowApiCase: BenchCase = {
  name: 'flow-api',
  groups: ['flow-api'],
  sender: 'rxbgp + helper',
  receiver: 'BIRD flow4',
  summary: 'a process-API helper prints N distinct `announce flow route` DDoS rules to rxbgp, which sends them to BIRD (flow4)',
  needs: ['bird', 'rxbgp'],
  defaultN: FLOW_API_DEFAULT_N,
  async run(ctx) {
    const done = await runFlowApi('flow-api', ctx, FLOW_API_SLOT, ctx.deadline, startRxbgpFlowSender);
    const rate = rateOf(ctx.n, done.measurement, done.problems);
    const figures: Figure[] = rate !== undefined ? [{ name: 'rules/s', value: rate, unit: 'rules/s' }] : [];
    return { ...done, figures };
  },
};

export const exabgpFlowApiCase: BenchCase = {
  name: 'exabgp-flow-api',
  groups: ['flow-api'],
  sender: 'ExaBGP + helper',
  receiver: 'BIRD flow4',
  summary: 'the flow-api helper and rules under ExaBGP 4.2 → BIRD (flow4), capped at 120 s (then a partial rate)',
  needs: ['bird', 'exabgp'],
  defaultN: EXABGP_FLOW_DEFAULT_N,
  async run(ctx) {
    if (!fs.existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: the flow helper runs with it`);
    const own = new Deadline(Math.min(ctx.deadline.remainingMs(), SETUP_MS + EXABGP_CAP_MS));
    const done = await runFlowApi('exabgp-flow-api', ctx, EXABGP_FLOW_API_SLOT, own, startExabgpFlowSender);
    const version = exabgpVersion();
    const checks = [...done.checks, ...(version ? [`sender: ${version}`] : [])];
    const figures: Figure[] = [];
    const exabgpRate = rateOf(ctx.n, done.measurement, done.problems);
    const rxbgpRate = recordedRate('flow-api');
    if (exabgpRate !== undefined) figures.push({ name: 'rules/s', value: exabgpRate, unit: 'rules/s' });
    if (done.partialRate !== undefined) {
      figures.push({ name: 'rules/s (partial)', value: done.partialRate, unit: 'rules/s' });
      checks.push(
        `ExaBGP did not finish ${ctx.n} rules in time (its cap: ${EXABGP_CAP_MS / 1000} s after setup, or the run's --timeout): BIRD held ${done.measurement?.received}; ` +
          `rate of that part ${rulesPerSecond(done.partialRate)} (extrapolated: 100,000 rules would take ~${Math.round(100_000 / done.partialRate)} s)`,
      );
    }
    const compared = exabgpRate ?? done.partialRate;
    if (compared !== undefined && rxbgpRate !== undefined) {
      figures.push({ name: 'rxbgp rate over ExaBGP', value: rxbgpRate / compared, unit: '×' });
      checks.push(
        `rxbgp's rate over ExaBGP's: ${(rxbgpRate / compared).toFixed(1)}× (flow-api ${rulesPerSecond(rxbgpRate)}, exabgp-flow-api ` +
          `${rulesPerSecond(compared)}${exabgpRate === undefined ? ', partial' : ''}; the same helper and lines, BIRD receiving)`,
      );
    }
    return { ...done, checks, figures };
  },
};
