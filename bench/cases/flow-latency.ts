/**
 * flow-latency and exabgp-flow-latency (issue 12, speed 2): how long one `announce flow route`
 * line takes from the helper's write to its UPDATE reaching the peer, on an idle Established
 * session. The helper (flow-announce.py --mode latency, the SAME program under both daemons) waits
 * for the `up` event and half a second more, then per rule: sleeps GAP_MS (the session is idle
 * again), reads CLOCK_MONOTONIC, writes the line, and waits for the bench's octet on a Unix socket.
 * Latency i = arrival i − write i; p50, p99 and the maximum over N = 1,000 distinct rules (the
 * flow-api rules), each UPDATE checked to carry exactly the rule just written.
 *
 * Where "arrival" is read (bench/micro/flow-arrival-peer.ts): the peer's socket is held by a small
 * process of its own, and arrival is the kernel's receive stamp of the segment that completed the
 * UPDATE on that socket (SO_TIMESTAMPNS). On loopback the segment is queued there within the
 * sender's write(2), so this is the issue's "UPDATE leaving the socket" plus loopback delivery:
 * never less than what the peer gets. Until issue 12's latency work the peer ran inside this
 * bench process and arrival was its 'data' callback, which added the bench process's wake-up,
 * libuv's read and Node's stream to every figure (p50 ~0.1 ms; p99 up to 2 ms on the shared
 * machine, see flow-latency-floor). That end point is still reported beside the headline, as
 * "to the peer process read" (now the peer process's own recvmsg return, its wake-up included).
 *
 * flow-latency-floor runs the same helper, peer and clock with the daemon replaced by a stand-in
 * that writes a ready UPDATE per line (bench/micro/flow-floor-sender.ts): the floor of the chain on
 * this machine, split at the stand-in's own clock readings. Bounded: the helper stops after its
 * --max-seconds, the case at its deadline.
 */
import fs from 'fs';
import net from 'net';
import path from 'path';
import { performance } from 'perf_hooks';
import { makeTempDir, removeTempDir } from '../daemons/temp-dirs';
import { REPO_ROOT } from '../daemons/rxbgp';
import { TrackedChild } from '../daemons/tracked-child';
import { flowAnnounceLine, flowVictim } from '../gen/flow-rules';
import { Deadline, pollUntil } from '../measure/deadline';
import { FlowArrivalPeer } from '../micro/flow-arrival-peer';
import type { FloorOptions, FloorTimes } from '../micro/flow-floor-sender';
import { PYTHON } from './api-helper';
import { exabgpVersion } from '../daemons/exabgp';
import type { BenchCase, CaseCompletion, CaseContext, Figure } from './case-types';
import { checkFlowHelperReport, flowHelperCommand, readFlowHelperReport, startExabgpFlowSender, startRxbgpFlowSender, type FlowSenderStart } from './flow-api';
import { FLOW_LATENCY_SLOT } from './flow-slots';

const FLOW_LATENCY_DEFAULT_N = 1000;
/** The compiled stand-in daemon of flow-latency-floor (this file runs from dist/bench/cases/). */
const FLOOR_SENDER = path.join(__dirname, '..', 'micro', 'flow-floor-sender.js');
const FLOOR_TIMES = 'floor-times.json';
/** Quiet time before each line: the daemon is idle when the line arrives. */
const GAP_MS = 5;
/** Per rule, at most this long is allowed for (ExaBGP's reactor answers in tens of ms). */
const PER_RULE_BUDGET_MS = 250;
const SETUP_MS = 30_000;

