/**
 * ingest: BIRD → rxbgp. BIRD holds the run as static routes and waits; rxbgp connects and prints
 * every received UPDATE as an ExaBGP JSON event on stdout, which is read the way a consumer reads
 * it (one JSON.parse per line, nlri entries counted into a bitmap, never buffered whole). Timed
 * from rxbgp's `"state": "up"` event until the events have carried all N distinct prefixes.
 */
import { performance } from 'perf_hooks';
import { startRxbgp } from '../daemons/rxbgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { ExabgpEventReader } from '../measure/exabgp-event-reader';
import { PrefixTally } from '../measure/prefix-tally';
import { SessionWatch } from '../measure/session-watch';
import { EARLY_SHARE, measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { checkTally, processOf, rxbgpReceiver } from './receivers';
import { startBirdSender } from './senders';

export const ingestCase: BenchCase = {
  name: 'ingest',
  sender: 'BIRD',
  receiver: 'rxbgp',
  summary: 'BIRD sends N static routes to rxbgp, counted from its JSON events on stdout',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const { sender, receiver } = ctx.slot;
    const bird = await startBirdSender(ctx, routes, false);
    const dir = makeTempDir('rxbgp-receiver');
    ctx.onCleanup(() => removeTempDir(dir));
    const session = new SessionWatch();
    const tally = new PrefixTally(routes, [Math.ceil(ctx.n * EARLY_SHARE), ctx.n]);
    const reader = new ExabgpEventReader(tally, session);
    const rxbgp = startRxbgp(
      'rxbgp-receiver',
      dir,
      {
        routerId: receiver.routerId,
        localAs: receiver.asn,
        localAddress: receiver.address,
        peerAddress: sender.address,
        peerAs: sender.asn,
        peerPort: sender.port,
        events: 'stdout',
      },
      ctx.rxbgpNodeOptions,
      (line) => reader.line(line),
    );
    ctx.onCleanup(() => rxbgp.stop().then(() => undefined));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes, rxbgp started`);
    // The consumer's own cost (JSON.parse per line, in this process) competes for the same 2 cores.
    let consumerAtUp: NodeJS.CpuUsage | undefined;
    session.onUp(() => (consumerAtUp = process.cpuUsage()));
    const measurement = await measureTransfer(processOf(bird.child), rxbgpReceiver(rxbgp, session, tally), ctx.n, ctx.deadline, ctx.log);
    const consumer = consumerAtUp && process.cpuUsage(consumerAtUp);
    const { checks, problems } = checkTally(tally);
    if (reader.strayLines) problems.push(`${reader.strayLines} stdout lines were not JSON`);
    if (reader.otherFamilies) problems.push(`${reader.otherFamilies} updates carried another family than ipv4 unicast`);
    checks.push(`events read: ${[...reader.eventCounts].map(([type, count]) => `${count} ${type}`).join(', ')}`);
    if (consumer) checks.push(`JSON consumer (the bench process) CPU over the window: ${((consumer.user + consumer.system) / 1e6).toFixed(2)} s`);
    return { setupSeconds, measurement, checks, problems };
  },
};
