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
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { expectationArgs } from '../consumers/attribute-expectation';
import { ingestCounterVerdict, type IngestCounterStats } from '../consumers/ingest-counter-stats';
import { rxbgpConfig } from '../daemons/rxbgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { TrackedChild } from '../daemons/tracked-child';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { SessionWatch } from '../measure/session-watch';
import { EARLY_SHARE, measureTransfer, type ReceiverProbe } from '../measure/transfer';
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
    const file = path.join(dir, 'rxbgp-receiver.json');
    const chain = benchChainConfig(routes);
    const config = rxbgpConfig({
      routerId: receiver.routerId,
      localAs: receiver.asn,
      localAddress: receiver.address,
      peerAddress: sender.address,
      peerAs: sender.asn,
      peerPort: sender.port,
      events: 'none',
      policies: chain.policies,
      import: chain.import,
    });
    fs.writeFileSync(file, JSON.stringify(config, null, 2));

    const session = new SessionWatch();
    const reached = new Map<number, number>();
    let stats: IngestCounterStats | undefined;
    const onLine = (line: string) => {
      if (line === 'up') session.markUp();
      else if (line.startsWith('down ')) session.markDown(line.slice(5));
      else if (line.startsWith('reached ')) reached.set(Number(line.slice(8)), performance.now());
      else if (line.startsWith('stats ')) stats = JSON.parse(line.slice(6)) as IngestCounterStats;
    };
    const rxbgp = new TrackedChild({
      name: 'rxbgp-receiver',
      command: process.execPath,
      args: [...ctx.rxbgpNodeOptions, CONSUMER, file, FIRST_PREFIX, String(routes.count), ...expectationArgs(REWRITE)],
      onStdoutLine: onLine,
    });
    ctx.onCleanup(() => rxbgp.stop().then(() => undefined));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes, rxbgp started with import policies ${chain.import.join(', ')}`);

    const early = Math.ceil(ctx.n * EARLY_SHARE);
    const probe: ReceiverProbe = {
      process: processOf(rxbgp),
      session,
      // The consumer reports milestones only: before `reached N` we know it holds fewer.
      count: () => (reached.has(ctx.n) ? ctx.n : reached.has(early) ? early : 0),
      reachedAt: (k) => reached.get(k),
      poll: { minMs: 20, maxMs: 20 },
    };
    const measurement = await measureTransfer(processOf(bird.child), probe, ctx.n, ctx.deadline, ctx.log);
    await rxbgp.stop();
    const { checks, problems } = ingestCounterVerdict(stats, ctx.n, true);
    checks.unshift(`import policies, in order: ${chain.import.join(', ')}`);
    return { setupSeconds, measurement, checks, problems };
  },
};
