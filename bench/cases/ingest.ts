/**
 * ingest: BIRD → rxbgp. BIRD holds the run as static routes and waits; rxbgp (as a library, in
 * bench/consumers/ingest-counter.ts) connects, decodes every UPDATE, keeps every prefix in its
 * Adj-RIB-In and delivers each UPDATE as an event to a consumer in the same process that counts the
 * prefixes against the run. Timed from the consumer's `up` line until its `reached N` line, both
 * stamped when this process reads them (as BIRD's and gobgpd's log lines are).
 */
import path from 'path';
import { performance } from 'perf_hooks';
import { ingestCounterVerdict, type IngestCounterStats } from '../consumers/ingest-counter-stats';
import { rxbgpSession, type RxbgpNeighborConfig } from '../daemons/rxbgp';
import { ConsumerReceiver } from '../daemons/rxbgp-consumer';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { processOf } from './receivers';
import { startBirdSender } from './senders';

/** The consumer, compiled beside this file (dist/bench/consumers/). */
const CONSUMER = path.join(__dirname, '..', 'consumers', 'ingest-counter.js');

export const ingestCase: BenchCase = {
  name: 'ingest',
  groups: ['ingest'],
  sender: 'BIRD',
  receiver: 'rxbgp',
  summary: 'BIRD sends N static routes to rxbgp, whose Adj-RIB-In and an in-process event consumer count them',
  needs: ['bird', 'rxbgp'],
  run: (ctx) => runIngest(ctx, () => ({ started: 'rxbgp started', expectRewrite: false })),
};

/** What a variant of the ingest case (ingest-policies) adds to the receiver. */
export interface IngestVariant {
  /** More of the neighbor's config (policies, import). */
  readonly config?: Partial<RxbgpNeighborConfig>;
  /** More consumer arguments (an attribute expectation). */
  readonly args?: readonly string[];
  /** The log line's end, after "BIRD sender loaded N routes, ". */
  readonly started: string;
  /** The consumer checks every prefix met the attribute expectation. */
  readonly expectRewrite: boolean;
}

/** The ingest run: BIRD holds the run and waits, rxbgp (as a library) connects, its consumer counts. */
export async function runIngest(ctx: CaseContext, variantOf: (routes: Ipv4PrefixRun) => IngestVariant): Promise<CaseCompletion> {
  const setupStart = performance.now();
  const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
  const variant = variantOf(routes);
  const { sender, receiver } = ctx.slot;
  const bird = await startBirdSender(ctx, routes, false);
  const dir = makeTempDir('rxbgp-receiver');
  ctx.onCleanup(() => removeTempDir(dir));
  const rxbgp = new ConsumerReceiver<IngestCounterStats>({
    consumer: CONSUMER,
    dir,
    config: { ...rxbgpSession(receiver, sender), events: 'none', ...variant.config },
    firstPrefix: FIRST_PREFIX,
    count: routes.count,
    args: variant.args,
    nodeOptions: ctx.rxbgpNodeOptions,
  });
  ctx.onCleanup(() => rxbgp.child.stop().then(() => undefined));
  const setupSeconds = (performance.now() - setupStart) / 1000;
  ctx.log(`BIRD sender loaded ${routes.count} routes, ${variant.started}`);

  const measurement = await measureTransfer(processOf(bird.child), rxbgp.probe(ctx.n), ctx.n, ctx.deadline, ctx.log);
  await rxbgp.child.stop();
  const { checks, problems } = ingestCounterVerdict(rxbgp.stats, ctx.n, variant.expectRewrite);
  return { setupSeconds, measurement, checks, problems };
}
