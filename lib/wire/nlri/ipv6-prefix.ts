/**
 * IPv6 prefix text parsed by char code into a reused word array: no split(), regular
 * expressions or Buffers per prefix (a full table carries ~240 k IPv6 prefixes). Accepts what
 * address.ts parseIpv6 accepts: "::" compression, 1-4 hex digits per group, an IPv4 tail.
 */
import { parseIpv4Range } from './ipv4-prefix';

/**
 * Parses "x:x::x/len" (or a bare address, taken as /128) into `words` (8 x 16 bits) and
 * returns the prefix length, or -1 when the text is not an IPv6 prefix or has host bits set.
 */
export function parseIpv6PrefixInto(text: string, words: Uint16Array): number {
  const slash = text.indexOf('/');
  const addressEnd = slash === -1 ? text.length : slash;
  if (!parseIpv6Range(text, 0, addressEnd, words)) return -1;
  let length = 128;
  if (slash !== -1) {
    const n = text.length;
    if (n - slash - 1 < 1 || n - slash - 1 > 3) return -1;
    length = 0;
    for (let i = slash + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      length = length * 10 + (c - 48);
    }
    if (length > 128) return -1;
  }
  for (let word = length >> 4; word < 8; word++) {
    const keep = length > word * 16 ? length - word * 16 : 0;
    const hostMask = keep === 0 ? 0xffff : 0xffff >> keep;
    if (words[word] & hostMask) return -1;
  }
  return length;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Parses the IPv6 address text[start, end) into `words`; false when it is not one. */
export function parseIpv6Range(text: string, start: number, end: number, words: Uint16Array): boolean {
  let i = start;
  let count = 0;
  let gap = -1;
  if (end - start >= 2 && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 58) {
    gap = 0;
    i += 2;
  }
  while (i < end) {
    const groupStart = i;
    let value = 0;
    for (; i < end && i - groupStart < 5; i++) {
      const digit = hexValue(text.charCodeAt(i));
      if (digit < 0) break;
      value = value * 16 + digit;
    }
    if (i < end && text.charCodeAt(i) === 46 /* . */) {
      // An IPv4 tail ends the address and fills two words.
      const v4 = parseIpv4Range(text, groupStart, end);
      if (v4 < 0 || count > 6) return false;
      words[count++] = v4 >>> 16;
      words[count++] = v4 & 0xffff;
      i = end;
      break;
    }
    const digits = i - groupStart;
    if (digits === 0 || digits > 4 || count === 8) return false;
    words[count++] = value;
    if (i === end) break;
    if (text.charCodeAt(i) !== 58 /* : */) return false;
    i++;
    if (i < end && text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    } else if (i === end) {
      return false; // a single trailing colon
    }
  }
  if (gap < 0) return count === 8;
  if (count > 7) return false;
  // Move the words after "::" to the end and zero the gap.
  const tail = count - gap;
  for (let k = 0; k < tail; k++) words[7 - k] = words[count - 1 - k];
  for (let k = gap; k < 8 - tail; k++) words[k] = 0;
  return true;
}
