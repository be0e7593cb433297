/**
 * The flow every process-API case shares: BIRD waits as the receiver, the sender daemon (rxbgp or
 * ExaBGP) starts the API helper and connects; timed from BIRD's "State changed to up" until BIRD's
 * import counter shows N, like emit. Then BIRD's table is checked (exactly N, samples present), the
 * helper's report (every line written and answered `done`), and the rate recorded for the ratio.
 */
import path from 'path';
import { performance } from 'perf_hooks';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import type { TrackedChild } from '../daemons/tracked-child';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { measureTransfer } from '../measure/transfer';
import { apiHelperCommand, checkApiHelperReport, readApiHelperReport, type ApiMode } from './api-helper';
import { rateOf, recordRate } from './api-rates';
import { FIRST_PREFIX, NEXT_HOP, type CaseCompletion, type CaseContext } from './case-types';
import { birdReceiver, checkBirdHolds, processOf } from './receivers';
import { startBirdReceiver } from './senders';

/** Starts the sender daemon in `dir` with `helper` (program and arguments) as its API process. */
export type ApiSenderStart = (ctx: CaseContext, dir: string, helper: readonly string[]) => Promise<TrackedChild>;

export async function runApiCase(name: string, ctx: CaseContext, mode: ApiMode, startSender: ApiSenderStart): Promise<CaseCompletion> {
  const setupStart = performance.now();
  const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
  const bird = await startBirdReceiver(ctx, false);
  const dir = makeTempDir(`${name}-sender`);
  ctx.onCleanup(() => removeTempDir(dir));
  const reportFile = path.join(dir, 'helper-report.json');
  // The helper outlives nothing: it stops by itself a little after the case's own deadline.
  const helper = apiHelperCommand({ mode, routes, nextHop: NEXT_HOP, reportFile, maxSeconds: ctx.deadline.remainingMs() / 1000 + 10 });
  const sender = await startSender(ctx, dir, helper);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  ctx.log(`BIRD receiver listening, ${sender.name} started with the API helper (${mode})`);
  const measurement = await measureTransfer(processOf(sender), birdReceiver(bird), ctx.n, ctx.deadline, ctx.log);
  const checks: string[] = [];
  const problems: string[] = [];
  if (measurement.outcome === 'done') {
    const held = await checkBirdHolds(bird, routes);
    checks.push(...held.checks);
    problems.push(...held.problems);
    try {
      const helped = checkApiHelperReport(await readApiHelperReport(reportFile, ctx.deadline), mode, routes);
      checks.push(...helped.checks);
      problems.push(...helped.problems);
    } catch (err) {
      problems.push(`API helper report: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  recordRate(name, rateOf(ctx.n, measurement, problems));
  return { setupSeconds, measurement, checks, problems };
}
