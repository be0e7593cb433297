/**
 * bird-gobgp: BIRD → GoBGP. BIRD loads the run with its BGP protocol disabled, gobgpd waits, then
 * `birdc enable` lets BIRD connect (gobgpd itself waits 4–9 s before connecting out, PEERS.md).
 * Timed from gobgpd's "Peer Up" log line until its Adj-RIB-In counter shows N.
 */
import { performance } from 'perf_hooks';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { checkGobgpHolds, gobgpReceiver, processOf } from './receivers';
import { startBirdSender, startGobgpReceiver } from './senders';

export const birdGobgpCase: BenchCase = {
  name: 'bird-gobgp',
  groups: ['ingest'],
  sender: 'BIRD',
  receiver: 'GoBGP',
  summary: 'BIRD sends N static routes to GoBGP',
  needs: ['bird', 'gobgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const sender = await startBirdSender(ctx, routes, true);
    const receiver = await startGobgpReceiver(ctx);
    await sender.enableBgp();
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes and connects to gobgpd`);
    const measurement = await measureTransfer(processOf(sender.child), gobgpReceiver(receiver), ctx.n, ctx.deadline, ctx.log);
    const { checks, problems } = measurement.outcome === 'done' ? await checkGobgpHolds(receiver, routes) : { checks: [], problems: [] };
    return { setupSeconds, measurement, checks, problems };
  },
};
