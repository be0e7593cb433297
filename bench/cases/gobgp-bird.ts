/**
 * gobgp-bird: GoBGP → BIRD. gobgpd's global RIB is loaded from an MRT file before BIRD is started,
 * then BIRD connects. Timed on the receiving BIRD, like emit.
 */
import { performance } from 'perf_hooks';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { birdReceiver, checkBirdHolds, processOf } from './receivers';
import { startBirdReceiver, startGobgpSender } from './senders';

export const gobgpBirdCase: BenchCase = {
  name: 'gobgp-bird',
  groups: ['emit'],
  sender: 'GoBGP',
  receiver: 'BIRD',
  summary: 'GoBGP (RIB loaded by gobgp mrt inject) sends N routes to BIRD',
  needs: ['gobgp', 'bird'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const sender = await startGobgpSender(ctx, routes);
    const receiver = await startBirdReceiver(ctx, true);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log(`gobgpd loaded ${routes.count} routes, BIRD receiver connecting`);
    const measurement = await measureTransfer(processOf(sender.child), birdReceiver(receiver), ctx.n, ctx.deadline, ctx.log);
    const { checks, problems } = measurement.outcome === 'done' ? await checkBirdHolds(receiver, routes) : { checks: [], problems: [] };
    return { setupSeconds, measurement, checks, problems };
  },
};
