/**
 * The three receivers of the many-peers cases behind one shape: how the transfer is watched
 * (ReceiverProbe), each session's state (PeerSessions), and what is read once it is over:
 * prefixes held per session and a whole-table check.
 */
import { ManyPeersBird } from '../daemons/bird-many-peers';
import { ManyPeersGobgp } from '../daemons/gobgp-many-peers';
import { startManyPeersRxbgp } from '../daemons/rxbgp-many-peers';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { peerIndexOfProtocol, RECEIVER_BGP_PREFIX } from '../gen/bird-many-peers-config';
import type { ManyPeersEndpoint, ManyPeersLayout } from '../gen/many-peers-layout';
import type { PeerSessions } from '../measure/peer-sessions';
import { EARLY_SHARE, type ReceiverProbe } from '../measure/transfer';
import type { CaseContext } from './case-types';
import { processOf, type CheckOutcome } from './receivers';

export interface ManyPeersReceiver {
  readonly probe: ReceiverProbe;
  readonly sessions: PeerSessions;
  /** Distinct prefixes held per session, by peer index. */
  heldPerPeer(): Promise<ArrayLike<number>>;
  /** The whole table: N prefixes, the sampled ones present, nothing else. */
  checkTable(): Promise<CheckOutcome>;
}

/** 100 protocol blocks come back per query (~200 KB of text, counters BIRD keeps: no table walk). */
const BIRD_POLL = { minMs: 100, maxMs: 100 };
/**
 * Each query is a Go process start plus gobgpd counting its RIB, while gobgpd already saturates a
 * core with 100 sessions (it lost sessions to hold timer expiry here even with no query at all):
 * polled at most once a second, which is under 2 % of its many-peers times.
 */
const GOBGP_POLL = { minMs: 1000, maxMs: 5000 };
/**
 * gobgpd busy with 100 sessions can take many seconds to answer a CLI query: a slow or failed
 * answer is not a failed transfer, so the last count stands until one of the next few succeeds.
 */
const GOBGP_QUERY_MS = 30000;
const GOBGP_QUERY_FAILURES = 5;

function patientCount(count: () => Promise<number>): () => Promise<number> {
  let last = 0;
  let failures = 0;
  return async () => {
    try {
      last = await count();
      failures = 0;
    } catch (err) {
      if (++failures >= GOBGP_QUERY_FAILURES) throw err;
    }
    return last;
  };
}

/** rxbgp's tally is in our own memory and records its milestones exactly. */
const STREAM_POLL = { minMs: 20, maxMs: 20 };

/** First, middle and last prefix of the run. */
function samples(layout: ManyPeersLayout): string[] {
  const run = layout.run;
  return [...new Set([0, Math.floor(run.count / 2), run.count - 1])].map((i) => run.text(i));
}

/** The receiver's own route count equals N, and the sampled prefixes are in its table. */
async function checkCountAndSamples(
  who: string,
  counted: { readonly what: string; readonly count: number },
  samplePresent: (prefix: string) => Promise<boolean>,
  layout: ManyPeersLayout,
): Promise<CheckOutcome> {
  const out: CheckOutcome = { checks: [], problems: [] };
  const expected = layout.run.count;
  (counted.count === expected ? out.checks : out.problems).push(`${counted.what}: ${counted.count} routes (expected ${expected})`);
  const missing: string[] = [];
  for (const prefix of samples(layout)) if (!(await samplePresent(prefix))) missing.push(prefix);
  if (missing.length) out.problems.push(`${who} lacks ${missing.join(', ')}`);
  else out.checks.push(`${who} holds ${samples(layout).join(', ')}`);
  return out;
}

