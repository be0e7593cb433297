/**
 * A realistic full table, generated from a seed: 1.05 M IPv4 + 0.24 M IPv6 prefixes (or the same mix
 * scaled down), on a few hundred thousand distinct attribute sets the way real tables share them —
 * many sets carry 1–3 prefixes, a few carry thousands. Everything is typed arrays: the full table
 * costs about 20 MB here, never one object per route.
 *
 * Prefixes have one global index: IPv4 0..ipv4Count-1 in key order, then IPv6. Each attribute set
 * covers a run of consecutive indexes (neighbouring address space, as an origin's prefixes are),
 * IPv4 sets first; setFirst[s] is the first index of set s, setFirst[setCount] = count.
 */
import {
  findKey,
  generateIpv4Keys,
  generateIpv6Keys,
  ipv4KeyAddress,
  ipv4KeyText,
  ipv4TextKey,
  ipv6KeyHigh48,
  ipv6KeyText,
  ipv6TextKey,
  keyLength,
} from './realistic-prefixes';
import { generateAttributeSets, type AttributeSets } from './realistic-sets';
import { SeededRandom } from './seeded-random';

export const FULL_TABLE = { ipv4: 1_050_000, ipv6: 240_000 } as const;
export const FULL_TABLE_PREFIXES = FULL_TABLE.ipv4 + FULL_TABLE.ipv6;
export const DEFAULT_SEED = 20_250_601;

/**
 * Prefixes per attribute set follow a Pareto law (shape 1.25, at most 5,000 a set): ~80 % of the
 * sets carry 1–3 prefixes, the largest a few thousand, and the full table ends with ~310 k sets.
 */
export const SET_SIZE_SHAPE = 1.25;
export const MAX_SET_SIZE = 5000;

/** IPv4 and IPv6 counts of a table of n prefixes with the full table's mix (1.05 : 0.24). */
export function splitCount(n: number): { ipv4: number; ipv6: number } {
  if (!Number.isInteger(n) || n < 1) throw new Error(`realistic table: the prefix count must be a positive integer, got ${n}`);
  const ipv4 = Math.max(1, Math.round((n * FULL_TABLE.ipv4) / FULL_TABLE_PREFIXES));
  return { ipv4, ipv6: n - ipv4 };
}

export interface RealisticTableOptions {
  readonly seed: number;
  readonly ipv4Count: number;
  readonly ipv6Count: number;
}

export class RealisticTable {
  readonly ipv4Count: number;
  readonly ipv6Count: number;
  readonly count: number;
  readonly setCount: number;

  constructor(
    readonly seed: number,
    readonly ipv4Keys: Float64Array,
    readonly ipv6Keys: Float64Array,
    readonly sets: AttributeSets,
    readonly setFirst: Uint32Array,
    readonly ipv4SetCount: number,
  ) {
    this.ipv4Count = ipv4Keys.length;
    this.ipv6Count = ipv6Keys.length;
    this.count = this.ipv4Count + this.ipv6Count;
    this.setCount = sets.count;
  }

  isIpv6(i: number): boolean {
    return i >= this.ipv4Count;
  }

  prefixLength(i: number): number {
    return keyLength(this.key(i));
  }

  /** IPv4 network address as a uint32 (i < ipv4Count). */
  ipv4Address(i: number): number {
    return ipv4KeyAddress(this.ipv4Keys[i]!);
  }

  /** The top 48 bits of an IPv6 network address (i >= ipv4Count); the other 80 are zero. */
  ipv6High48(i: number): number {
    return ipv6KeyHigh48(this.ipv6Keys[i - this.ipv4Count]!);
  }

  prefixText(i: number): string {
    return this.isIpv6(i) ? ipv6KeyText(this.ipv6Keys[i - this.ipv4Count]!) : ipv4KeyText(this.ipv4Keys[i]!);
  }

  /** Global index of an IPv4 prefix text, or -1 when the table does not hold it. */
  indexOfIpv4(text: string): number {
    const key = ipv4TextKey(text);
    return key < 0 ? -1 : findKey(this.ipv4Keys, key);
  }

  /** Global index of an IPv6 prefix text, or -1 when the table does not hold it. */
  indexOfIpv6(text: string): number {
    const key = ipv6TextKey(text);
    if (key < 0) return -1;
    const i = findKey(this.ipv6Keys, key);
    return i < 0 ? -1 : this.ipv4Count + i;
  }

  /** The attribute set of prefix i. */
  setOf(i: number): number {
    let low = 0;
    let high = this.setCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.setFirst[mid]! <= i) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  setSize(s: number): number {
    return this.setFirst[s + 1]! - this.setFirst[s]!;
  }

  /** Prefixes per length, for one family. */
  lengthHistogram(ipv6: boolean): Map<number, number> {
    const keys = ipv6 ? this.ipv6Keys : this.ipv4Keys;
    const out = new Map<number, number>();
    for (let i = 0; i < keys.length; i++) {
      const l = keyLength(keys[i]!);
      out.set(l, (out.get(l) ?? 0) + 1);
    }
    return new Map([...out].sort((a, b) => b[1] - a[1] || a[0] - b[0]));
  }

  /** Mean AS path length over the routes as a receiver sees them (the sender's own AS counted). */
  meanAsPathLength(): number {
    let total = 0;
    for (let s = 0; s < this.setCount; s++) total += (this.sets.asPathLength(s) + 1) * this.setSize(s);
    return total / this.count;
  }

  private key(i: number): number {
    return this.isIpv6(i) ? this.ipv6Keys[i - this.ipv4Count]! : this.ipv4Keys[i]!;
  }
}

/** The whole table from the seed; the same options give the same table, byte for byte. */
export function generateRealisticTable(o: RealisticTableOptions): RealisticTable {
  if (o.ipv4Count < 1 || o.ipv6Count < 0) throw new Error('realistic table: needs at least one IPv4 prefix');
  // One stream per part, so changing one part's rules leaves the others' draws as they were.
  const ipv4Keys = generateIpv4Keys(new SeededRandom(o.seed ^ 0x4a11), o.ipv4Count);
  const ipv6Keys = generateIpv6Keys(new SeededRandom(o.seed ^ 0x6b22), o.ipv6Count);
  const sizeRng = new SeededRandom(o.seed ^ 0x5c33);
  const ipv4Sizes = drawSetSizes(sizeRng, o.ipv4Count);
  const ipv6Sizes = drawSetSizes(sizeRng, o.ipv6Count);
  const setCount = ipv4Sizes.length + ipv6Sizes.length;
  const setFirst = new Uint32Array(setCount + 1);
  let at = 0;
  let s = 0;
  for (const size of [...ipv4Sizes, ...ipv6Sizes]) {
    setFirst[s++] = at;
    at += size;
  }
  setFirst[setCount] = at;
  const sets = generateAttributeSets(new SeededRandom(o.seed ^ 0x7d44), setCount);
  return new RealisticTable(o.seed, ipv4Keys, ipv6Keys, sets, setFirst, ipv4Sizes.length);
}

/** Sizes (each 1..MAX_SET_SIZE) that add up to `prefixes`: floor of a Pareto draw, the last one cut to fit. */
export function drawSetSizes(rng: SeededRandom, prefixes: number): number[] {
  const sizes: number[] = [];
  let left = prefixes;
  while (left > 0) {
    // 1 - float() is in (0, 1], so the power is finite.
    const size = Math.min(MAX_SET_SIZE, Math.floor((1 - rng.float()) ** (-1 / SET_SIZE_SHAPE)), left);
    sizes.push(size);
    left -= size;
  }
  return sizes;
}
