/**
 * ingest-json-file: BIRD → rxbgp with `"events": { "output": "<file>", "format": "json" }`. BIRD
 * holds the run as static routes and waits; rxbgp connects and appends every received UPDATE to
 * the file as an ExaBGP JSON event. The bench follows the file as a consumer would (FileTail: a
 * read from the last offset every ~20 ms, one JSON.parse per line, nlri counted into a bitmap).
 * Timed on this process's clock (performance.now()) from reading rxbgp's `"state": "up"` line in
 * the file until the lines read have carried all N distinct prefixes; both ends wait for the same
 * poll, so the file's write-to-read delay (≤ 20 ms) counts at most once. Compared with
 * bird-exabgp: BIRD → ExaBGP 4.2, its JSON read by a helper.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { rxbgpSession, startRxbgp } from '../daemons/rxbgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { ExabgpEventReader } from '../measure/exabgp-event-reader';
import { FileTail } from '../measure/file-tail';
import { PrefixTally } from '../measure/prefix-tally';
import { SessionWatch } from '../measure/session-watch';
import { EARLY_SHARE, measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { checkTally, processOf, rxbgpReceiver } from './receivers';
import { startBirdSender } from './senders';

export const ingestJsonFileCase: BenchCase = {
  name: 'ingest-json-file',
  groups: ['ingest-json'],
  sender: 'BIRD',
  receiver: 'rxbgp',
  summary: 'BIRD sends N static routes to rxbgp, its ExaBGP JSON events written to a file and read as it grows',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const { sender, receiver } = ctx.slot;
    const bird = await startBirdSender(ctx, routes, false);
    const dir = makeTempDir('rxbgp-json-file');
    ctx.onCleanup(() => removeTempDir(dir));
    const eventsFile = path.join(dir, 'events.json');
    const session = new SessionWatch();
    const tally = new PrefixTally(routes, [Math.ceil(ctx.n * EARLY_SHARE), ctx.n]);
    const reader = new ExabgpEventReader(tally, session);
    const tail = new FileTail(eventsFile, (line) => reader.line(line), { deadline: ctx.deadline });
    let stdoutLines = 0;
    const rxbgp = startRxbgp(
      'rxbgp-receiver',
      dir,
      {
        ...rxbgpSession(receiver, sender),
        events: { file: eventsFile },
      },
      ctx.rxbgpNodeOptions,
      // With events in a file, stdout should stay empty: anything there is reported below.
      () => stdoutLines++,
    );
    ctx.onCleanup(() => rxbgp.stop().then(() => undefined));
    // Registered after rxbgp's stop, so it runs before it (cleanups run in reverse).
    ctx.onCleanup(() => tail.stop());
    tail.start();
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes, rxbgp started, following ${eventsFile}`);
    // The consumer (the tail and JSON.parse per line, in this process) competes for the same 2 cores.
    let consumerAtUp: NodeJS.CpuUsage | undefined;
    session.onUp(() => (consumerAtUp = process.cpuUsage()));
    const measurement = await measureTransfer(processOf(bird.child), rxbgpReceiver(rxbgp, session, tally), ctx.n, ctx.deadline, ctx.log);
    const consumer = consumerAtUp && process.cpuUsage(consumerAtUp);
    tail.stop(true);
    const { checks, problems } = checkTally(tally);
    if (tail.error) problems.push(`reading ${eventsFile}: ${tail.error}`);
    if (reader.strayLines) problems.push(`${reader.strayLines} lines of the events file were not JSON`);
    if (reader.otherFamilies) problems.push(`${reader.otherFamilies} updates carried another family than ipv4 unicast`);
    if (stdoutLines) problems.push(`rxbgp wrote ${stdoutLines} lines on stdout although its events go to a file`);
    const size = fileSize(eventsFile);
    checks.push(
      `events file: ${size === undefined ? 'missing' : `${(size / 2 ** 20).toFixed(1)} MB`}, ${tail.lines} lines read ` +
        `(${(tail.bytesRead / 2 ** 20).toFixed(1)} MB): ${[...reader.eventCounts].map(([type, count]) => `${count} ${type}`).join(', ')}`,
    );
    if (consumer) checks.push(`JSON consumer (the bench process: file tail + JSON.parse) CPU over the window: ${((consumer.user + consumer.system) / 1e6).toFixed(2)} s`);
    return { setupSeconds, measurement, checks, problems };
  },
};

function fileSize(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}
