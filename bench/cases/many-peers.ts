/**
 * many-peers-rxbgp / -bird / -gobgp (bgperf style): one BIRD process speaks for 100 peers, each
 * announcing its own N/100 /24s over its own session into one receiver. All 100 BGP protocols are
 * configured `disabled` until every static is loaded and the receiver (passive on all 100
 * neighbors) listens; then one `enable "mp_peer_*"` starts them together, so the burst starts at
 * once on every session.
 *
 * Timed, as bgperf does, from the first session the receiver reports Established until it holds
 * all N (t99 too); the spread until the last session came up is a figure of its own. Hold time is
 * 9 s on both sides (keepalive 3 s): a side that stalls its keepalives for 9 s during the burst
 * loses the session. Every session's state is watched on the receiver and on the sender, during
 * the burst and for one hold time after it; the case reports the sessions established and the
 * sessions whose hold timer expired (must be 0), and checks each session delivered its share.
 */
import { performance } from 'perf_hooks';
import { ManyPeersBird } from '../daemons/bird-many-peers';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { peerIndexOfProtocol, SENDER_BGP_PREFIX } from '../gen/bird-many-peers-config';
import {
  MANY_PEERS_DEFAULT_N,
  MANY_PEERS_HOLD_TIME,
  MANY_PEERS_RECEIVERS,
  manyPeersLayout,
  type ManyPeersEndpoint,
  type ManyPeersLayout,
  type ManyPeersReceiverKind,
} from '../gen/many-peers-layout';
import { pollUntil, sleep } from '../measure/deadline';
import { manyPeersOutcome, sessionShortfalls } from '../measure/many-peers-checks';
import { measureTransfer } from '../measure/transfer';
import { FIRST_PREFIX, NEXT_HOP, type BenchCase, type CaseCompletion, type CaseContext } from './case-types';
import { startBirdReceiver, startGobgpReceiver, startRxbgpReceiver, type ManyPeersReceiver } from './many-peers-receivers';
import { processOf } from './receivers';

/** Time kept for the final checks (BIRD walks its table, gobgp lists 100 neighbors) after the quiet window. */
const CHECK_MARGIN_MS = 15000;

const RECEIVERS: Record<ManyPeersReceiverKind, (ctx: CaseContext, layout: ManyPeersLayout, endpoint: ManyPeersEndpoint) => Promise<ManyPeersReceiver>> = {
  rxbgp: startRxbgpReceiver,
  bird: startBirdReceiver,
  gobgp: startGobgpReceiver,
};

/** The sender with every peer's statics loaded and its 100 BGP protocols still disabled. */
async function startSender(ctx: CaseContext, layout: ManyPeersLayout, endpoint: ManyPeersEndpoint): Promise<ManyPeersBird> {
  const dir = makeTempDir('many-peers-sender');
  ctx.onCleanup(() => removeTempDir(dir));
  const bird = await ManyPeersBird.start('bird-many-peers-sender', dir, layout, { kind: 'sender', receiver: endpoint, nextHop: NEXT_HOP }, ctx.deadline);
  ctx.onCleanup(() => bird.stop());
  const n = layout.run.count;
  const loaded = async () => ((await bird.staticImported()) >= n ? true : undefined);
  await pollUntil(`BIRD sender to load ${n} static routes`, ctx.deadline, loaded, { intervalMs: 200, abort: () => bird.child.exitText() });
  bird.wakeWhileSending();
  return bird;
}

/** Each sender protocol's `exported` counter against its share. */
async function senderExportedPerPeer(sender: ManyPeersBird, layout: ManyPeersLayout): Promise<number[]> {
  const exported = new Array<number>(layout.peers.length).fill(0);
  for (const [name, routes] of await sender.protocolRoutes(SENDER_BGP_PREFIX)) {
    const peer = peerIndexOfProtocol(SENDER_BGP_PREFIX, name);
    if (peer >= 0 && peer < exported.length) exported[peer] = routes.exported;
  }
  return exported;
}

async function runManyPeers(ctx: CaseContext, kind: ManyPeersReceiverKind): Promise<CaseCompletion> {
  const setupStart = performance.now();
  const layout = manyPeersLayout(ctx.n, FIRST_PREFIX);
  const endpoint = MANY_PEERS_RECEIVERS[kind];
  const sender = await startSender(ctx, layout, endpoint);
  const receiver = await RECEIVERS[kind](ctx, layout, endpoint);
  // The consumer of rxbgp's JSON (this process) competes for the same 2 cores: its CPU is reported.
  let consumerAtUp: NodeJS.CpuUsage | undefined;
  if (kind === 'rxbgp') receiver.sessions.first.onUp(() => (consumerAtUp = process.cpuUsage()));
  await sender.enableBgp();
  const setupSeconds = (performance.now() - setupStart) / 1000;
  ctx.log(`BIRD sender loaded ${layout.run.count} routes for ${layout.peers.length} peers and starts every session`);

  const measurement = await measureTransfer(processOf(sender.child), receiver.probe, ctx.n, ctx.deadline, ctx.log);
  const consumer = consumerAtUp && process.cpuUsage(consumerAtUp);
  let quietMs = 0;
  if (measurement.outcome === 'done') {
    // A side whose keepalives stalled near the end of the burst loses its session up to 9 s later.
    quietMs = Math.max(0, Math.min(MANY_PEERS_HOLD_TIME * 1000, ctx.deadline.remainingMs() - CHECK_MARGIN_MS));
    ctx.log(`all ${ctx.n} held; watching the sessions for ${(quietMs / 1000).toFixed(0)} s more`);
    await sleep(quietMs);
  }

  const held = measurement.outcome === 'done' ? await receiver.heldPerPeer() : undefined;
  const outcome = manyPeersOutcome(layout, receiver.sessions, sender.sessions, held, Math.round(quietMs / 1000));
  const checks = [...outcome.checks];
  const problems = [...outcome.problems];
  if (measurement.outcome === 'done') {
    const table = await receiver.checkTable();
    checks.push(...table.checks);
    problems.push(...table.problems);
    const unsent = sessionShortfalls(layout, await senderExportedPerPeer(sender, layout));
    if (unsent.length) problems.push(`the sender exported another count than the share on ${unsent.length} sessions: ${unsent.slice(0, 5).join('; ')}`);
    else checks.push(`the sender exported each session's share, no more`);
  }
  if (consumer) checks.push(`JSON consumer (the bench process) CPU over the window: ${((consumer.user + consumer.system) / 1e6).toFixed(2)} s`);
  return { setupSeconds, measurement, figures: outcome.figures, checks, problems };
}

function manyPeersCase(kind: ManyPeersReceiverKind, receiver: string, needs: readonly string[]): BenchCase {
  return {
    name: `many-peers-${kind}`,
    groups: ['many-peers'],
    sender: 'BIRD ×100 sessions',
    receiver,
    summary: `one BIRD with 100 sessions sends N/100 routes each into ${receiver} (hold time ${MANY_PEERS_HOLD_TIME} s; no session may drop)`,
    needs,
    defaultN: MANY_PEERS_DEFAULT_N,
    run: (ctx) => runManyPeers(ctx, kind),
  };
}

export const manyPeersRxbgpCase = manyPeersCase('rxbgp', 'rxbgp', ['bird', 'rxbgp']);
export const manyPeersBirdCase = manyPeersCase('bird', 'BIRD', ['bird']);
export const manyPeersGobgpCase = manyPeersCase('gobgp', 'GoBGP', ['bird', 'gobgp']);
