/**
 * The prefixes of the realistic table: distinct, canonical (host bits clear), with today's length
 * mix, kept as one sorted Float64Array of keys per family (8 bytes a prefix, no object per prefix).
 *
 * IPv4 key = address * 64 + length (< 2^38). IPv6 prefixes are at most /48 and lie in 2000::/3
 * (RFC 4291 §2.4 global unicast, where the whole real table is), so the 45 bits after the 001 are
 * enough: key = (top 48 bits - 2^45) * 64 + length (< 2^51). Both are exact in a double, sort as
 * numbers in address order, and one binary search finds a received prefix.
 */
import { parseDottedQuad } from './prefix-run';
import { SeededRandom } from './seeded-random';

/**
 * Per-million shares of each IPv4 length, shaped like the 2024 table (bgp.potaroo.net): ≈ 60 % /24,
 * then /22, /23, /20, /21, /19, /16, a few /8–/15. Nothing longer than /24 (commonly filtered).
 */
export const IPV4_LENGTH_SHARES: ReadonlyMap<number, number> = new Map([
  [24, 623_415],
  [22, 115_000],
  [23, 95_000],
  [20, 50_000],
  [21, 48_000],
  [19, 30_000],
  [16, 14_000],
  [18, 13_000],
  [17, 8_500],
  [15, 1_200],
  [14, 800],
  [13, 500],
  [12, 300],
  [11, 150],
  [10, 80],
  [9, 40],
  [8, 15],
]);

/** Per-million shares of each IPv6 length: mostly /48, then /32, /44, /40, /36, /29; nothing longer than /48. */
export const IPV6_LENGTH_SHARES: ReadonlyMap<number, number> = new Map([
  [48, 526_000],
  [32, 110_000],
  [44, 90_000],
  [40, 80_000],
  [36, 40_000],
  [29, 30_000],
  [46, 25_000],
  [47, 20_000],
  [45, 15_000],
  [42, 12_000],
  [33, 10_000],
  [34, 8_000],
  [41, 6_000],
  [43, 6_000],
  [30, 5_000],
  [35, 4_000],
  [38, 4_000],
  [39, 3_000],
  [37, 2_000],
  [31, 2_000],
  [28, 2_000],
]);

/**
 * IPv4 space no generated prefix may overlap: 0/8 ("this network", RFC 1122), 127/8 (loopback,
 * where the sessions run), 224/3 (multicast and reserved), and the documentation networks the bench
 * uses as router IDs (192.0.2.0/24) and next hop (198.51.100.0/24), so no route can cover them.
 */
export const IPV4_EXCLUDED: ReadonlyArray<readonly [address: number, length: number]> = [
  [0, 8],
  [127 * 2 ** 24, 8],
  [224 * 2 ** 24, 3],
  [ipv4(192, 0, 2, 0), 24],
  [ipv4(198, 51, 100, 0), 24],
];

/** IPv6: 2001:db8::/32 (RFC 3849 documentation) holds the bench's IPv6 next hop. ::1 is outside 2000::/3. */
export const IPV6_EXCLUDED: ReadonlyArray<readonly [high48: number, length: number]> = [[0x2001_0db8 * 2 ** 16, 32]];

/** The 2000::/3 base of every IPv6 key: the top 48 bits of 2000::. */
export const IPV6_BASE = 2 ** 45;
const IPV6_LIMIT = 2 ** 46;

/** How many prefixes of each length make `count` (largest remainder, so they add up exactly). */
export function lengthCounts(shares: ReadonlyMap<number, number>, count: number): Map<number, number> {
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  const exact = [...shares].map(([length, share]) => ({ length, exact: (share * count) / total }));
  const out = new Map(exact.map((e) => [e.length, Math.floor(e.exact)]));
  let left = count - [...out.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || b.exact - a.exact);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) {
    const l = byRemainder[i]!.length;
    out.set(l, out.get(l)! + 1);
  }
  return out;
}

export function ipv4Key(address: number, length: number): number {
  return address * 64 + length;
}

export function ipv4KeyAddress(key: number): number {
  return Math.floor(key / 64);
}

export function keyLength(key: number): number {
  return key % 64;
}

/** `high48` is the address's top 48 bits as a number (the rest is zero for every generated prefix). */
export function ipv6Key(high48: number, length: number): number {
  return (high48 - IPV6_BASE) * 64 + length;
}

export function ipv6KeyHigh48(key: number): number {
  return Math.floor(key / 64) + IPV6_BASE;
}

/** True when address/length shares an address with any excluded network. */
export function overlapsExcluded(
  value: number,
  length: number,
  excluded: ReadonlyArray<readonly [number, number]>,
  width: 32 | 48,
): boolean {
  for (let i = 0; i < excluded.length; i++) {
    const network = excluded[i]!;
    const common = 2 ** (width - Math.min(length, network[1]));
    if (Math.floor(value / common) === Math.floor(network[0] / common)) return true;
  }
  return false;
}

/** Draws `count` distinct random IPv4 prefixes with the length mix, sorted by key. */
export function generateIpv4Keys(rng: SeededRandom, count: number): Float64Array {
  const draw = (length: number): number => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const block = 2 ** (32 - length);
      const address = Math.floor(rng.uint32() / block) * block;
      if (!overlapsExcluded(address, length, IPV4_EXCLUDED, 32)) return ipv4Key(address, length);
    }
    throw new Error(`realistic table: no IPv4 /${length} outside the excluded ranges after 1000 draws`);
  };
  return generateKeys(lengthCounts(IPV4_LENGTH_SHARES, count), count, draw);
}

