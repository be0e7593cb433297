/** Hand-made realistic tables for unit tests: every attribute known, so bytes and text can be written out. */
import { ipv4Key, ipv6Key } from '../../../bench/gen/realistic-prefixes';
import { AttributeSets } from '../../../bench/gen/realistic-sets';
import { RealisticTable } from '../../../bench/gen/realistic-table';

export interface TinySet {
  readonly origin: number;
  readonly asPath: readonly number[];
  readonly med?: number;
  readonly communities?: readonly number[];
  readonly large?: ReadonlyArray<readonly [number, number, number]>;
}

export function attributeSets(sets: readonly TinySet[]): AttributeSets {
  const starts = (lists: ReadonlyArray<readonly number[]>) => {
    const out = new Uint32Array(lists.length + 1);
    lists.forEach((l, s) => (out[s + 1] = out[s]! + l.length));
    return out;
  };
  const paths = sets.map((s) => s.asPath);
  const communities = sets.map((s) => s.communities ?? []);
  const large = sets.map((s) => (s.large ?? []).flat());
  return new AttributeSets({
    origin: Uint8Array.from(sets.map((s) => s.origin)),
    med: Uint32Array.from(sets.map((s) => s.med ?? 0)),
    hasMed: Uint8Array.from(sets.map((s) => (s.med === undefined ? 0 : 1))),
    pathStart: starts(paths),
    asns: Uint32Array.from(paths.flat()),
    communityStart: starts(communities),
    communities: Uint32Array.from(communities.flat()),
    largeStart: starts(large),
    large: Uint32Array.from(large.flat()),
  });
}

/** ipv4: [address, length] sorted; ipv6: [top 48 bits, length] sorted; sizes: prefixes per set, IPv4 sets first. */
export function tinyTable(
  ipv4: ReadonlyArray<readonly [number, number]>,
  ipv6: ReadonlyArray<readonly [number, number]>,
  sets: readonly TinySet[],
  sizes: readonly number[],
  ipv4SetCount: number,
): RealisticTable {
  const setFirst = new Uint32Array(sizes.length + 1);
  sizes.forEach((n, s) => (setFirst[s + 1] = setFirst[s]! + n));
  return new RealisticTable(
    1,
    Float64Array.from(ipv4.map(([a, l]) => ipv4Key(a, l))),
    Float64Array.from(ipv6.map(([h, l]) => ipv6Key(h, l))),
    attributeSets(sets),
    setFirst,
    ipv4SetCount,
  );
}

/**
 * 10.1.0.0/16 and 10.2.3.0/24 on set 0, 20.0.0.0/8 on set 1, 2a00:1::/32 and 2a00:1:2::/48 on set 2.
 */
export function fiveRouteTable(): RealisticTable {
  return tinyTable(
    [
      [0x0a010000, 16],
      [0x0a020300, 24],
      [0x14000000, 8],
    ],
    [
      [0x2a00_0001 * 2 ** 16, 32],
      [0x2a00_0001 * 2 ** 16 + 2, 48],
    ],
    [
      { origin: 0, asPath: [3356, 64500], med: 10, communities: [3356 * 65536 + 7] },
      { origin: 2, asPath: [], large: [[64500, 1, 2]] },
      { origin: 0, asPath: [6939], med: 0, communities: [6939 * 65536 + 1, 6939 * 65536 + 2], large: [[6939, 3, 4]] },
    ],
    [2, 1, 2],
    2,
  );
}
