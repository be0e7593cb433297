/** Hand-made CaseResults for the report's tests. */
import type { CaseResult, CaseStatus, Figure } from '../../../bench/cases/case-types';

export const MB = 1024 * 1024;

export interface TransferFixture {
  readonly groups: readonly string[];
  readonly sender: string;
  readonly receiver: string;
  readonly n?: number;
  readonly seconds: number;
  readonly t99?: number;
  readonly senderCpu?: number;
  readonly receiverCpu?: number;
  readonly senderRssMb?: number;
  readonly receiverRssMb?: number;
  /** Exact bytes, overriding the MB values (for boundary tests). */
  readonly senderRssBytes?: number;
  readonly receiverRssBytes?: number;
  readonly figures?: readonly Figure[];
}

/** A case that finished ok with every number given. */
export function transfer(name: string, f: TransferFixture): CaseResult {
  const n = f.n ?? 1_000_000;
  return {
    name,
    groups: f.groups,
    sender: f.sender,
    receiver: f.receiver,
    n,
    status: 'ok',
    checks: [],
    measurement: {
      outcome: 'done',
      seconds: f.seconds,
      t99Seconds: f.t99 ?? f.seconds,
      received: n,
      senderCpuSeconds: f.senderCpu ?? 1,
      receiverCpuSeconds: f.receiverCpu ?? 1,
      senderPeakRssBytes: f.senderRssBytes ?? (f.senderRssMb ?? 100) * MB,
      receiverPeakRssBytes: f.receiverRssBytes ?? (f.receiverRssMb ?? 100) * MB,
    },
    ...(f.figures ? { figures: f.figures } : {}),
  };
}

/** A case that failed or timed out; with `received`, after a transfer that stopped there. */
export function notOk(
  name: string,
  groups: readonly string[],
  sender: string,
  receiver: string,
  status: Exclude<CaseStatus, 'ok'>,
  extra: { readonly received?: number; readonly figures?: readonly Figure[]; readonly detail?: string } = {},
): CaseResult {
  return {
    name,
    groups,
    sender,
    receiver,
    n: 1_000_000,
    status,
    detail: extra.detail ?? `${name} ${status}`,
    checks: [],
    ...(extra.received !== undefined ? { measurement: { outcome: status, received: extra.received } } : {}),
    ...(extra.figures ? { figures: extra.figures } : {}),
  };
}

/** A case that only reported figures (codec). */
export function figuresOnly(name: string, groups: readonly string[], figures: readonly Figure[]): CaseResult {
  return { name, groups, sender: 'BIRD (captured)', receiver: 'rxbgp codec', n: 1_000_000, status: 'ok', checks: [], figures };
}
