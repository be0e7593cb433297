/**
 * What families with structured NLRI and no prefix (VPLS, RTC) share: a list's `prefixes` holds
 * each NLRI's canonical text (its RIB key), the decoded values stay behind the texts' array, and
 * the wire codec walks a field in one pass with RFC 7911 path ids, reporting a malformed NLRI as
 * the run's `malformed` (treat-as-withdraw, RFC 7606 §5.3) instead of throwing.
 */
import type { Afi, Safi } from '../../wire/iana';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from '../../wire/nlri/ip-next-hop';
import type { NlriCodec, NlriSource } from '../../wire/nlri/nlri-codec';
import type { Writer } from '../../wire/writer';
import type { FamilyParse } from '../family-descriptor';

/** One decoded field: the values that parsed, their path ids, and what went wrong after them. */
export interface ValueRun<T> {
  readonly values: T[];
  readonly pathIds?: number[];
  readonly error?: string;
}

export interface ValueList<T> {
  /** The values behind a list (parsed from its texts when it was built from text). */
  valuesOf(list: NlriSource): readonly T[];
  /** `target` with these values as its NLRI. */
  withValues<L extends object>(target: L, values: readonly T[]): L & { prefixes: string[] };
  /** The value of a RIB key (canonical text). */
  ofKey(key: string): T;
  readonly wire: NlriCodec;
}

export interface ValueListSpec<T> {
  readonly afi: Afi;
  readonly safi: Safi;
  readonly name: string;
  readonly format: (value: T) => string;
  readonly parse: (text: string) => FamilyParse<T>;
  readonly decodeField: (buf: Buffer, start: number, end: number, addPath: boolean) => ValueRun<T>;
  readonly encodeOne: (w: Writer, value: T) => void;
  /** Accepted next hop lengths (RFC 4760 §3: the family's Network Address of Next Hop). */
  readonly nextHopLengths: readonly NextHopLength[];
}

export function valueList<T>(spec: ValueListSpec<T>): ValueList<T> {
  const { name, format, parse } = spec;
  /** The values behind a list's texts, keyed by the texts' array (kept through copies of the list's head). */
  const values = new WeakMap<object, readonly T[]>();

  function ofKey(text: string): T {
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(`${name}: not a route: ${parsed.error}`);
    return parsed.value;
  }

  function valuesOf(list: NlriSource): readonly T[] {
    const known = values.get(list.prefixes);
    if (known && known.length === list.prefixes.length) return known;
    const made = list.prefixes.map(ofKey);
    values.set(list.prefixes, made);
    return made;
  }

  function withValues<L extends object>(target: L, held: readonly T[]): L & { prefixes: string[] } {
    const out = Object.assign(target, { prefixes: held.map(format) });
    values.set(out.prefixes, held);
    return out;
  }

  const wire: NlriCodec = {
    afi: spec.afi,
    safi: spec.safi,
    name,
    decodeField(target, buf, start, end, addPath) {
      const run = spec.decodeField(buf, start, end, addPath);
      const out: typeof target & { prefixes: string[]; pathIds?: number[]; malformed?: string } = withValues(target, run.values);
      if (run.pathIds) out.pathIds = run.pathIds;
      if (run.error) out.malformed = `malformed ${name} NLRI ${run.error}`;
      return out;
    },
    count: (list) => list.prefixes.length,
    encodeRange(w: Writer, list, addPath, from, to, limit) {
      const held = valuesOf(list);
      for (let i = from; i < to; i++) {
        const mark = w.pos;
        if (addPath) w.u32(list.pathIds?.[i] ?? 0);
        spec.encodeOne(w, held[i]);
        if (w.pos > limit) {
          w.pos = mark;
          return i;
        }
      }
      return to;
    },
    decodeNextHop: (buf, start, end) => decodeIpNextHop(buf, start, end, spec.nextHopLengths),
    encodeNextHop: (w, nextHop) => encodeIpNextHop(w, nextHop, spec.nextHopLengths),
  };

  return { valuesOf, withValues, ofKey, wire };
}
