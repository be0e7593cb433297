/**
 * bird-exabgp: BIRD → Debian's ExaBGP 4.2, the reference of ingest-json-file (target 3). ExaBGP
 * receives the run and hands every UPDATE as JSON (`api { receive { parsed; update; } }`, with
 * `neighbor-changes` for the session state) to bench/helpers/exabgp-count.py, a real consumer: one
 * json.loads per line, every ipv4 unicast nlri counted against the run (a set of the prefixes
 * still missing), its progress and counts reported on stderr (ExabgpCountWatch).
 *
 * Clock: the helper's time.monotonic() (CLOCK_MONOTONIC), from the moment it parsed ExaBGP's
 * `"state": "up"` event to the moment it counted the N-th distinct prefix of the run (and the
 * 99 % point likewise). CPU over that window and peak RSS are ExaBGP's own process (`exabgp` is a
 * Python script run by its shebang, and `env` execs it, so the PID we spawn is ExaBGP's); the
 * helper's CPU and RSS are a check line.
 *
 * The helper builds its prefix set before it reports ready, and only then is BIRD's BGP protocol
 * enabled (BIRD connects; ExaBGP listens): no update can reach ExaBGP before its consumer reads.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { REPO_ROOT } from '../daemons/rxbgp';
import { exabgpConfig, startExabgp } from '../daemons/exabgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { Deadline, pollUntil } from '../measure/deadline';
import { ExabgpCountWatch, type HelperTally } from '../measure/exabgp-count-watch';
import { readCpuSeconds, readPeakRssBytes } from '../measure/proc-stats';
import { EARLY_SHARE, measureTransfer, type ReceiverProbe } from '../measure/transfer';
import { PYTHON } from './api-helper';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext, type Speaker } from './case-types';
import { processOf } from './receivers';
import { startBirdSender } from './senders';

export const EXABGP_COUNT_HELPER = path.join(REPO_ROOT, 'bench', 'helpers', 'exabgp-count.py');
/** The helper's name in ExaBGP's `process` block. */
export const EXABGP_COUNT_PROCESS = 'bench-count';
/** The helper builds a million-string set in ~1 s and ExaBGP starts in ~1 s: far longer means it failed. */
const READY_WAIT_MS = 60_000;
/** After all N are counted, how long to wait for the helper's tally at End-of-RIB (BIRD sends it right after its last UPDATE). */
const EOR_WAIT_MS = 10_000;
/** The helper outlives the case's deadline by this much at most, whatever happens to ExaBGP. */
const HELPER_GRACE_SECONDS = 30;

export interface ExabgpReceiverConfig {
  /** BIRD, which connects. */
  readonly sender: Speaker;
  /** ExaBGP, which listens on its address and port (exabgpEnvironment). */
  readonly receiver: Speaker;
  /** Program and arguments of the consumer. */
  readonly helper: readonly string[];
}

/** ExaBGP 4.2's config: the consumer as a process (no respawn), one passive neighbor sending it every update as JSON. */
export function exabgpReceiverConfig(c: ExabgpReceiverConfig): string {
  return exabgpConfig({
    processName: EXABGP_COUNT_PROCESS,
    helper: c.helper,
    local: c.receiver,
    peer: c.sender,
    connect: false,
    families: ['ipv4 unicast'],
    api: 'neighbor-changes; receive { parsed; update; }',
  });
}

export interface CountHelperOptions {
  readonly routes: Ipv4PrefixRun;
  /** Distinct counts whose time the bench needs exactly (99 % and N). */
  readonly marks: readonly number[];
  readonly maxSeconds: number;
}

/** The consumer's command line, program first. */
export function countHelperCommand(o: CountHelperOptions): string[] {
  const first = o.routes.text(0);
  return [
    PYTHON,
    EXABGP_COUNT_HELPER,
    '--first',
    first.slice(0, first.indexOf('/')),
    '--count',
    String(o.routes.count),
    ...o.marks.flatMap((m) => ['--mark', String(m)]),
    '--max-seconds',
    String(Math.max(1, Math.ceil(o.maxSeconds))),
  ];
}

/** The helper's final counts as checks (all well) or problems. */
export function checkHelperTally(t: HelperTally, n: number): { checks: string[]; problems: string[] } {
  const out = { checks: [] as string[], problems: [] as string[] };
  const exact = t.distinct === n && t.count === n && t.unexpected === 0 && t.withdrawn === 0;
  (exact ? out.checks : out.problems).push(
    `helper (json.loads per line), tally at ${t.why}: ${t.distinct} distinct of ${n} expected prefixes, ` +
      `${t.entries} nlri entries, ${t.duplicates} repeated, ${t.unexpected} unexpected, ${t.withdrawn} withdrawn`,
  );
  if (exact) out.checks.push('the set of announced prefixes equals the run sent');
  if (t.strays) out.problems.push(`${t.strays} lines on the helper's stdin were not JSON`);
  if (t.otherFamilies) out.problems.push(`${t.otherFamilies} updates carried another family than ipv4 unicast`);
  const events = Object.entries(t.events).map(([type, count]) => `${count} ${type}`);
  out.checks.push(`events read by the helper: ${t.lines} lines, ${events.join(', ')}; ${t.updates} updates, ${t.eors} End-of-RIB`);
  return out;
}

