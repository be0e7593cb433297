/**
 * rxbgp's rate over ExaBGP's for the process-API cases. ExaBGP moves a smaller N in its own cases
 * (it is ~100× slower), so times do not compare and prefixes/s does. The rxbgp cases run first in
 * a full run; each records its rate here and the matching ExaBGP case states the ratio in its checks.
 */
import type { TransferMeasurement } from '../measure/transfer';

const rates = new Map<string, number>();

/** Prefixes per second of a transfer that completed with every check passed, else undefined. */
export function rateOf(n: number, m: TransferMeasurement | undefined, problems: readonly string[]): number | undefined {
  return m?.outcome === 'done' && problems.length === 0 && m.seconds ? n / m.seconds : undefined;
}

export function recordRate(caseName: string, rate: number | undefined): void {
  if (rate === undefined) rates.delete(caseName);
  else rates.set(caseName, rate);
}

export function recordedRate(caseName: string): number | undefined {
  return rates.get(caseName);
}

/** "rxbgp's rate over ExaBGP's: 91.3× (api-routes 301,234 prefixes/s, exabgp-api-routes 3,300 prefixes/s)". */
export function rateRatioText(rxbgpCase: string, rxbgpRate: number, exabgpCase: string, exabgpRate: number): string {
  const perSecond = (r: number) => `${Math.round(r).toLocaleString('en')} prefixes/s`;
  return (
    `rxbgp's rate over ExaBGP's: ${(rxbgpRate / exabgpRate).toFixed(1)}× ` +
    `(${rxbgpCase} ${perSecond(rxbgpRate)}, ${exabgpCase} ${perSecond(exabgpRate)}; the same helper, BIRD receiving)`
  );
}
