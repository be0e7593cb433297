/**
 * The attribute sets of the realistic table, generated from a seed and kept in flat typed arrays
 * (a few hundred thousand sets, a few MB): ORIGIN, the AS path after the sender's own AS, MED,
 * standard and large communities. Every set is distinct: a candidate equal to an earlier set is
 * drawn again, so "N sets" means N different attribute sets on the wire.
 */
import { SeededRandom } from './seeded-random';

/** RFC 4271 §5.1.1 ORIGIN values. */
export const ORIGIN_IGP = 0;
export const ORIGIN_INCOMPLETE = 2;

/**
 * Share of each total AS path length 1..12 as a receiver sees it (the sender's own AS included),
 * centred on 4–5 like today's table; the generator draws length - 1 further ASes.
 */
export const AS_PATH_LENGTH_WEIGHTS: readonly number[] = [0, 1.5, 9, 19, 25, 20, 12, 6.5, 3.5, 1.8, 1.2, 0.8, 0.7];

/** Large transit networks that are the first hop behind the sender on most paths. */
const TRANSIT_ASNS = [174, 1299, 2914, 3257, 3356, 3491, 6453, 6461, 6762, 6939, 7018, 9002, 12956, 1273, 5511, 6830, 4637, 7473, 3320, 2828];

const SHARE = {
  incomplete: 0.12,
  transitFirst: 0.8,
  prepend: 0.05,
  fourOctetAs: 0.3,
  med: 0.3,
  communities: 0.6,
  largeCommunities: 0.08,
} as const;

/** Redraws of one set that collides with an earlier one before giving up (collisions are rare). */
const MAX_REDRAWS = 1000;

/** A flat uint32 list that grows by doubling. */
class Uint32List {
  data = new Uint32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  truncate(length: number): void {
    this.length = length;
  }

  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export interface AttributeSetsData {
  readonly origin: Uint8Array;
  /** MED of set s when hasMed[s] is 1. */
  readonly med: Uint32Array;
  readonly hasMed: Uint8Array;
  /** Set s's AS path (after the sender's AS) is asns[pathStart[s] .. pathStart[s + 1]). */
  readonly pathStart: Uint32Array;
  readonly asns: Uint32Array;
  /** RFC 1997 communities as uint32 (AS << 16 | value), ascending. */
  readonly communityStart: Uint32Array;
  readonly communities: Uint32Array;
  /** RFC 8092 large communities, three uint32 per community. */
  readonly largeStart: Uint32Array;
  readonly large: Uint32Array;
}

export class AttributeSets {
  readonly count: number;

  constructor(readonly data: AttributeSetsData) {
    this.count = data.origin.length;
  }

  origin(s: number): number {
    return this.data.origin[s]!;
  }

  med(s: number): number | undefined {
    return this.data.hasMed[s] ? this.data.med[s] : undefined;
  }

  /** The AS path the sender gets from its table; on eBGP it puts its own AS in front. */
  asPath(s: number): number[] {
    return Array.from(this.data.asns.subarray(this.data.pathStart[s]!, this.data.pathStart[s + 1]!));
  }

  asPathLength(s: number): number {
    return this.data.pathStart[s + 1]! - this.data.pathStart[s]!;
  }

  communities(s: number): number[] {
    return Array.from(this.data.communities.subarray(this.data.communityStart[s]!, this.data.communityStart[s + 1]!));
  }