/** Latency percentiles of each case, in ms, for the ExaBGP case to set beside rxbgp's. */
const recorded = new Map<string, { p50: number; p99: number }>();

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) throw new Error('percentile of no values');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** The helper connects here; each recorded UPDATE writes one octet to it. */
async function signalServer(file: string): Promise<{ signal(): void; close(): Promise<void> }> {
  let client: net.Socket | undefined;
  const server = net.createServer((socket) => {
    if (client) socket.destroy();
    else client = socket;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  const one = Buffer.from([1]);
  return {
    signal: () => void client?.write(one),
    close: () =>
      new Promise<void>((resolve) => {
        client?.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Per line, CLOCK_MONOTONIC ns: the helper's write, the UPDATE at the peer's socket, and the peer process's read of it. */
export interface LineTimes {
  readonly writtenNs: readonly bigint[];
  readonly arrivedNs: readonly bigint[];
  readonly readNs: readonly bigint[];
}

/** Figures and checks a case adds from its own sender's records (the floor's split of the chain). */
type ExtraFigures = (dir: string, lines: LineTimes) => { figures: Figure[]; checks: string[]; problems: string[] };

/** p50 / p99 / max of ns differences, as ms figures named `what …`. */
export function spreadFigures(what: string, ns: readonly number[]): Figure[] {
  if (!ns.length) return [];
  const sorted = ns.map((v) => v / 1e6).sort((a, b) => a - b);
  return [
    { name: `${what} p50`, value: percentile(sorted, 0.5), unit: 'ms' },
    { name: `${what} p99`, value: percentile(sorted, 0.99), unit: 'ms' },
    { name: `${what} max`, value: sorted[sorted.length - 1]!, unit: 'ms' },
  ];
}

async function runFlowLatency(name: string, ctx: CaseContext, start: FlowSenderStart, extra?: ExtraFigures): Promise<CaseCompletion & { p50?: number; p99?: number }> {
  const setupStart = performance.now();
  const slot = FLOW_LATENCY_SLOT;
  const deadline = new Deadline(Math.min(ctx.deadline.remainingMs(), SETUP_MS + ctx.n * (GAP_MS + PER_RULE_BUDGET_MS)));
  const dir = makeTempDir(`${name}-sender`);
  ctx.onCleanup(() => removeTempDir(dir));
  const linesFile = path.join(dir, 'flow-rules.txt');
  let text = '';
  for (let i = 0; i < ctx.n; i++) text += flowAnnounceLine(i);
  fs.writeFileSync(linesFile, text);
  const signals = await signalServer(path.join(dir, 'signal.sock'));
  ctx.onCleanup(() => signals.close());
  const peer = await FlowArrivalPeer.listen({
    address: slot.receiver.address,
    port: slot.receiver.port,
    peerAddress: slot.sender.address,
    local: { asn: slot.receiver.asn, routerId: slot.receiver.routerId },
    onRule: () => signals.signal(),
    log: ctx.log,
  });
  ctx.onCleanup(() => peer.close());
  const reportFile = path.join(dir, 'helper-report.json');
  const helper = flowHelperCommand({
    mode: 'latency',
    linesFile,
    reportFile,
    maxSeconds: deadline.remainingMs() / 1000,
    signalSocket: path.join(dir, 'signal.sock'),
    gapMs: GAP_MS,
  });
  const sender: TrackedChild = start(ctx, slot, dir, helper);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  ctx.log(`flow peer listening, ${sender.name} started with the latency helper (${ctx.n} single rules, ${GAP_MS} ms apart)`);
  await pollUntil(`${sender.name} to send ${ctx.n} single rules`, deadline, () => (fs.existsSync(reportFile) || peer.failure ? true : undefined), {
    intervalMs: 100,
    abort: () => sender.exitText() ?? (peer.failure ? `flow peer: ${peer.failure}` : undefined),
  });
  const problems: string[] = [];
  const checks: string[] = [];
  if (peer.failure) problems.push(`flow peer: ${peer.failure}`);
  const report = await readFlowHelperReport(reportFile, deadline);
  const r = checkFlowHelperReport(report, ctx.n);
  checks.push(...r.checks);
  problems.push(...r.problems);
  const written = report.written_ns ?? [];
  const arrivals = peer.arrivals;
  if (arrivals.length !== written.length) problems.push(`${arrivals.length} UPDATEs with rules arrived for ${written.length} lines written`);
  const latencies: number[] = [];
  /** To the peer process's read: the old way's end point, the peer's own wake-up included. */
  const toRead: number[] = [];
  let misplaced = 0;
  for (let i = 0; i < Math.min(arrivals.length, written.length); i++) {
    const a = arrivals[i]!;
    if (a.rules.length !== 1 || !a.rules[0]!.includes(flowVictim(i))) misplaced++;
    latencies.push(Number(a.atNs - BigInt(written[i]!)) / 1e6);
    toRead.push(Number(a.readNs - BigInt(written[i]!)));
  }
  if (misplaced) problems.push(`${misplaced} UPDATEs did not carry exactly the rule of the line just written`);
  else if (latencies.length) checks.push(`each of the ${latencies.length} UPDATEs carried exactly the rule of the line just written (its /32 victim checked)`);
  const negative = latencies.filter((l) => l <= 0).length;
  if (negative) problems.push(`${negative} UPDATEs arrived before their line was written: the clocks do not match`);
  if (!latencies.length) return { setupSeconds, problems, checks };
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const p99 = percentile(sorted, 0.99);
  const figures: Figure[] = [
    { name: 'p50', value: p50, unit: 'ms' },
    { name: 'p99', value: p99, unit: 'ms' },
    { name: 'max', value: sorted[sorted.length - 1]!, unit: 'ms' },
    { name: 'min', value: sorted[0]!, unit: 'ms' },
    { name: 'rules', value: latencies.length, unit: 'rules' },
    ...spreadFigures('to the peer process read', toRead),
  ];
  recorded.set(name, { p50, p99 });
  if (extra) {
    const more = extra(dir, { writtenNs: written.map((w) => BigInt(w)), arrivedNs: arrivals.map((a) => a.atNs), readNs: arrivals.map((a) => a.readNs) });
    figures.push(...more.figures);
    checks.push(...more.checks);
    problems.push(...more.problems);
  }
  return { setupSeconds, problems, checks, figures, p50, p99 };
}

export const flowLatencyCase: BenchCase = {
  name: 'flow-latency',
  groups: ['flow-latency'],
  sender: 'rxbgp + helper',
  receiver: 'bench BGP peer',
  summary: 'N single `announce flow route` lines on an idle session: helper write → UPDATE at the peer, p50/p99 ms',
  needs: ['rxbgp'],
  defaultN: FLOW_LATENCY_DEFAULT_N,
  run: (ctx) => runFlowLatency('flow-latency', ctx, startRxbgpFlowSender),
};

/**
 * The chain's floor: the same helper, peer and measurement with the daemon replaced by
 * bench/micro/flow-floor-sender.ts, which writes a ready UPDATE per line and nothing else.
 */
const startFloorSender: FlowSenderStart = (ctx, slot, dir, helper) => {
  const { sender, receiver } = slot;
  const options: FloorOptions = {
    local: { address: sender.address, asn: sender.asn, routerId: sender.routerId },
    peer: { address: receiver.address, port: receiver.port, asn: receiver.asn },
    n: ctx.n,
    helper,
    timesFile: path.join(dir, FLOOR_TIMES),
  };
  const floor = new TrackedChild({ name: 'floor-sender', command: process.execPath, args: [FLOOR_SENDER, JSON.stringify(options)], cwd: REPO_ROOT });
  ctx.onCleanup(() => floor.stop().then(() => undefined));
  return floor;
};

/**
 * The floor's chain cut in two at the stand-in's own clock readings: helper write → the stand-in's
 * read callback (pipe, its wake-up, Node's stream), and its socket write → the peer's 'data'
 * callback (loopback TCP, the bench process's wake-up and stream). Same clock as the helper's.
 */
const floorSplit: ExtraFigures = (dir, lines) => {
  const file = path.join(dir, FLOOR_TIMES);
  if (!fs.existsSync(file)) return { figures: [], checks: [], problems: [`the floor sender wrote no ${FLOOR_TIMES}`] };
  const times = JSON.parse(fs.readFileSync(file, 'utf8')) as FloorTimes;
  const n = Math.min(lines.writtenNs.length, lines.arrivedNs.length, times.readNs.length, times.writtenNs.length);
  const toRead: number[] = [];
  const toPeer: number[] = [];
  const peerWake: number[] = [];
  for (let i = 0; i < n; i++) {
    toRead.push(Number(BigInt(times.readNs[i]!) - lines.writtenNs[i]!));
    toPeer.push(Number(lines.arrivedNs[i]! - BigInt(times.writtenNs[i]!)));
    peerWake.push(Number(lines.readNs[i]! - lines.arrivedNs[i]!));
  }
  return {
    figures: [
      ...spreadFigures('helper write → sender read', toRead),
      ...spreadFigures('sender write → peer socket', toPeer),
      ...spreadFigures('peer socket → peer process read', peerWake),
    ],
    checks: [`the floor's ${n} lines split at the stand-in's clock readings (read callback, socket write)`],
    problems: [],
  };
};

export const flowLatencyFloorCase: BenchCase = {
  name: 'flow-latency-floor',
  groups: ['flow-latency'],
  sender: 'floor sender + helper',
  receiver: 'bench BGP peer',
  summary: 'the flow-latency chain alone: a stand-in daemon that writes a ready UPDATE per helper line (the floor under any daemon)',
  needs: ['rxbgp'],
  defaultN: FLOW_LATENCY_DEFAULT_N,
  run: (ctx) => runFlowLatency('flow-latency-floor', ctx, startFloorSender, floorSplit),
};

export const exabgpFlowLatencyCase: BenchCase = {
  name: 'exabgp-flow-latency',
  groups: ['flow-latency'],
  sender: 'ExaBGP + helper',
  receiver: 'bench BGP peer',
  summary: 'the flow-latency helper and rules under ExaBGP 4.2',
  needs: ['exabgp'],
  defaultN: FLOW_LATENCY_DEFAULT_N,
  async run(ctx) {
    if (!fs.existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: the flow helper runs with it`);
    const done = await runFlowLatency('exabgp-flow-latency', ctx, startExabgpFlowSender);
    const version = exabgpVersion();
    const checks = [...done.checks, ...(version ? [`sender: ${version}`] : [])];
    const ours = recorded.get('flow-latency');
    if (ours && done.p50 !== undefined && done.p99 !== undefined) {
      checks.push(
        `rxbgp beside ExaBGP: p50 ${ours.p50.toFixed(3)} ms vs ${done.p50.toFixed(3)} ms, p99 ${ours.p99.toFixed(3)} ms vs ${done.p99.toFixed(3)} ms ` +
          `(ExaBGP's p99 is ${(done.p99 / ours.p99).toFixed(1)}× rxbgp's)`,
      );
    }
    return { ...done, checks };
  },
};
