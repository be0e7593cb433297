/** What a benchmark case is given and what it returns. */
import type { Deadline } from '../measure/deadline';
import type { TransferMeasurement } from '../measure/transfer';

/**
 * Addresses, ports and AS numbers of one case: 127.0.3.1–120, ports 21001–21120, gobgp API
 * 50901–50960. (127.0.4.0/24 and ports 22000–22999 belong to the many-peers cases; spec tests use
 * 127.0.0.11–162.)
 */
export interface Slot {
  readonly sender: Speaker;
  readonly receiver: Speaker;
  readonly apiPort: number;
}

export interface Speaker {
  readonly address: string;
  readonly port: number;
  readonly asn: number;
  /** BGP Identifier only: 192.0.2.0/24 is this machine's external network, never connected to (PEERS.md). */
  readonly routerId: string;
}

/** How many cases can have their own slot. */
export const SLOT_COUNT = 60;

/**
 * Case k gets 127.0.3.(1+2k) → 127.0.3.(2+2k), ports 21001+2k / 21002+2k, gobgp API 50901+k, so
 * runs never share an address, port or TIME_WAIT.
 */
export function slotFor(index: number): Slot {
  if (!Number.isInteger(index) || index < 0 || index >= SLOT_COUNT) throw new Error(`bench: no address slot ${index} (0–${SLOT_COUNT - 1})`);
  const speaker = (host: number): Speaker => ({
    address: `127.0.3.${host}`,
    port: 21000 + host,
    asn: 65000 + host,
    routerId: `192.0.2.${host}`,
  });
  return { sender: speaker(1 + 2 * index), receiver: speaker(2 + 2 * index), apiPort: 50901 + index };
}

/** Every case moves the same run: N consecutive /24s from here. */
export const FIRST_PREFIX = '10.0.0.0';
/** Next hop of every announced route: GoBGP refuses next hops in 127/8 (PEERS.md). */
export const NEXT_HOP = '198.51.100.1';

export interface CaseContext {
  readonly n: number;
  readonly deadline: Deadline;
  readonly slot: Slot;
  /** Extra node options for rxbgp (e.g. --cpu-prof). */
  readonly rxbgpNodeOptions: readonly string[];
  /** Progress on stderr, prefixed with the case name. */
  readonly log: (message: string) => void;
  /** Registers a step to run when the case ends, however it ends (daemons stopped, files removed). */
  readonly onCleanup: (step: () => void | Promise<void>) => void;
}

export type CaseStatus = 'ok' | 'timeout' | 'failed';

export interface CaseResult {
  readonly name: string;
  /** The comparison tables the case is a row of (BenchCase.groups). */
  readonly groups: readonly string[];
  readonly sender: string;
  readonly receiver: string;
  readonly n: number;
  readonly status: CaseStatus;
  /** Why the case is not ok. */
  readonly detail?: string;
  /** Loading the sender's table and starting daemons: not part of the timed transfer. */
  readonly setupSeconds?: number;
  readonly measurement?: TransferMeasurement;
  /** Numbers besides (or instead of) the transfer, as the case reported them. */
  readonly figures?: readonly Figure[];
  /** What was verified once the transfer finished. */
  readonly checks: readonly string[];
}

/** What every result of a case holds before it runs. */
export type CaseResultBase = Pick<CaseResult, 'name' | 'groups' | 'sender' | 'receiver' | 'n'>;

/**
 * The result of a case that ran to its end: a transfer that did not finish gives its outcome;
 * otherwise the case is ok when its checks found no problem and it measured something (a
 * transfer, figures, or both).
 */
export function completedResult(base: CaseResultBase, done: CaseCompletion): CaseResult {
  const m = done.measurement;
  const problems = [...done.problems];
  if (!m && !done.figures?.length) problems.push('the case returned neither a transfer measurement nor figures');
  const status: CaseStatus = m && m.outcome !== 'done' ? m.outcome : problems.length ? 'failed' : 'ok';
  const detail = [m?.detail, ...problems].filter(Boolean).join('; ') || undefined;
  return {
    ...base,
    status,
    ...(detail !== undefined ? { detail } : {}),
    setupSeconds: done.setupSeconds,
    ...(m ? { measurement: m } : {}),
    ...(done.figures?.length ? { figures: done.figures } : {}),
    checks: done.checks,
  };
}

export interface BenchCase {
  readonly name: string;
  /**
   * The comparison tables this case is a row of (bench/report/groups.ts names them: emit, ingest,
   * ingest-json, api-routes, api-batches, realistic-emit, realistic-ingest, many-peers, codec).
   * A reference such as bird-bird is a row of several.
   */
  readonly groups: readonly string[];
  readonly sender: string;
  readonly receiver: string;
  /** One line for --help. */
  readonly summary: string;
  readonly needs: readonly string[];
  /**
   * N when --n is not given, for a case whose sender is too slow for the run's N (ExaBGP moves
   * ~3,300 prefixes/s): its row then names its N, and prefixes/s is the figure to compare.
   */
  readonly defaultN?: number;
  run(ctx: CaseContext): Promise<CaseCompletion>;
}

/** One number a case measured besides (or instead of) a transfer, e.g. decode ns per prefix. */
export interface Figure {
  /** What was measured, e.g. "decode" or "hold-timer expiries". */
  readonly name: string;
  readonly value: number;
  /** "ns/prefix", "prefixes/s", "sessions", ... */
  readonly unit: string;
}

/** What a case's run returns: the measurement and its checks (a thrown error makes the case failed or timeout). */
export interface CaseCompletion {
  readonly setupSeconds: number;
  /** The transfer, for cases that move routes between daemons; absent for in-process micro-benchmarks. */
  readonly measurement?: TransferMeasurement;
  /** Further numbers to print in the case's table (and for targets to read). */
  readonly figures?: readonly Figure[];
  /** Problems found by the final checks; empty when everything matched. */
  readonly problems: readonly string[];
  readonly checks: readonly string[];
}
