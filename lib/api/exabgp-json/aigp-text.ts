/** RFC 7311 AIGP metric as ExaBGP 5 prints it (AIGP.__repr__): 0x and 16 hex digits. */
export function aigpText(metric: bigint): string {
  return `0x${metric.toString(16).padStart(16, '0')}`;
}
