/** bird-bird: BIRD → BIRD, the reference for both rxbgp cases. Timed on the receiving BIRD. */
import { performance } from 'perf_hooks';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { birdReceiver, checkBirdHolds, processOf } from './receivers';
import { startBirdReceiver, startBirdSender } from './senders';

export const birdBirdCase: BenchCase = {
  name: 'bird-bird',
  groups: ['emit', 'ingest'],
  sender: 'BIRD',
  receiver: 'BIRD',
  summary: 'BIRD sends N static routes to BIRD (reference)',
  needs: ['bird'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const sender = await startBirdSender(ctx, routes, false);
    const receiver = await startBirdReceiver(ctx, true);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`BIRD sender loaded ${routes.count} routes, BIRD receiver connecting`);
    const measurement = await measureTransfer(processOf(sender.child), birdReceiver(receiver), ctx.n, ctx.deadline, ctx.log);
    const { checks, problems } = measurement.outcome === 'done' ? await checkBirdHolds(receiver, routes) : { checks: [], problems: [] };
    return { setupSeconds, measurement, checks, problems };
  },
};
