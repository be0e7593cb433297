/**
 * The capture the in-process timing cases (codec, policy-chain) start from: BIRD holds the run as
 * static routes and connects to a minimal capture peer (bench/micro/capture-peer.ts) that records
 * every octet it sends from Established to the End-of-RIB or the N-th prefix; BIRD is then
 * stopped, so nothing else runs while the case times. The capture lives in memory only.
 */
import type { NlriList } from '../../lib/wire/types';
import type { BirdDaemon } from '../daemons/bird';
import type { Ipv4PrefixRun } from '../gen/prefix-run';
import type { PrefixTally } from '../measure/prefix-tally';
import { CapturePeer, type CapturedStream } from '../micro/capture-peer';
import { listCount } from '../micro/prefix-count';
import type { CaseContext } from './case-types';
import { startBirdSender } from './senders';

/**
 * How the cases that time a capture repeat their passes, per figure: at least 5, more (up to 51)
 * until a second went into them, so a small N's millisecond passes still give a steady median; no
 * pass starts after 30 s (the first always runs).
 */
export const CAPTURE_PASSES = { minPasses: 5, minMs: 1000, maxPasses: 51, budgetMs: 30_000 } as const;

export async function captureFromBird(ctx: CaseContext, routes: Ipv4PrefixRun): Promise<CapturedStream> {
  const { sender, receiver } = ctx.slot;
  let bird: BirdDaemon | undefined;
  const peer = await CapturePeer.listen({
    address: receiver.address,
    port: receiver.port,
    peerAddress: sender.address,
    local: { asn: receiver.asn, routerId: receiver.routerId },
    expectedPrefixes: ctx.n,
    deadline: ctx.deadline,
    abort: () => bird?.child.exitText(),
    log: ctx.log,
  });
  ctx.onCleanup(() => peer.close());
  bird = await startBirdSender(ctx, routes, true);
  ctx.log(`BIRD sender loaded ${routes.count} routes; enabling its session to the capture peer`);
  await bird.enableBgp();
  const stream = await peer.captured();
  await peer.close();
  // Nothing else runs while this process times: BIRD is stopped, not left idle beside it.
  await bird.stop();
  return stream;
}

/** Counts the announced and withdrawn prefixes of decoded lists into `tally`. */
export function tallyLists(tally: PrefixTally, announced: readonly NlriList[], withdrawn: readonly NlriList[]): void {
  for (const list of announced) for (let i = 0, n = listCount(list); i < n; i++) tally.announce(list.prefixes[i]);
  for (const list of withdrawn) for (let i = 0, n = listCount(list); i < n; i++) tally.withdraw(list.prefixes[i]);
}
