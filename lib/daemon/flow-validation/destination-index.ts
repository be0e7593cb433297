/**
 * Held FlowSpec rules indexed by their destination prefix (as bits, prefix-bits.ts), so that a
 * unicast route change touches only the destinations it can matter to (RFC 8955 §6): those it
 * covers or equals (their best-match route may change, rule b) and those strictly covering it
 * (their more-specific routes change, rule c). Both are found without a scan: destinations sorted
 * by bits make "under Q" one contiguous run, and "covering Q" is one lookup per destination length
 * in use. Costs grow with the rules held (thousands), never with the unicast table.
 */
import { MoreSpecifics } from './more-specifics';

export class Destination<R, H> {
  readonly rules = new Set<R>();
  readonly moreSpecifics = new MoreSpecifics<H>();
  constructor(
    /** familyKey of the unicast family the destination is looked up in (lib/wire/types familyKey). */
    readonly space: number,
    readonly bits: string,
  ) {}
}

interface SpaceIndex<R, H> {
  readonly byBits: Map<string, Destination<R, H>>;
  /** Every destination's bits, sorted: the ones under a prefix are a run starting at its place. */
  readonly sorted: string[];
  /** Destination lengths in use -> how many destinations have it. */
  readonly lengths: Map<number, number>;
}

export class DestinationIndex<R, H> {
  /** Per unicast family (familyKey): IPv4 and IPv6 destinations never meet. */
  private readonly spaces = new Map<number, SpaceIndex<R, H>>();

  /** Whether any destination of this unicast family is held (a unicast change elsewhere costs nothing). */
  has(space: number): boolean {
    return (this.spaces.get(space)?.byBits.size ?? 0) > 0;
  }

  get(space: number, bits: string): Destination<R, H> | undefined {
    return this.spaces.get(space)?.byBits.get(bits);
  }

  /** The destination for these bits, made when new (`created` says so: its more-specifics must be filled). */
  add(space: number, bits: string): { destination: Destination<R, H>; created: boolean } {
    let index = this.spaces.get(space);
    if (!index) this.spaces.set(space, (index = { byBits: new Map(), sorted: [], lengths: new Map() }));
    const known = index.byBits.get(bits);
    if (known) return { destination: known, created: false };
    const destination = new Destination<R, H>(space, bits);
    index.byBits.set(bits, destination);
    index.sorted.splice(lowerBound(index.sorted, bits), 0, bits);
    index.lengths.set(bits.length, (index.lengths.get(bits.length) ?? 0) + 1);
    return { destination, created: true };
  }

  /** Forgets a destination (its last rule went). */
  delete(destination: Destination<R, H>): void {
    const index = this.spaces.get(destination.space);
    if (!index || index.byBits.get(destination.bits) !== destination) return;
    index.byBits.delete(destination.bits);
    const at = lowerBound(index.sorted, destination.bits);
    if (index.sorted[at] === destination.bits) index.sorted.splice(at, 1);
    const n = (index.lengths.get(destination.bits.length) ?? 0) - 1;
    if (n > 0) index.lengths.set(destination.bits.length, n);
    else index.lengths.delete(destination.bits.length);
  }

  /** Destinations equal to or more specific than `bits` (a route there may be their best match). */
  under(space: number, bits: string): Destination<R, H>[] {
    const index = this.spaces.get(space);
    if (!index) return [];
    const out: Destination<R, H>[] = [];
    for (let i = lowerBound(index.sorted, bits); i < index.sorted.length && index.sorted[i].startsWith(bits); i++) out.push(index.byBits.get(index.sorted[i])!);
    return out;
  }

  /** Destinations strictly less specific than `bits` (a route there is one of their more-specifics). */
  covering(space: number, bits: string): Destination<R, H>[] {
    const index = this.spaces.get(space);
    if (!index) return [];
    const out: Destination<R, H>[] = [];
    for (const length of index.lengths.keys()) {
      if (length >= bits.length) continue;
      const d = index.byBits.get(bits.slice(0, length));
      if (d) out.push(d);
    }
    return out;
  }

  *all(): IterableIterator<Destination<R, H>> {
    for (const index of this.spaces.values()) yield* index.byBits.values();
  }
}

/** The first index in sorted `a` whose item is not below `s`. */
function lowerBound(a: readonly string[], s: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
