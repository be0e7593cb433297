/**
 * ingest: BIRD → rxbgp. BIRD holds the run as static routes and waits; rxbgp (as a library, in
 * bench/consumers/ingest-counter.ts) connects, decodes every UPDATE, keeps every prefix in its
 * Adj-RIB-In and delivers each UPDATE as an event to a consumer in the same process that counts the
 * prefixes against the run. Timed from the consumer's `up` line until its `reached N` line, both
 * stamped when this process reads them (as BIRD's and gobgpd's log lines are).
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { rxbgpConfig } from '../daemons/rxbgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { TrackedChild } from '../daemons/tracked-child';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { SessionWatch } from '../measure/session-watch';
import { EARLY_SHARE, measureTransfer, type ReceiverProbe } from '../measure/transfer';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { processOf } from './receivers';
import { startBirdSender } from './senders';

/** The consumer, compiled beside this file (dist/bench/consumers/). */
const CONSUMER = path.join(__dirname, '..', 'consumers', 'ingest-counter.js');

/** What the consumer prints when it is stopped. */
interface ConsumerStats {
  readonly distinct: number;
  readonly entries: number;
  readonly duplicates: number;
  readonly unexpected: number;
  readonly withdrawn: number;
  readonly updates: number;
  readonly otherFamilies: number;
  readonly ribIn: number;
}

export const ingestCase: BenchCase = {
  name: 'ingest',
  groups: ['ingest'],
  sender: 'BIRD',
  receiver: 'rxbgp',
  summary: 'BIRD sends N static routes to rxbgp, whose Adj-RIB-In and an in-process event consumer count them',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const { sender, receiver } = ctx.slot;
    const bird = await startBirdSender(ctx, routes, false);
    const dir = makeTempDir('rxbgp-receiver');
    ctx.onCleanup(() => removeTempDir(dir));
    const file = path.join(dir, 'rxbgp-receiver.json');
    const config = rxbgpConfig({
      routerId: receiver.routerId,
      localAs: receiver.asn,
      localAddress: receiver.address,
      peerAddress: sender.address,
      peerAs: sender.asn,
      peerPort: sender.port,
      events: 'none',
    });
    fs.writeFileSync(file, JSON.stringify(config, null, 2));

    const session = new SessionWatch();
    const reached = new Map<number, number>();
    let stats: ConsumerStats | undefined;
    const onLine = (line: string) => {
      if (line === 'up') session.markUp();
      else if (line.startsWith('down ')) session.markDown(line.slice(5));
      else if (line.startsWith('reached ')) reached.set(Number(line.slice(8)), performance.now());
      else if (line.startsWith('stats ')) stats = JSON.parse(line.slice(6)) as ConsumerStats;
    };
    const rxbgp = new TrackedChild({
      name: 'rxbgp-receiver',
      command: process.execPath,
      args: [...ctx.rxbgpNodeOptions, CONSUMER, file, FIRST_PREFIX, String(routes.count)],
      onStdoutLine: onLine,
    });
    ctx.onCleanup(() => rxbgp.stop().then(() => undefined));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes, rxbgp started`);

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
    const checks: string[] = [];
    const problems: string[] = [];
    if (!stats) problems.push('the consumer printed no final counts');
    else {
      const summary =
        `consumer: ${stats.distinct} distinct of ${ctx.n} expected prefixes in ${stats.updates} update events, ` +
        `${stats.duplicates} repeated, ${stats.unexpected} unexpected, ${stats.withdrawn} withdrawn, ${stats.otherFamilies} lists of other families`;
      const exact = stats.distinct === ctx.n && stats.entries === ctx.n && stats.unexpected === 0 && stats.withdrawn === 0;
      (exact ? checks : problems).push(summary);
      (stats.ribIn === ctx.n ? checks : problems).push(`Adj-RIB-In held ${stats.ribIn} routes (expected ${ctx.n})`);
      if (exact) checks.push('the set of announced prefixes equals the run sent');
    }
    return { setupSeconds, measurement, checks, problems };
  },
};