export const birdExabgpCase: BenchCase = {
  name: 'bird-exabgp',
  groups: ['ingest-json'],
  sender: 'BIRD',
  receiver: 'ExaBGP + helper',
  summary: 'BIRD sends N static routes to ExaBGP 4.2, its JSON counted by a helper (reference for ingest-json-file)',
  needs: ['bird', 'exabgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    if (!fs.existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: the counting helper runs with it`);
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const { sender, receiver } = ctx.slot;
    const bird = await startBirdSender(ctx, routes, true);

    const dir = makeTempDir('exabgp-receiver');
    ctx.onCleanup(() => removeTempDir(dir));
    const marks = [Math.ceil(ctx.n * EARLY_SHARE), ctx.n];
    const helper = countHelperCommand({ routes, marks, maxSeconds: ctx.deadline.remainingMs() / 1000 + HELPER_GRACE_SECONDS });
    const watch = new ExabgpCountWatch();
    // ExaBGP logs on stdout; its helper's stderr is ExaBGP's.
    const exabgp = startExabgp({ name: 'exabgp-receiver', dir, config: exabgpReceiverConfig({ sender, receiver, helper }), bind: receiver, onStderrLine: (line) => watch.line(line) });
    ctx.onCleanup(() => exabgp.stop().then(() => undefined));
    // ExaBGP does not exit when its helper does: a helper that never says ready fails the case early.
    const readyWait = new Deadline(Math.min(READY_WAIT_MS, ctx.deadline.remainingMs()));
    await pollUntil('the ExaBGP helper to build its prefix set', readyWait, () => (watch.ready ? true : undefined), {
      intervalMs: 50,
      abort: () => exabgp.exitText(),
    }).catch((err: unknown) => {
      if (ctx.deadline.expired()) throw err;
      throw new Error(`${err instanceof Error ? err.message : String(err)}; ExaBGP's last output:\n${exabgp.lastLines()}`);
    });
    await bird.enableBgp();
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes, ExaBGP and its helper ready, BIRD connecting`);

    const helperPid = watch.helperPid!;
    let helperCpuAtUp: number | undefined;
    watch.session.onUp(() => (helperCpuAtUp = readCpuSeconds(helperPid)));
    const probe: ReceiverProbe = {
      process: processOf(exabgp),
      session: watch.session,
      count: () => watch.distinct,
      reachedAt: (k) => watch.reachedAt(k),
      // The helper's reports are read as a stream: polling them costs ExaBGP nothing.
      poll: { minMs: 20, maxMs: 20 },
    };
    const measurement = await measureTransfer(processOf(bird.child), probe, ctx.n, ctx.deadline, ctx.log);
    const helperCpu = readCpuSeconds(helperPid);
    const helperRss = readPeakRssBytes(helperPid);

    const checks: string[] = [];
    const problems: string[] = [];
    if (measurement.outcome === 'done') {
      const eorWait = new Deadline(Math.min(EOR_WAIT_MS, ctx.deadline.remainingMs()));
      await pollUntil('the helper tally at End-of-RIB', eorWait, () => watch.eorTally, { intervalMs: 20 }).catch(() => undefined);
    }
    const tally = watch.eorTally ?? watch.tally;
    if (tally) {
      const outcome = checkHelperTally(tally, ctx.n);
      checks.push(...outcome.checks);
      problems.push(...outcome.problems);
    } else if (measurement.outcome === 'done') problems.push('the helper wrote no tally');
    if (watch.badReports) problems.push(`${watch.badReports} helper reports could not be read`);
    const window = helperCpu !== undefined && helperCpuAtUp !== undefined ? helperCpu - helperCpuAtUp : undefined;
    const both = window !== undefined && measurement.receiverCpuSeconds !== undefined ? window + measurement.receiverCpuSeconds : undefined;
    checks.push(
      `helper (PID ${helperPid}) CPU over the window: ${window?.toFixed(2) ?? '?'} s, peak RSS ` +
        `${helperRss === undefined ? '?' : `${Math.round(helperRss / 2 ** 20)} MB`}; ExaBGP + helper CPU: ${both?.toFixed(2) ?? '?'} s`,
    );
    return { setupSeconds, measurement, checks, problems };
  },
};