export async function startRxbgpReceiver(ctx: CaseContext, layout: ManyPeersLayout, endpoint: ManyPeersEndpoint): Promise<ManyPeersReceiver> {
  const dir = makeTempDir('many-peers-rxbgp');
  ctx.onCleanup(() => removeTempDir(dir));
  const n = layout.run.count;
  const rx = await startManyPeersRxbgp('rxbgp-many-peers', dir, layout, endpoint, {
    nodeOptions: ctx.rxbgpNodeOptions,
    milestones: [Math.ceil(n * EARLY_SHARE), n],
    deadline: ctx.deadline,
  });
  ctx.onCleanup(() => rx.child.stop().then(() => undefined));
  return {
    sessions: rx.sessions,
    probe: {
      process: processOf(rx.child),
      session: rx.sessions.first,
      count: () => rx.tally.distinct,
      reachedAt: (k) => rx.tally.reached(k),
      poll: STREAM_POLL,
    },
    heldPerPeer: async () => rx.tally.perPeer,
    checkTable: async () => {
      const t = rx.tally;
      const out: CheckOutcome = { checks: [], problems: [] };
      const summary =
        `rxbgp JSON events: ${t.distinct} distinct of ${n} expected prefixes, ${t.announcedEntries} nlri entries, ${t.duplicates} repeated, ` +
        `${t.unexpected} unexpected, ${t.misattributed} from another session than their own, ${t.withdrawn} withdrawn`;
      (t.matchesRun() ? out.checks : out.problems).push(summary);
      const r = rx.reader;
      if (r.strayLines) out.problems.push(`${r.strayLines} stdout lines were not JSON`);
      if (r.otherFamilies) out.problems.push(`${r.otherFamilies} updates carried another family than ipv4 unicast`);
      if (r.unknownPeers) out.problems.push(`${r.unknownPeers} events named a peer that is not one of the ${layout.peers.length}`);
      out.checks.push(`events read: ${[...r.eventCounts].map(([type, count]) => `${count} ${type}`).join(', ')}`);
      return out;
    },
  };
}

export async function startBirdReceiver(ctx: CaseContext, layout: ManyPeersLayout, endpoint: ManyPeersEndpoint): Promise<ManyPeersReceiver> {
  const dir = makeTempDir('many-peers-bird');
  ctx.onCleanup(() => removeTempDir(dir));
  const bird = await ManyPeersBird.start('bird-many-peers', dir, layout, { kind: 'receiver', receiver: endpoint }, ctx.deadline);
  ctx.onCleanup(() => bird.stop());
  return {
    sessions: bird.sessions,
    probe: { process: processOf(bird.child), session: bird.sessions.first, count: () => bird.bgpImported(), poll: BIRD_POLL },
    heldPerPeer: async () => {
      const held = new Array<number>(layout.peers.length).fill(0);
      for (const [name, routes] of await bird.protocolRoutes(RECEIVER_BGP_PREFIX)) {
        const peer = peerIndexOfProtocol(RECEIVER_BGP_PREFIX, name);
        if (peer >= 0 && peer < held.length) held[peer] = routes.imported;
      }
      return held;
    },
    checkTable: async () =>
      checkCountAndSamples('BIRD', { what: 'BIRD show route count', count: await bird.routeCount() }, (p) => bird.hasRoute(p), layout),
  };
}

export async function startGobgpReceiver(ctx: CaseContext, layout: ManyPeersLayout, endpoint: ManyPeersEndpoint): Promise<ManyPeersReceiver> {
  const dir = makeTempDir('many-peers-gobgp');
  ctx.onCleanup(() => removeTempDir(dir));
  const gobgp = await ManyPeersGobgp.start('gobgp-many-peers', dir, layout, endpoint, ctx.deadline);
  ctx.onCleanup(() => gobgp.stop());
  return {
    sessions: gobgp.sessions,
    probe: {
      process: processOf(gobgp.child),
      session: gobgp.sessions.first,
      count: patientCount(() => gobgp.ribDestinations(Math.max(1000, Math.min(GOBGP_QUERY_MS, ctx.deadline.remainingMs())))),
      poll: GOBGP_POLL,
    },
    heldPerPeer: async () => {
      const received = await gobgp.receivedPerNeighbor();
      return layout.peers.map((p) => received.get(p.address) ?? 0);
    },
    checkTable: async () =>
      checkCountAndSamples('gobgpd', { what: 'gobgp global rib summary', count: await gobgp.ribDestinations() }, (p) => gobgp.hasRoute(p), layout),
  };
}
