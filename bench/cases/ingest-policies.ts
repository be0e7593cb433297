/**
 * ingest-policies: the `ingest` case (BIRD → rxbgp as a library, an in-process consumer counting
 * every prefix) with a chain of three import policies on the neighbor (bench/policies/
 * bench-chain.ts: a length filter, a deny list every route is compared with, a MED and community
 * rewrite). Issue 5: the chain must cost well under decoding; this row sits in the ingest table
 * beside `ingest`, so the difference is the policies' cost in the daemon, where they run as they
 * would for a user (the received routes kept beside the Adj-RIB-In, as for any neighbor with
 * import policies). The chain passes every prefix, so the count still proves all N arrived, and
 * the consumer checks every counted prefix carries the rewrite: the policies cannot be off.
 */
import path from 'path';
import { performance } from 'perf_hooks';
import { expectationArgs } from '../consumers/attribute-expectation';
import { ingestCounterVerdict, type IngestCounterStats } from '../consumers/ingest-counter-stats';
import { rxbgpSession } from '../daemons/rxbgp';
import { ConsumerReceiver } from '../daemons/rxbgp-consumer';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { measureTransfer } from '../measure/transfer';
import { benchChainConfig, REWRITE } from '../policies/bench-chain';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { processOf } from './receivers';
import { startBirdSender } from './senders';

/** The ingest case's consumer, compiled beside this file (dist/bench/consumers/). */
const CONSUMER = path.join(__dirname, '..', 'consumers', 'ingest-counter.js');

export const ingestPoliciesCase: BenchCase = {
  name: 'ingest-policies',
  groups: ['ingest'],
  sender: 'BIRD',
  receiver: 'rxbgp + 3 import policies',
  summary: 'the ingest case with three import policies on the neighbor (length filter, deny list, MED + community rewrite)',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const { sender, receiver } = ctx.slot;
    const bird = await startBirdSender(ctx, routes, false);
    const dir = makeTempDir('rxbgp-receiver');
    ctx.onCleanup(() => removeTempDir(dir));
    const chain = benchChainConfig(routes);
    const rxbgp = new ConsumerReceiver<IngestCounterStats>({
      consumer: CONSUMER,
      dir,
      config: { ...rxbgpSession(receiver, sender), events: 'none', policies: chain.policies, import: chain.import },
      firstPrefix: FIRST_PREFIX,
      count: routes.count,
      args: expectationArgs(REWRITE),
      nodeOptions: ctx.rxbgpNodeOptions,
    });
    ctx.onCleanup(() => rxbgp.child.stop().then(() => undefined));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes, rxbgp started with import policies ${chain.import.join(', ')}`);

    const measurement = await measureTransfer(processOf(bird.child), rxbgp.probe(ctx.n), ctx.n, ctx.deadline, ctx.log);
    await rxbgp.child.stop();
    const { checks, problems } = ingestCounterVerdict(rxbgp.stats, ctx.n, true);
    checks.unshift(`import policies, in order: ${chain.import.join(', ')}`);
    return { setupSeconds, measurement, checks, problems };
  },
};
