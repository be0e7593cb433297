/**
 * How each kind of receiver is watched during a transfer and checked after it: BIRD through its
 * control socket, gobgpd through its CLI, rxbgp through the JSON events on its stdout.
 */
import type { BirdDaemon } from '../daemons/bird';
import type { GobgpDaemon } from '../daemons/gobgp';
import type { TrackedChild } from '../daemons/tracked-child';
import type { Ipv4PrefixRun } from '../gen/prefix-run';
import type { PrefixTally } from '../measure/prefix-tally';
import type { SessionWatch } from '../measure/session-watch';
import type { MeasuredProcess, ReceiverProbe } from '../measure/transfer';

/** A BIRD control-socket query reads a counter: a few hundred microseconds of BIRD's time. */
const BIRD_POLL = { minMs: 50, maxMs: 50 };
/**
 * `gobgp neighbor ADDR -j` is a Go process start plus gobgpd counting its Adj-RIB-In: polled every
 * 250 ms throughout, it made a 1 M-route transfer take twice as long here (82 s instead of 39 s).
 */
const GOBGP_POLL = { minMs: 250, maxMs: 3000 };
/** rxbgp's tally is in our own memory. */
const STREAM_POLL = { minMs: 20, maxMs: 20 };

export function processOf(child: TrackedChild): MeasuredProcess {
  return { name: child.name, pid: child.pid, exitText: () => child.exitText() };
}

export function birdReceiver(bird: BirdDaemon): ReceiverProbe {
  return { process: processOf(bird.child), session: bird.session, count: () => bird.bgpImported(), poll: BIRD_POLL };
}

export function gobgpReceiver(gobgp: GobgpDaemon): ReceiverProbe {
  return { process: processOf(gobgp.child), session: gobgp.session, count: () => gobgp.receivedFromNeighbor(), poll: GOBGP_POLL };
}

/** rxbgp is read as a stream: the tally records the exact moment each milestone was reached. */
export function rxbgpReceiver(child: TrackedChild, session: SessionWatch, tally: PrefixTally): ReceiverProbe {
  return {
    process: processOf(child),
    session,
    count: () => tally.distinct,
    reachedAt: (k) => tally.reached(k),
    poll: STREAM_POLL,
  };
}

/** Spot-checked prefixes: first, middle, last of the run. */
function samples(routes: Ipv4PrefixRun): string[] {
  const idx = [...new Set([0, Math.floor(routes.count / 2), routes.count - 1])];
  return idx.map((i) => routes.text(i));
}

export interface CheckOutcome {
  readonly checks: string[];
  readonly problems: string[];
}

/** BIRD's table walked once: exactly N routes from the BGP protocol, and the sampled prefixes present. */
export async function checkBirdHolds(bird: BirdDaemon, routes: Ipv4PrefixRun): Promise<CheckOutcome> {
  const out: CheckOutcome = { checks: [], problems: [] };
  const count = await bird.bgpRouteCount();
  (count === routes.count ? out.checks : out.problems).push(`BIRD show route count: ${count} (expected ${routes.count})`);
  for (const prefix of samples(routes)) {
    if (!(await bird.hasBgpRoute(prefix))) out.problems.push(`BIRD lacks ${prefix}`);
  }
  if (out.problems.length === 0) out.checks.push(`BIRD holds ${samples(routes).join(', ')}`);
  return out;
}

/** gobgpd's global RIB: exactly N destinations, and the sampled prefixes present. */
export async function checkGobgpHolds(gobgp: GobgpDaemon, routes: Ipv4PrefixRun): Promise<CheckOutcome> {
  const out: CheckOutcome = { checks: [], problems: [] };
  const count = await gobgp.ribDestinations();
  (count === routes.count ? out.checks : out.problems).push(`gobgp global rib summary: ${count} destinations (expected ${routes.count})`);
  for (const prefix of samples(routes)) {
    if (!(await gobgp.hasRoute(prefix))) out.problems.push(`gobgpd lacks ${prefix}`);
  }
  if (out.problems.length === 0) out.checks.push(`gobgpd holds ${samples(routes).join(', ')}`);
  return out;
}

/** rxbgp's events: every prefix of the run announced, nothing else, nothing withdrawn. */
export function checkTally(tally: PrefixTally): CheckOutcome {
  const out: CheckOutcome = { checks: [], problems: [] };
  const summary =
    `rxbgp JSON events: ${tally.distinct} distinct of ${tally.run.count} expected prefixes, ` +
    `${tally.announcedEntries} nlri entries, ${tally.duplicates} repeated, ${tally.unexpected} unexpected, ${tally.withdrawn} withdrawn`;
  (tally.matchesRun() ? out.checks : out.problems).push(summary);
  if (tally.matchesRun()) out.checks.push('the set of announced prefixes equals the run sent');
  return out;
}
