/**
 * One neighbor may announce a prefix once. A prefix both in "routes" and in a "routeSets" run
 * (or in two runs) would be sent twice with different attributes, and which version the peer
 * keeps would depend on send order; the route set's version also replaces the one "routes"
 * gave it. So the overlap is refused at load, naming both places, like the other duplicates.
 *
 * A run holds up to 10 M prefixes, so nothing is expanded: a prefix of length L is its index
 * among the /L prefixes (address >> (bits - L)), a run is the range [from, from + count - 1] of
 * such indexes, and only runs and routes of the same family and length can meet (10.0.0.0/16 and
 * 10.0.0.0/24 are different routes). Runs are sorted once per (family, length); each route is a
 * binary search.
 */
import { FAMILY_REGISTRY } from '../families';
import { Afi } from '../wire/iana';
import { formatPrefix } from '../wire/address';
import { joinIndex, joinKey } from './config-error';
import type { RouteFile, RouteSetFile } from './file-codec';
import type { PrefixValue } from './scalar-codecs';

type Report = (path: string, message: string) => void;

interface Run {
  readonly start: bigint;
  readonly end: bigint;
  /** Index in routeSets. */
  readonly index: number;
}

/** Runs of one (family, length), sorted by start, with the run reaching furthest among the first i. */
interface Bucket {
  readonly runs: Run[];
  readonly furthest: Run[];
}

/** Reports every route that a run also holds, and every run that overlaps an earlier-starting run. */
export function checkRouteOverlaps(routes: readonly RouteFile[], routeSets: readonly RouteSetFile[], neighborPath: string, report: Report): void {
  if (routeSets.length === 0) return;
  const setPath = (i: number) => joinIndex(joinKey(neighborPath, 'routeSets'), i);
  const setText = (i: number) => `${setPath(i)} (from ${routeSets[i].prefixes.from.text}, count ${routeSets[i].prefixes.count})`;

  const buckets = new Map<string, Bucket>();
  routeSets.forEach((s, index) => {
    const { from, count } = s.prefixes;
    const start = prefixIndex(from);
    const key = bucketKey(from);
    const bucket = buckets.get(key) ?? { runs: [], furthest: [] };
    buckets.set(key, bucket);
    bucket.runs.push({ start, end: start + BigInt(count) - 1n, index });
  });

  for (const [key, bucket] of buckets) {
    bucket.runs.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index));
    const [afi, length] = key.split('/').map(Number);
    let furthest: Run | undefined;
    for (const run of bucket.runs) {
      if (furthest && run.start <= furthest.end) {
        // Report at the run written later, naming the one written first.
        const [early, late] = furthest.index < run.index ? [furthest, run] : [run, furthest];
        const shared = (run.end < furthest.end ? run.end : furthest.end) - run.start + 1n;
        report(
          joinKey(setPath(late.index), 'prefixes'),
          `${shared} prefix${shared === 1n ? '' : 'es'} from ${prefixText(afi, length, run.start)} ${shared === 1n ? 'is' : 'are'} also in ${setText(early.index)}`,
        );
      }
      if (!furthest || run.end > furthest.end) furthest = run;
      bucket.furthest.push(furthest);
    }
  }

  routes.forEach((r, i) => {
    // A route with its own ADD-PATH path identifier (RFC 7911) is another path for the prefix; a run's routes carry path 0.
    if (r.pathId !== undefined && r.pathId !== 0) return;
    // A route written with a family's keys beside its prefix ("rd", "labels") is of another family
    // (L3VPN, labeled unicast) than the runs, which are unicast: the same prefix is another route.
    if (ofQualifiedFamily(r)) return;
    const bucket = buckets.get(bucketKey(r.prefix));
    if (!bucket) return;
    const at = prefixIndex(r.prefix);
    const last = lastStartingAtOrBefore(bucket.runs, at);
    if (last < 0) return;
    const run = bucket.furthest[last];
    if (at <= run.end) report(joinKey(joinIndex(joinKey(neighborPath, 'routes'), i), 'prefix'), `${r.prefix.text} is also in ${setText(run.index)}`);
  });
}

function bucketKey(p: PrefixValue): string {
  return `${p.afi}/${p.length}`;
}

/** The prefix's index among the prefixes of its length: its address shifted right by the host bits. */
function prefixIndex(p: PrefixValue): bigint {
  const a = p.address;
  if (p.length === 0) return 0n;
  if (p.afi === Afi.IPV4) return BigInt(a.readUInt32BE(0) >>> (32 - p.length));
  const value = (a.readBigUInt64BE(0) << 64n) | a.readBigUInt64BE(8);
  return value >> BigInt(128 - p.length);
}

function prefixText(afi: number, length: number, index: bigint): string {
  const bits = afi === Afi.IPV4 ? 32 : 128;
  const value = length === 0 ? 0n : index << BigInt(bits - length);
  const address = Buffer.alloc(bits / 8);
  if (afi === Afi.IPV4) address.writeUInt32BE(Number(value), 0);
  else {
    address.writeBigUInt64BE(value >> 64n, 0);
    address.writeBigUInt64BE(value & 0xffffffffffffffffn, 8);
  }
  return formatPrefix(afi, length, address);
}

/** Index of the last run whose start is <= at, or -1. */
function lastStartingAtOrBefore(runs: readonly Run[], at: bigint): number {
  let lo = 0;
  let hi = runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The route has one of the config keys a family reads beside the prefix (FamilyDescriptor.routeQualifiers). */
function ofQualifiedFamily(r: RouteFile): boolean {
  for (const [key] of FAMILY_REGISTRY.qualifierConfigKeys) if ((r as Record<string, unknown>)[key] !== undefined) return true;
  return false;
}
