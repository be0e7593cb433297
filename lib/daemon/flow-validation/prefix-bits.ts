/**
 * Prefixes as strings of their significant bits ("10.0.0.0/8" -> "00001010"): one form for IPv4
 * and IPv6 in which "P covers Q" is `Q.startsWith(P)`, the prefixes covering Q are its leading
 * slices, and the prefixes under P sort next to each other. Used for the few prefixes FlowSpec
 * validation looks at (rule destinations, unicast routes near them), never a whole table at rest.
 */
import { formatPrefix, parsePrefix } from '../../wire/address';

export interface PrefixBits {
  readonly afi: number;
  readonly bits: string;
}

/** The bits of a prefix text, or undefined when it is not a canonical prefix. */
export function prefixBits(text: string): PrefixBits | undefined {
  const parsed = parsePrefix(text);
  if (typeof parsed === 'string') return undefined;
  let bits = '';
  const bytes = (parsed.length + 7) >> 3;
  for (let i = 0; i < bytes; i++) bits += BYTE_BITS[parsed.address[i]];
  return { afi: parsed.afi, bits: bits.slice(0, parsed.length) };
}

/** The prefix text of `bits` in address family `afi` (IPv4 1, IPv6 2). */
export function bitsPrefix(afi: number, bits: string): string {
  const address = new Uint8Array(afi === 1 ? 4 : 16);
  for (let i = 0; i < bits.length; i++) if (bits.charCodeAt(i) === 49) address[i >> 3] |= 0x80 >> (i & 7);
  return formatPrefix(afi, bits.length, address);
}

/** Address length in bits of an address family. */
export function maxBits(afi: number): number {
  return afi === 1 ? 32 : 128;
}

const BYTE_BITS = Array.from({ length: 256 }, (_, b) => b.toString(2).padStart(8, '0'));
