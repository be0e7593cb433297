/** Copying a list's NLRI onto a new head in the form they are held (packed-ipv4.ts, nlri-values.ts). */
import { nlriValuesOf, attachNlriValues } from './nlri-values';
import { attachPackedIpv4, packedIpv4Of } from './packed-ipv4';

/**
 * `head` with the NLRI of `from`, in whatever form `from` holds them (packed IPv4, values, or
 * text), without making text that was not made yet.
 */
export function copyNlri<T extends object>(head: T, from: { readonly prefixes: readonly string[] }): T & { prefixes: string[] } {
  const packed = packedIpv4Of(from);
  if (packed) return attachPackedIpv4(head, packed);
  const held = nlriValuesOf(from);
  if (held) return attachNlriValues(head, held.values, held.textOf);
  return Object.assign(head, { prefixes: from.prefixes as string[] });
}
