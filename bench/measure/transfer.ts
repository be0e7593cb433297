/**
 * The measurement every case shares: from the moment the receiver reports the session Established
 * until the receiver holds all N prefixes, with the time it first held 99 % of them, and the CPU
 * seconds (over that window) and peak RSS (over the process's life) of sender and receiver.
 */
import { performance } from 'perf_hooks';
import { DeadlineExceeded, pollUntil, sleep, type Deadline } from './deadline';
import { readCpuSeconds, readPeakRssBytes } from './proc-stats';
import type { SessionWatch } from './session-watch';

export interface MeasuredProcess {
  readonly name: string;
  readonly pid: number;
  /** Why the process is gone, or undefined while it runs. */
  exitText(): string | undefined;
}

export interface ReceiverProbe {
  readonly process: MeasuredProcess;
  /** The receiver's own report of the session reaching Established. */
  readonly session: SessionWatch;
  /** How many of the N prefixes the receiver holds now. */
  count(): number | Promise<number>;
  /** When the count reached k, for receivers that are read as a stream (exact, not polled). */
  reachedAt?(k: number): number | undefined;
  /**
   * Poll spacing. Where a query costs the receiver work that grows with its table (gobgpd walks
   * its Adj-RIB-In to count), polling often slows the very transfer being timed: the interval then
   * follows a quarter of the estimated time left, between minMs and maxMs.
   */
  readonly poll: { readonly minMs: number; readonly maxMs: number };
}

export type TransferOutcome = 'done' | 'timeout' | 'failed';

export interface TransferMeasurement {
  readonly outcome: TransferOutcome;
  readonly detail?: string;
  /** Seconds from Established to all N held, when done. */
  readonly seconds?: number;
  /** Seconds from Established to 99 % held. */
  readonly t99Seconds?: number;
  /** What the receiver held at the end. */
  readonly received: number;
  readonly senderCpuSeconds?: number;
  readonly receiverCpuSeconds?: number;
  readonly senderPeakRssBytes?: number;
  readonly receiverPeakRssBytes?: number;
}

/** The share of N whose arrival time is reported next to the full time (BIRD holds its last UPDATE ~3 s, PEERS.md). */
export const EARLY_SHARE = 0.99;

const PROGRESS_EVERY_MS = 5000;

export async function measureTransfer(
  sender: MeasuredProcess,
  receiver: ReceiverProbe,
  n: number,
  deadline: Deadline,
  progress: (message: string) => void = () => {},
): Promise<TransferMeasurement> {
  const early = Math.ceil(n * EARLY_SHARE);
  let cpuAtUp: { sender?: number; receiver?: number } = {};
  // Read the counters in the same tick the receiver's "Established" line is read, not a poll later.
  receiver.session.onUp(() => {
    cpuAtUp = { sender: readCpuSeconds(sender.pid), receiver: readCpuSeconds(receiver.process.pid) };
  });
  const exited = () => sender.exitText() ?? receiver.process.exitText();

  let received = 0;
  let earlyAt: number | undefined;
  let doneAt: number | undefined;
  let outcome: TransferOutcome = 'done';
  let detail: string | undefined;
  try {
    const upAt = await pollUntil(`${receiver.process.name} to report the session Established`, deadline, () => receiver.session.upAt, {
      intervalMs: 20,
      abort: exited,
    });
    let nextProgress = upAt + PROGRESS_EVERY_MS;
    while (doneAt === undefined) {
      received = await receiver.count();
      const now = performance.now();
      if (earlyAt === undefined && received >= early) earlyAt = receiver.reachedAt?.(early) ?? now;
      if (received >= n) {
        doneAt = receiver.reachedAt?.(n) ?? now;
        break;
      }
      const down = receiver.session.downReason ?? exited();
      if (down) throw new Error(`after ${received} of ${n} prefixes: ${down}`);
      if (now >= nextProgress) {
        progress(`${received} of ${n} after ${((now - upAt) / 1000).toFixed(1)} s`);
        nextProgress += PROGRESS_EVERY_MS;
      }
      deadline.check(`${receiver.process.name} to hold ${n} prefixes (it holds ${received})`);
      const wait = nextPollMs(receiver.poll, received, earlyAt === undefined ? early : n, now - upAt);
      await sleep(Math.min(wait, deadline.remainingMs() + 1));
    }
  } catch (err) {
    outcome = err instanceof DeadlineExceeded ? 'timeout' : 'failed';
    detail = err instanceof Error ? err.message : String(err);
  }

  const upAt = receiver.session.upAt;
  const senderCpu = readCpuSeconds(sender.pid);
  const receiverCpu = readCpuSeconds(receiver.process.pid);
  return {
    outcome,
    detail,
    seconds: upAt !== undefined && doneAt !== undefined ? (doneAt - upAt) / 1000 : undefined,
    t99Seconds: upAt !== undefined && earlyAt !== undefined ? (earlyAt - upAt) / 1000 : undefined,
    received,
    senderCpuSeconds: difference(senderCpu, cpuAtUp.sender),
    receiverCpuSeconds: difference(receiverCpu, cpuAtUp.receiver),
    senderPeakRssBytes: readPeakRssBytes(sender.pid),
    receiverPeakRssBytes: readPeakRssBytes(receiver.process.pid),
  };
}

/**
 * A quarter of the time the current rate needs to reach `target`, clamped: polls are sparse while
 * the end is far and dense as it nears, so the error on the times stays a small share of them.
 */
export function nextPollMs(poll: ReceiverProbe['poll'], received: number, target: number, elapsedMs: number): number {
  if (received <= 0 || elapsedMs <= 0) return poll.minMs;
  const leftMs = ((target - received) * elapsedMs) / received;
  return Math.max(poll.minMs, Math.min(poll.maxMs, leftMs / 4));
}

function difference(after: number | undefined, before: number | undefined): number | undefined {
  return after !== undefined && before !== undefined ? after - before : undefined;
}
