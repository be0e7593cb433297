/**
 * The run shared by the sink ingest cases (ingest-jsonl, ingest-kafka): exactly the `ingest` case
 * (BIRD sends N static routes; rxbgp as a library counts them in process, bench/cases/ingest.ts),
 * with one sink in the receiver's config, run by sink-ingest-counter.ts (a Speaker, which opens
 * the sinks). The transfer is timed as ingest's, until the consumer counted N. Then the run waits
 * until the sink has written every event it took (the consumer's `drained` line, from the sink's
 * own counters) and reports that as figures: the time from Established until the sink drained, how
 * long after the last prefix was counted, and the receiver's CPU seconds over that longer window.
 * What the sink wrote is checked by the case (file or topic read back) after the receiver stopped.
 */
import path from 'path';
import { performance } from 'perf_hooks';
import type { SinkStats } from '../../lib/sinks/sink';
import { FIRST_PREFIX, type CaseContext, type Figure } from '../cases/case-types';
import { processOf } from '../cases/receivers';
import { startBirdSender } from '../cases/senders';
import { rxbgpSession } from '../daemons/rxbgp';
import { ConsumerReceiver } from '../daemons/rxbgp-consumer';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { pollUntil } from '../measure/deadline';
import { readCpuSeconds } from '../measure/proc-stats';
import { measureTransfer, type TransferMeasurement } from '../measure/transfer';
import { ingestCounterVerdict, type IngestCounterStats } from './ingest-counter-stats';
import { sinkStatsVerdict } from './sink-drain';

/** The consumer, compiled beside this file (dist/bench/consumers/). */
const CONSUMER = path.join(__dirname, 'sink-ingest-counter.js');

/** Long enough for the consumer to stop the speaker, whose sinks get 5 s to flush (sink-queue.ts). */
const STOP_GRACE_MS = 15000;

/** What the consumer prints when stopped: the ingest counts and each sink's final counters. */
type SinkConsumerStats = IngestCounterStats & { readonly sinks?: Record<string, SinkStats> };

export interface SinkIngestRun {
  readonly routes: Ipv4PrefixRun;
  readonly setupSeconds: number;
  readonly measurement: TransferMeasurement;
  readonly figures: Figure[];
  /** The sink's final counters, as the consumer printed them when it stopped. */
  readonly sinkStats: SinkStats | undefined;
  readonly checks: string[];
  readonly problems: string[];
}

/**
 * Runs the ingest with the sink `sinkIn(dir)` gives (dir: the run's temporary directory, for a
 * file sink); `setupStart` is when the case began (its own setup, e.g. a broker, is setup too).
 */
export async function runSinkIngest(ctx: CaseContext, sinkIn: (dir: string) => Readonly<Record<string, unknown>>, setupStart: number): Promise<SinkIngestRun> {
  const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
  const { sender, receiver } = ctx.slot;
  const bird = await startBirdSender(ctx, routes, false);
  const dir = makeTempDir('rxbgp-receiver');
  ctx.onCleanup(() => removeTempDir(dir));
  const sink = sinkIn(dir);
  let drainedAt: number | undefined;
  let cpuAtUp: number | undefined;
  let cpuAtDrained: number | undefined;
  const rxbgp: ConsumerReceiver<SinkConsumerStats> = new ConsumerReceiver<SinkConsumerStats>({
    consumer: CONSUMER,
    dir,
    config: { ...rxbgpSession(receiver, sender), events: 'none', sinks: [sink] },
    firstPrefix: FIRST_PREFIX,
    count: routes.count,
    nodeOptions: ctx.rxbgpNodeOptions,
    onLine: (line) => {
      if (!line.startsWith('drained ')) return;
      drainedAt = performance.now();
      // Read in the same tick the line is read, as measureTransfer reads the counters at `up`.
      cpuAtDrained = readCpuSeconds(rxbgp.child.pid);
    },
  });
  ctx.onCleanup(() => rxbgp.child.stop(STOP_GRACE_MS).then(() => undefined));
  rxbgp.session.onUp(() => (cpuAtUp = readCpuSeconds(rxbgp.child.pid)));
  const setupSeconds = (performance.now() - setupStart) / 1000;
  ctx.log(`BIRD sender loaded ${routes.count} routes, rxbgp started with the ${String(sink.type)} sink "${String(sink.name)}"`);

  const measurement = await measureTransfer(processOf(bird.child), rxbgp.probe(ctx.n), ctx.n, ctx.deadline, ctx.log);
  const problems: string[] = [];
  if (measurement.outcome === 'done') {
    try {
      await pollUntil(`the ${String(sink.type)} sink to write every event it took`, ctx.deadline, () => drainedAt, { intervalMs: 20, abort: () => rxbgp.child.exitText() });
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  await rxbgp.child.stop(STOP_GRACE_MS);

  const stats = rxbgp.stats;
  const verdict = ingestCounterVerdict(stats, ctx.n, false);
  const sinkVerdict = sinkStatsVerdict(stats?.sinks, [String(sink.name)]);
  const figures = drainFigures(rxbgp.session.upAt, rxbgp.reached.get(ctx.n), drainedAt, cpuAtUp, cpuAtDrained);
  return {
    routes,
    setupSeconds,
    measurement,
    figures,
    sinkStats: stats?.sinks?.[String(sink.name)],
    checks: [...verdict.checks, ...sinkVerdict.checks],
    problems: [...problems, ...verdict.problems, ...sinkVerdict.problems],
  };
}

/**
 * The sink's figures, from the bench's stamps (performance.now() when each line was read): from
 * Established until the sink drained, after the consumer counted N, and the receiver's CPU over
 * Established → drained. Only those that were measured.
 */
export function drainFigures(upAt: number | undefined, countedAt: number | undefined, drainedAt: number | undefined, cpuAtUp: number | undefined, cpuAtDrained: number | undefined): Figure[] {
  if (upAt === undefined || drainedAt === undefined) return [];
  const figures: Figure[] = [{ name: 'sink drained', value: (drainedAt - upAt) / 1000, unit: 's after Established' }];
  if (countedAt !== undefined) figures.push({ name: 'sink lag', value: Math.max(0, drainedAt - countedAt) / 1000, unit: 's after N counted' });
  if (cpuAtUp !== undefined && cpuAtDrained !== undefined) figures.push({ name: 'receiver CPU to drained', value: cpuAtDrained - cpuAtUp, unit: 's' });
  return figures;
}
