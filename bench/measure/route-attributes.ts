/**
 * The attributes a receiver reports for one prefix, in one comparable shape, next to what the
 * generator says it must be: the sender's AS then the generated path, ORIGIN, MED when set, the
 * standard and large communities (compared as sorted sets: a speaker may reorder them). Read from
 * BIRD's `show route <prefix> all` and from an ExaBGP-format JSON `attribute` object.
 */
import type { RealisticTable } from '../gen/realistic-table';

export type OriginName = 'igp' | 'egp' | 'incomplete';

export interface RouteAttributes {
  readonly origin: OriginName | undefined;
  readonly asPath: readonly number[];
  readonly med: number | undefined;
  /** uint32 values (AS << 16 | value), ascending. */
  readonly communities: readonly number[];
  /** "global:local1:local2", ascending. */
  readonly largeCommunities: readonly string[];
}

const ORIGINS: readonly OriginName[] = ['igp', 'egp', 'incomplete'];

/** What a receiver must report for prefix i when `senderAs` announced it over eBGP. */
export function expectedAttributes(table: RealisticTable, i: number, senderAs: number): RouteAttributes {
  const s = table.setOf(i);
  return {
    origin: ORIGINS[table.sets.origin(s)],
    asPath: [senderAs, ...table.sets.asPath(s)],
    med: table.sets.med(s),
    communities: table.sets.communities(s),
    largeCommunities: table.sets
      .largeCommunities(s)
      .map((l) => l.join(':'))
      .sort(),
  };
}

/** The attributes in `show route <prefix> all` output (BIRD 2.0.12), or undefined when there is no BGP route. */
export function parseBirdRouteAll(text: string): RouteAttributes | undefined {
  const field = (name: string): string | undefined => new RegExp(`^\\s*BGP\\.${name}:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();
  const origin = field('origin');
  const path = field('as_path');
  if (origin === undefined && path === undefined) return undefined;
  const med = field('med');
  const communities = [...(field('community') ?? '').matchAll(/\((\d+),(\d+)\)/g)].map((m) => Number(m[1]) * 65536 + Number(m[2]));
  const large = [...(field('large_community') ?? '').matchAll(/\((\d+), (\d+), (\d+)\)/g)].map((m) => `${m[1]}:${m[2]}:${m[3]}`);
  return {
    origin: origin === undefined ? undefined : (origin.toLowerCase() as OriginName),
    asPath: path ? path.split(/\s+/).map(Number) : [],
    med: med === undefined ? undefined : Number(med),
    communities: communities.sort((a, b) => a - b),
    largeCommunities: large.sort(),
  };
}

/** ExaBGP 4 JSON `attribute` object: {"origin":"igp","as-path":[..],"med":5,"community":[[a,b]],"large-community":[[g,l1,l2]]}. */
export function fromExabgpAttribute(attribute: unknown): RouteAttributes | undefined {
  if (typeof attribute !== 'object' || attribute === null) return undefined;
  const a = attribute as Record<string, unknown>;
  const pairs = (v: unknown): number[][] => (Array.isArray(v) ? v.filter(Array.isArray).map((p) => (p as unknown[]).map(Number)) : []);
  return {
    origin: typeof a.origin === 'string' ? (a.origin as OriginName) : undefined,
    asPath: Array.isArray(a['as-path']) ? a['as-path'].map(Number) : [],
    med: typeof a.med === 'number' ? a.med : undefined,
    communities: pairs(a.community)
      .map(([high, low]) => high! * 65536 + low!)
      .sort((x, y) => x - y),
    largeCommunities: pairs(a['large-community'])
      .map((l) => l.join(':'))
      .sort(),
  };
}

/**
 * rxbgp's decoded PathAttributes (lib/wire/types.ts) as printed with JSON.stringify by an in-process
 * consumer: origin as its code, AS_PATH segments, communities as uint32, large communities as triples.
 */
export function fromPathAttributes(attributes: unknown): RouteAttributes | undefined {
  if (typeof attributes !== 'object' || attributes === null) return undefined;
  const a = attributes as {
    origin?: number;
    asPath?: Array<{ asns: number[] }>;
    med?: number;
    communities?: number[];
    largeCommunities?: Array<[number, number, number]>;
  };
  return {
    origin: a.origin === undefined ? undefined : ORIGINS[a.origin],
    asPath: (a.asPath ?? []).flatMap((segment) => segment.asns),
    med: a.med,
    communities: [...(a.communities ?? [])].sort((x, y) => x - y),
    largeCommunities: (a.largeCommunities ?? []).map((l) => l.join(':')).sort(),
  };
}

/** "" when equal, else what differs. */
export function attributeDifference(expected: RouteAttributes, got: RouteAttributes): string {
  const out: string[] = [];
  const differ = (name: string, e: unknown, g: unknown) => {
    if (JSON.stringify(e) !== JSON.stringify(g)) out.push(`${name} ${JSON.stringify(g)} (expected ${JSON.stringify(e)})`);
  };
  differ('origin', expected.origin, got.origin);
  differ('as-path', expected.asPath, got.asPath);
  differ('med', expected.med ?? null, got.med ?? null);
  differ('communities', expected.communities, got.communities);
  differ('large communities', expected.largeCommunities, got.largeCommunities);
  return out.join(', ');
}

/**
 * Prefixes worth checking: the first and last of each family, and for each feature (MED, communities,
 * large communities, the longest AS path, the largest set) the first prefix that has it.
 */
export function samplePrefixes(table: RealisticTable): number[] {
  const picks = new Set<number>([0, table.ipv4Count - 1]);
  if (table.ipv6Count > 0) picks.add(table.ipv4Count).add(table.count - 1);
  const firstWith = (has: (s: number) => boolean, from: number, to: number) => {
    for (let s = from; s < to; s++) if (has(s)) return picks.add(table.setFirst[s]!);
    return picks;
  };
  for (const [from, to] of [
    [0, table.ipv4SetCount],
    [table.ipv4SetCount, table.setCount],
  ] as const) {
    firstWith((s) => table.sets.med(s) !== undefined, from, to);
    firstWith((s) => table.sets.communities(s).length > 1, from, to);
    firstWith((s) => table.sets.largeCommunities(s).length > 0, from, to);
    let longest = -1;
    let largest = -1;
    for (let s = from; s < to; s++) {
      if (longest < 0 || table.sets.asPathLength(s) > table.sets.asPathLength(longest)) longest = s;
      if (largest < 0 || table.setSize(s) > table.setSize(largest)) largest = s;
    }
    if (longest >= 0) picks.add(table.setFirst[longest]!);
    if (largest >= 0) picks.add(table.setFirst[largest + 1]! - 1);
  }
  return [...picks].sort((a, b) => a - b);
}
