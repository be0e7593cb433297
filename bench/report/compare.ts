/**
 * rxbgp's case against a reference case. Two cases that moved the same N compare by time; a
 * reference moving another N (ExaBGP moves 20,000 by default) compares by prefixes/s, i.e. by time
 * per prefix, which is the same thing when N is equal.
 */
import type { CaseResult } from '../cases/case-types';
import type { Side } from './groups';

/** A case that finished with every check passed and a time: the only kind that compares. */
export interface TimedResult extends CaseResult {
  readonly measurement: NonNullable<CaseResult['measurement']> & { readonly seconds: number };
}

export function timed(r: CaseResult | undefined): r is TimedResult {
  return r?.status === 'ok' && r.measurement?.seconds !== undefined && r.measurement.seconds > 0;
}

export function rate(r: TimedResult): number {
  return r.n / r.measurement.seconds;
}

export interface TimeRatio {
  /** rxbgp's time per prefix over the reference's (= time over time when N is equal); < 1: rxbgp faster. */
  readonly ratio: number;
  /** 'time' when both moved the same N, else 'rate'. */
  readonly basis: 'time' | 'rate';
}

export function timeRatio(rxbgp: TimedResult, reference: TimedResult): TimeRatio {
  return rxbgp.n === reference.n
    ? { ratio: rxbgp.measurement.seconds / reference.measurement.seconds, basis: 'time' }
    : { ratio: rate(reference) / rate(rxbgp), basis: 'rate' };
}

/** CPU seconds and peak RSS of the side a group compares. */
export function cpuOf(r: CaseResult, side: Side): number | undefined {
  return side === 'sender' ? r.measurement?.senderCpuSeconds : r.measurement?.receiverCpuSeconds;
}

export function peakRssOf(r: CaseResult, side: Side): number | undefined {
  return side === 'sender' ? r.measurement?.senderPeakRssBytes : r.measurement?.receiverPeakRssBytes;
}
