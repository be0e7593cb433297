/** What a benchmark case is given and what it returns. */
import type { Deadline } from '../measure/deadline';
import type { TransferMeasurement } from '../measure/transfer';

/** Addresses, ports and AS numbers of one case: 127.0.0.101–120, ports 1901–1920, gobgp API 50901+. */
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

/** Case k gets 127.0.0.(101+2k) → 127.0.0.(102+2k), so runs never share an address, port or TIME_WAIT. */
export function slotFor(index: number): Slot {
  if (index < 0 || index > 9) throw new Error(`bench: no address slot ${index}`);
  const speaker = (host: number): Speaker => ({
    address: `127.0.0.${host}`,
    port: 1800 + host,
    asn: 65000 + host,
    routerId: `192.0.2.${host}`,
  });
  return { sender: speaker(101 + 2 * index), receiver: speaker(102 + 2 * index), apiPort: 50901 + index };
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
  readonly sender: string;
  readonly receiver: string;
  readonly n: number;
  readonly status: CaseStatus;
  /** Why the case is not ok. */
  readonly detail?: string;
  /** Loading the sender's table and starting daemons: not part of the timed transfer. */
  readonly setupSeconds?: number;
  readonly measurement?: TransferMeasurement;
  /** What was verified once the transfer finished. */
  readonly checks: readonly string[];
}

export interface BenchCase {
  readonly name: string;
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

/** What a case's run returns: the measurement and its checks (a thrown error makes the case failed or timeout). */
export interface CaseCompletion {
  readonly setupSeconds: number;
  readonly measurement: TransferMeasurement;
  /** Problems found by the final checks; empty when everything matched. */
  readonly problems: readonly string[];
  readonly checks: readonly string[];
}
