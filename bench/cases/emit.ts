/**
 * emit: rxbgp → BIRD. rxbgp announces the run from a routeSet (generated while sending); BIRD
 * waits for the connection and imports everything. Timed from BIRD's "State changed to up" until
 * BIRD's import counter shows N.
 */
import { performance } from 'perf_hooks';
import { rxbgpSession, startRxbgp } from '../daemons/rxbgp';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, NEXT_HOP, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { birdReceiver, checkBirdHolds, processOf } from './receivers';
import { startBirdReceiver } from './senders';

export const emitCase: BenchCase = {
  name: 'emit',
  groups: ['emit'],
  sender: 'rxbgp',
  receiver: 'BIRD',
  summary: 'rxbgp announces N /24s from a routeSet to BIRD',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const routes = new Ipv4PrefixRun(FIRST_PREFIX, ctx.n);
    const { sender, receiver } = ctx.slot;
    const bird = await startBirdReceiver(ctx, false);
    const dir = makeTempDir('rxbgp-sender');
    ctx.onCleanup(() => removeTempDir(dir));
    const rxbgp = startRxbgp(
      'rxbgp-sender',
      dir,
      {
        ...rxbgpSession(sender, receiver),
        announce: { routes, nextHop: NEXT_HOP },
        events: 'none',
      },
      ctx.rxbgpNodeOptions,
    );
    ctx.onCleanup(() => rxbgp.stop().then(() => undefined));
    const setupSeconds = (performance.now() - setupStart) / 1000;
    ctx.log('BIRD receiver listening, rxbgp started');
    const measurement = await measureTransfer(processOf(rxbgp), birdReceiver(bird), ctx.n, ctx.deadline, ctx.log);
    const { checks, problems } = measurement.outcome === 'done' ? await checkBirdHolds(bird, routes) : { checks: [], problems: [] };
    return { setupSeconds, measurement, checks, problems };
  },
};
