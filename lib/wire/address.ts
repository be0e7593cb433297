/**
 * IP addresses and prefixes between text and bytes. Text forms are canonical
 * (IPv6 per RFC 5952, with glibc inet_ntop's embedded-IPv4 forms so JSON matches ExaBGP's).
 * Hot-path readers take a buffer and an offset: no slices per prefix.
 */
import { Afi } from './iana';

/** Dotted quad of 4 bytes at offset. */
export function formatIpv4(buf: Uint8Array, offset = 0): string {
  return `${buf[offset]}.${buf[offset + 1]}.${buf[offset + 2]}.${buf[offset + 3]}`;
}

/** Dotted quad of a uint32. */
export function formatIpv4Number(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Parses a dotted quad to a uint32, or undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Canonical IPv6 text of 16 bytes at offset. */
export function formatIpv6(buf: Uint8Array, offset = 0): string {
  const words = new Array<number>(8);
  for (let i = 0; i < 8; i++) words[i] = (buf[offset + 2 * i] << 8) | buf[offset + 2 * i + 1];
  // Longest run of two or more zero words, the first one on a tie (RFC 5952 §4.2).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d), as inet_ntop writes them.
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
    return (bestLen === 5 ? '::ffff:' : '::') + formatIpv4(buf, offset + 12);
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLen - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += words[i].toString(16);
  }
  return out;
}

/** Parses IPv6 text (with optional embedded IPv4 tail) to 16 bytes, or undefined. */
export function parseIpv6(text: string): Buffer | undefined {
  if (text.length < 2 || text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let head = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) !== -1) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail.push(v4 >>> 16, v4 & 0xffff);
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const w of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return undefined;
      out.push(parseInt(w, 16));
    }
    return out;
  };
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  if (!left || !right) return undefined;
  const given = left.length + right.length + tail.length;
  let words: number[];
  if (halves.length === 2) {
    if (given > 7) return undefined;
    words = [...left, ...new Array<number>(8 - given).fill(0), ...right, ...tail];
  } else {
    if (given !== 8) return undefined;
    words = [...left, ...tail];
  }
  const out = Buffer.alloc(16);
  for (let i = 0; i < 8; i++) out.writeUInt16BE(words[i], 2 * i);
  return out;
}

/** Address family of an IP address text, or undefined when it is neither. */
export function ipFamily(text: string): typeof Afi.IPV4 | typeof Afi.IPV6 | undefined {
  if (parseIpv4(text) !== undefined) return Afi.IPV4;
  if (parseIpv6(text) !== undefined) return Afi.IPV6;
  return undefined;
}

/** Address bytes (4 or 16) of an IP address text, or undefined. */
export function parseIp(text: string): Buffer | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v4, 0);
    return b;
  }
  return parseIpv6(text);
}

/** Canonical text of an address given as 4 or 16 bytes. */
export function formatIp(bytes: Uint8Array): string {
  return bytes.length === 4 ? formatIpv4(bytes) : formatIpv6(bytes);
}

export interface ParsedPrefix {
  readonly afi: typeof Afi.IPV4 | typeof Afi.IPV6;
  readonly length: number;
  /** Full-width address (4 or 16 bytes) with host bits cleared. */
  readonly address: Buffer;
}

/**
 * Parses "a.b.c.d/len" or "x::/len". Host bits must be zero unless `allowHostBits`
 * (then they are cleared), because a route for 10.0.0.1/24 is almost always a typo.
 */
export function parsePrefix(text: string, allowHostBits = false): ParsedPrefix | string {
  const slash = text.indexOf('/');
  const addrText = slash === -1 ? text : text.slice(0, slash);
  const v4 = parseIpv4(addrText);
  const address = v4 !== undefined ? parseIp(addrText) : parseIpv6(addrText);
  if (!address) return `"${addrText}" is not an IPv4 or IPv6 address`;
  const afi = address.length === 4 ? Afi.IPV4 : Afi.IPV6;
  const max = address.length * 8;
  let length = max;
  if (slash !== -1) {
    const lenText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lenText) || Number(lenText) > max) return `prefix length "${lenText}" must be 0..${max}`;
    length = Number(lenText);
  }
  let hostBits = false;
  for (let bit = length; bit < max; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (address[byte] & mask) {
      hostBits = true;
      address[byte] &= ~mask;
    }
  }
  if (hostBits && !allowHostBits) {
    return `"${text}" has host bits set (did you mean ${formatPrefix(afi, length, address)}?)`;
  }
  return { afi, length, address };
}

/** Canonical "address/length" text. */
export function formatPrefix(afi: number, length: number, address: Uint8Array): string {
  return `${afi === Afi.IPV4 ? formatIpv4(address) : formatIpv6(address)}/${length}`;
}
