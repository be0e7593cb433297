/** How the report writes numbers: one place, so tables, figures and targets read alike. */

const MIB = 1024 * 1024;

/** Bytes as whole MB (MiB, as /proc reports kB of 1,024 bytes). */
export function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${Math.round(bytes / MIB)} MB`;
}

/** MB as bytes, for thresholds written in MB. */
export function bytesOfMegabytes(mb: number): number {
  return mb * MIB;
}

export function seconds(value: number | undefined): string {
  return value === undefined ? '—' : value.toFixed(2);
}

/** A count with thousands separators: 1,000,000. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en');
}

/** A count for a title: 1 M, 1.29 M, 100 k, 950. */
export function shortCount(value: number): string {
  const trim = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');
  if (value >= 1_000_000) return `${trim(value / 1_000_000)} M`;
  if (value >= 1_000) return `${trim(value / 1_000)} k`;
  return String(value);
}

/** A ratio with the digits that matter: 0.82×, 13.4×, 412×. */
export function times(ratio: number): string {
  const digits = ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2;
  return `${ratio.toFixed(digits)}×`;
}

/** A figure's value: integers with separators, fractions with up to two decimals. */
export function figureValue(value: number): string {
  if (Number.isInteger(value)) return count(value);
  const magnitude = Math.abs(value);
  return magnitude >= 100 ? count(value) : value.toFixed(magnitude >= 10 ? 1 : 2);
}
