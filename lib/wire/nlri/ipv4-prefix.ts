/**
 * IPv4 prefixes on the hot path (a full table is ~1 M of them): text is parsed by char code
 * into one number, and wire prefixes are formatted straight from the buffer, without
 * split(), regular expressions or intermediate objects.
 */

/** Packs an IPv4 address (uint32) and a prefix length into one safe integer. */
const LENGTH_SLOTS = 64;

/**
 * Parses "a.b.c.d/len" (or a bare address, taken as /32) into `address * 64 + length`,
 * or -1 when the text is not an IPv4 prefix or has host bits set (10.0.0.1/24 is a typo
 * far more often than a wish, as in address.ts parsePrefix).
 */
export function parseIpv4PrefixPacked(text: string): number {
  const n = text.length;
  let i = 0;
  let address = 0;
  for (let octet = 0; octet < 4; octet++) {
    let value = 0;
    const first = i;
    while (i < n && i - first < 4) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      i++;
    }
    const digits = i - first;
    if (digits === 0 || digits > 3 || value > 255) return -1;
    address = address * 256 + value;
    if (octet < 3) {
      if (text.charCodeAt(i) !== 46 /* . */) return -1;
      i++;
    }
  }
  let length = 32;
  if (i < n) {
    if (text.charCodeAt(i) !== 47 /* / */) return -1;
    i++;
    const first = i;
    length = 0;
    while (i < n && i - first < 3) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      length = length * 10 + (c - 48);
      i++;
    }
    if (i === first || i !== n || length > 32) return -1;
  }
  if (length < 32 && address % 2 ** (32 - length) !== 0) return -1;
  return address * LENGTH_SLOTS + length;
}

/** The address (uint32) of a packed prefix. */
export function packedAddress(packed: number): number {
  return Math.floor(packed / LENGTH_SLOTS);
}

/** The prefix length of a packed prefix. */
export function packedLength(packed: number): number {
  return packed % LENGTH_SLOTS;
}

/** Network-order mask of the top `length` bits. */
export function ipv4Mask(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}
