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
  const v4 = ipv4Bits(text);
  if (v4 !== undefined) return v4 === null ? undefined : { afi: 1, bits: v4 };
  const parsed = parsePrefix(text);
  if (typeof parsed === 'string') return undefined;
  let bits = '';
  const bytes = (parsed.length + 7) >> 3;
  for (let i = 0; i < bytes; i++) bits += BYTE_BITS[parsed.address[i]];
  return { afi: parsed.afi, bits: bits.slice(0, parsed.length) };
}

/**
 * IPv4 prefix text read by hand: the bulk of a table, and parsePrefix's buffer per prefix is most
 * of the cost. null for a text that is IPv4 but not a canonical prefix; undefined for any other text.
 */
function ipv4Bits(text: string): string | null | undefined {
  if (text.includes(':')) return undefined;
  const slash = text.indexOf('/');
  if (slash < 0 || slash === text.length - 1) return null;
  const length = Number(text.slice(slash + 1));
  let address = 0;
  let octets = 0;
  let value = -1;
  for (let i = 0; i < slash; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (value < 0 || value > 255) return null;
      address = address * 256 + value;
      octets++;
      value = -1;
    } else if (c >= 48 && c <= 57) value = (value < 0 ? 0 : value * 10) + c - 48;
    else return null;
  }
  if (value < 0 || value > 255 || octets !== 3 || !Number.isInteger(length) || length < 0 || length > 32) return null;
  address = address * 256 + value;
  const bits = address.toString(2).padStart(32, '0');
  // Host bits set: not a canonical prefix.
  return bits.indexOf('1', length) >= 0 ? null : bits.slice(0, length);
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
