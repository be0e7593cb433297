/**
 * IPv4 prefix text on the hot path (a full table is ~1 M of them): parsed by char code into
 * one number, without split(), regular expressions or intermediate objects.
 */

/** Packs an IPv4 address (uint32) and a prefix length into one safe integer: address * 64 + length. */
export const LENGTH_SLOTS = 64;
/**
 * 1 / LENGTH_SLOTS: a packed prefix's address is floor(packed * INV_LENGTH_SLOTS). Multiplying by a
 * power of two is exact, and a multiply takes a few cycles where a floating-point divide takes
 * fifteen or more; these run once per prefix of a full table, several times over.
 */
export const INV_LENGTH_SLOTS = 1 / LENGTH_SLOTS;

/**
 * Parses "a.b.c.d/len" (or a bare address, taken as /32) into `address * 64 + length`,
 * or -1 when the text is not an IPv4 prefix or has host bits set (10.0.0.1/24 is a typo
 * far more often than a wish, as in address.ts parsePrefix).
 */
export function parseIpv4PrefixPacked(text: string): number {
  const n = text.length;
  const slash = text.indexOf('/');
  const addressEnd = slash === -1 ? n : slash;
  const address = parseIpv4Range(text, 0, addressEnd);
  if (address < 0) return -1;
  let length = 32;
  if (slash !== -1) {
    length = 0;
    let i = slash + 1;
    if (i === n || n - i > 3) return -1;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      length = length * 10 + (c - 48);
    }
    if (length > 32) return -1;
  }
  if (length < 32 && address % 2 ** (32 - length) !== 0) return -1;
  return address * LENGTH_SLOTS + length;
}

/** Parses the dotted quad text[start, end) to a uint32, or -1 (also used for IPv6's embedded IPv4 tail). */
export function parseIpv4Range(text: string, start: number, end: number): number {
  let i = start;
  let address = 0;
  for (let octet = 0; octet < 4; octet++) {
    let value = 0;
    const first = i;
    while (i < end && i - first < 4) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      i++;
    }
    const digits = i - first;
    if (digits === 0 || digits > 3 || value > 255) return -1;
    address = address * 256 + value;
    if (octet < 3) {
      if (i >= end || text.charCodeAt(i) !== 46 /* . */) return -1;
      i++;
    }
  }
  return i === end ? address : -1;
}

/** The address (uint32) of a packed prefix. */
export function packedAddress(packed: number): number {
  return Math.floor(packed * INV_LENGTH_SLOTS);
}

/**
 * The prefix length of a packed prefix. Not `packed % 64`: a packed prefix is above 2^31, a double,
 * and V8's floating-point modulo is a libc call (~11 ns) where this is a few instructions.
 */
export function packedLength(packed: number): number {
  return packed - Math.floor(packed * INV_LENGTH_SLOTS) * LENGTH_SLOTS;
}

/** Network-order mask of the top `length` bits. */
export function ipv4Mask(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}