  largeCommunities(s: number): Array<[number, number, number]> {
    const out: Array<[number, number, number]> = [];
    const d = this.data;
    for (let i = d.largeStart[s]!; i < d.largeStart[s + 1]!; i += 3) out.push([d.large[i]!, d.large[i + 1]!, d.large[i + 2]!]);
    return out;
  }
}

/** Draws `count` distinct attribute sets. */
export function generateAttributeSets(rng: SeededRandom, count: number): AttributeSets {
  const origin = new Uint8Array(count);
  const med = new Uint32Array(count);
  const hasMed = new Uint8Array(count);
  const pathStart = new Uint32Array(count + 1);
  const communityStart = new Uint32Array(count + 1);
  const largeStart = new Uint32Array(count + 1);
  const asns = new Uint32List();
  const communities = new Uint32List();
  const large = new Uint32List();
  const seen = new Set<number>();
  const pathTotal = AS_PATH_LENGTH_WEIGHTS.reduce((a, b) => a + b, 0);

  for (let s = 0; s < count; s++) {
    for (let redraw = 0; ; redraw++) {
      if (redraw === MAX_REDRAWS) throw new Error(`attribute sets: set ${s} keeps repeating an earlier one`);
      asns.truncate(pathStart[s]!);
      communities.truncate(communityStart[s]!);
      large.truncate(largeStart[s]!);
      origin[s] = rng.chance(SHARE.incomplete) ? ORIGIN_INCOMPLETE : ORIGIN_IGP;
      const pathLength = rng.weighted(AS_PATH_LENGTH_WEIGHTS, pathTotal) - 1;
      for (let k = 0; k < pathLength; k++) {
        const previous = asns.length > pathStart[s]! ? asns.data[asns.length - 1]! : undefined;
        if (previous !== undefined && rng.chance(SHARE.prepend)) asns.push(previous);
        else if (k === 0 && rng.chance(SHARE.transitFirst)) asns.push(TRANSIT_ASNS[rng.below(TRANSIT_ASNS.length)]!);
        else asns.push(publicAsn(rng));
      }
      hasMed[s] = rng.chance(SHARE.med) ? 1 : 0;
      med[s] = hasMed[s] ? drawMed(rng) : 0;
      const pathAsns = asns.data.subarray(pathStart[s]!, asns.length);
      if (rng.chance(SHARE.communities)) pushCommunities(rng, communities, pathAsns);
      if (rng.chance(SHARE.largeCommunities)) pushLargeCommunities(rng, large, pathAsns);
      pathStart[s + 1] = asns.length;
      communityStart[s + 1] = communities.length;
      largeStart[s + 1] = large.length;
      const h = hashSet(origin[s]!, hasMed[s]!, med[s]!, pathAsns, communities, communityStart[s]!, large, largeStart[s]!);
      if (!seen.has(h)) {
        seen.add(h);
        break;
      }
      // Same hash: equal to an earlier set (or, rarely, a hash collision); either way draw again.
    }
  }
  return new AttributeSets({
    origin,
    med,
    hasMed,
    pathStart,
    asns: asns.done(),
    communityStart,
    communities: communities.done(),
    largeStart,
    large: large.done(),
  });
}

/**
 * A public AS number: 2-octet 1..64495 without AS_TRANS 23456 (RFC 6793), or 4-octet from the
 * allocated 131072.. range; never private or documentation ASes, so never a bench speaker's AS
 * (65000 + host, private), whose presence in a path would make the receiver drop the route as a loop.
 */
export function publicAsn(rng: SeededRandom): number {
  if (rng.chance(SHARE.fourOctetAs)) return rng.between(131_072, 401_308);
  for (;;) {
    const asn = rng.between(1, 64_495);
    if (asn !== 23_456) return asn;
  }
}

function drawMed(rng: SeededRandom): number {
  const common = [0, 0, 10, 20, 50, 100, 100, 200, 1000];
  return rng.chance(0.6) ? common[rng.below(common.length)]! : rng.below(100_000);
}

/** 1..8 distinct communities (few more often), tagged by an AS of the path or a 2-octet public AS, ascending. */
function pushCommunities(rng: SeededRandom, out: Uint32List, path: Uint32Array): void {
  const wanted = 1 + Math.floor(rng.float() * rng.float() * 8);
  const values: number[] = [];
  for (let tries = 0; values.length < wanted && tries < 100; tries++) {
    const fromPath = path.length > 0 && rng.chance(0.7) ? path[rng.below(path.length)]! : 0;
    // RFC 1997: 0x0000xxxx and 0xFFFFxxxx are reserved (NO_EXPORT and friends would stop the route).
    const high = fromPath >= 1 && fromPath <= 64_495 ? fromPath : rng.between(1, 64_495);
    const value = high * 65_536 + rng.below(65_536);
    if (!values.includes(value)) values.push(value);
  }
  values.sort((a, b) => a - b);
  for (const v of values) out.push(v);
}

/** 1..3 distinct large communities: global administrator an AS of the path (or a public AS). */
function pushLargeCommunities(rng: SeededRandom, out: Uint32List, path: Uint32Array): void {
  const wanted = rng.between(1, 3);
  const seen: string[] = [];
  for (let tries = 0; seen.length < wanted && tries < 100; tries++) {
    const global = path.length > 0 ? path[rng.below(path.length)]! : publicAsn(rng);
    const local1 = rng.between(1, 9);
    const local2 = rng.below(100_000);
    const text = `${global}:${local1}:${local2}`;
    if (seen.includes(text)) continue;
    seen.push(text);
    out.push(global);
    out.push(local1);
    out.push(local2);
  }
}

/** A 53-bit hash of one set's content (two 32-bit FNV-1a lanes). */
function hashSet(
  origin: number,
  hasMed: number,
  med: number,
  path: Uint32Array,
  communities: Uint32List,
  communityFrom: number,
  large: Uint32List,
  largeFrom: number,
): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const mix = (v: number) => {
    a = Math.imul(a ^ v, 0x01000193) >>> 0;
    b = Math.imul(b ^ (v + 0x9e3779b9), 0x85ebca6b) >>> 0;
  };
  mix(origin);
  mix(hasMed);
  mix(med);
  mix(path.length);
  for (let i = 0; i < path.length; i++) mix(path[i]!);
  mix(communities.length - communityFrom);
  for (let i = communityFrom; i < communities.length; i++) mix(communities.data[i]!);
  mix(large.length - largeFrom);
  for (let i = largeFrom; i < large.length; i++) mix(large.data[i]!);
  return (a >>> 0) * 2 ** 21 + (b >>> 11);
}