/** Draws `count` distinct random IPv6 prefixes (in 2000::/3) with the length mix, sorted by key. */
export function generateIpv6Keys(rng: SeededRandom, count: number): Float64Array {
  const draw = (length: number): number => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      // 45 random bits after 001: 13 from one draw, 32 from another.
      const offset = (rng.uint32() >>> 19) * 2 ** 32 + rng.uint32();
      const block = 2 ** (48 - length);
      const high48 = IPV6_BASE + Math.floor(offset / block) * block;
      if (!overlapsExcluded(high48, length, IPV6_EXCLUDED, 48)) return ipv6Key(high48, length);
    }
    throw new Error(`realistic table: no IPv6 /${length} outside the excluded ranges after 1000 draws`);
  };
  return generateKeys(lengthCounts(IPV6_LENGTH_SHARES, count), count, draw);
}

/** Rounds of drawing the missing prefixes again after removing duplicates (each round leaves very few). */
const MAX_ROUNDS = 64;

function generateKeys(counts: ReadonlyMap<number, number>, count: number, draw: (length: number) => number): Float64Array {
  const all = new Float64Array(count);
  let at = 0;
  // Lengths in a fixed order so the draws, and so the table, depend only on the seed.
  for (const length of [...counts.keys()].sort((a, b) => a - b)) {
    const wanted = counts.get(length)!;
    if (wanted === 0) continue;
    const keys = new Float64Array(wanted);
    let distinct = 0;
    for (let round = 0; distinct < wanted; round++) {
      if (round === MAX_ROUNDS) throw new Error(`realistic table: cannot find ${wanted} distinct /${length} prefixes`);
      for (let i = distinct; i < wanted; i++) keys[i] = draw(length);
      keys.sort();
      distinct = uniqueSorted(keys);
    }
    all.set(keys, at);
    at += wanted;
  }
  // Distinct within each length, and lengths differ: the whole family is distinct.
  return all.sort();
}

/** Moves the distinct values of a sorted array to its front; returns how many there are. */
export function uniqueSorted(a: Float64Array): number {
  if (a.length === 0) return 0;
  let out = 1;
  for (let i = 1; i < a.length; i++) if (a[i] !== a[out - 1]) a[out++] = a[i]!;
  return out;
}

/** Index of `key` in a sorted array, or -1. */
export function findKey(keys: Float64Array, key: number): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

export function ipv4KeyText(key: number): string {
  const a = ipv4KeyAddress(key);
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${keyLength(key)}`;
}

/** RFC 5952 text: lower-case hex, no leading zeros, the trailing zero groups (at least five) as "::". */
export function ipv6KeyText(key: number): string {
  const high48 = ipv6KeyHigh48(key);
  const g0 = Math.floor(high48 / 2 ** 32);
  const g1 = Math.floor(high48 / 2 ** 16) % 2 ** 16;
  const g2 = high48 % 2 ** 16;
  const groups = g2 !== 0 ? [g0, g1, g2] : g1 !== 0 ? [g0, g1] : [g0];
  return `${groups.map((g) => g.toString(16)).join(':')}::/${keyLength(key)}`;
}

/** The key of an IPv4 prefix text, or -1 when it is not a canonical prefix of up to /32. */
export function ipv4TextKey(text: string): number {
  const slash = text.indexOf('/');
  if (slash < 0) return -1;
  const length = decimal(text, slash + 1, text.length);
  if (length < 0 || length > 32) return -1;
  const value = parseDottedQuad(text, slash);
  if (value === undefined) return -1;
  if (value % 2 ** (32 - length) !== 0) return -1;
  return ipv4Key(value, length);
}

/**
 * The key of an IPv6 prefix text, or -1 when it is not a prefix the table can hold: any valid
 * spelling is read ("::" anywhere, leading zeros), but bits past 48 must be zero and the address in
 * 2000::/3. Read by character code: this runs once per received IPv6 prefix.
 */
export function ipv6TextKey(text: string): number {
  const slash = text.indexOf('/');
  if (slash < 0) return -1;
  const length = decimal(text, slash + 1, text.length);
  if (length < 0 || length > 48) return -1;
  const groups = [0, 0, 0, 0, 0, 0, 0, 0];
  let count = 0;
  let gap = -1; // index in `groups` where "::" stands
  let i = 0;
  if (text.startsWith('::')) {
    gap = 0;
    i = 2;
  }
  while (i < slash) {
    let value = 0;
    let digits = 0;
    for (; i < slash && digits < 5; i++) {
      const h = hexDigit(text.charCodeAt(i));
      if (h < 0) break;
      value = value * 16 + h;
      digits++;
    }
    if (digits === 0 || digits > 4 || count === 8) return -1;
    groups[count++] = value;
    if (i === slash) break;
    if (text.charCodeAt(i) !== 58) return -1; // ':'
    i++;
    if (i < slash && text.charCodeAt(i) === 58) {
      if (gap >= 0) return -1;
      gap = count;
      i++;
    } else if (i === slash) {
      return -1;
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return -1;
  if (gap >= 0) {
    // Move the groups after "::" to the end.
    const tail = groups.slice(gap, count);
    for (let k = gap; k < 8; k++) groups[k] = 0;
    for (let k = 0; k < tail.length; k++) groups[8 - tail.length + k] = tail[k]!;
  }
  for (let k = 3; k < 8; k++) if (groups[k] !== 0) return -1;
  const high48 = groups[0]! * 2 ** 32 + groups[1]! * 2 ** 16 + groups[2]!;
  if (high48 < IPV6_BASE || high48 >= IPV6_LIMIT || high48 % 2 ** (48 - length) !== 0) return -1;
  return ipv6Key(high48, length);
}

function decimal(text: string, from: number, to: number): number {
  if (from >= to || to - from > 3) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}
