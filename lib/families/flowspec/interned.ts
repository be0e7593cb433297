/**
 * Shared, frozen operator pairs and one-pair components. A DDoS rule stream repeats the same few
 * (`protocol =udp`, `destination-port =80`, `tcp-flags syn`) in every rule: sharing them keeps a
 * 100,000-rule table to a few objects per rule (its prefix, its list) instead of some twenty, which
 * is most of what the collector copied while a helper flooded rules. Both readers and the decoder
 * take their pairs from here; nothing downstream changes a rule (its types are readonly), and
 * freezing makes sure of it.
 */
import type { BitmaskComponent, BitmaskOp, NumericComponent, NumericOp } from './types';

/** Bounded: values are up to 32 bits, so a hostile stream could make many; past this the cache restarts. */
const MAX_ENTRIES = 50_000;

const numericOps = new Map<number, NumericOp>();
const bitmaskOps = new Map<number, BitmaskOp>();
/** By component type (1..13), then by pair. */
const numericComponents: Map<NumericOp, NumericComponent>[] = [];
const bitmaskComponents: Map<BitmaskOp, BitmaskComponent>[] = [];

function put<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

/** The numeric pair (RFC 8955 §4.2.1.1 a, lt, gt, eq bits and value), shared. */
export function numericOp(and: boolean, lt: boolean, gt: boolean, eq: boolean, value: number): NumericOp {
  // value < 2^32 and 4 flag bits: the key stays an exact double.
  const key = value * 16 + (and ? 8 : 0) + (lt ? 4 : 0) + (gt ? 2 : 0) + (eq ? 1 : 0);
  return numericOps.get(key) ?? put(numericOps, key, Object.freeze({ and, lt, gt, eq, value }));
}

/** The bitmask pair (RFC 8955 §4.2.1.2 a, not, m bits and value), shared. */
export function bitmaskOp(and: boolean, not: boolean, match: boolean, value: number): BitmaskOp {
  const key = value * 8 + (and ? 4 : 0) + (not ? 2 : 0) + (match ? 1 : 0);
  return bitmaskOps.get(key) ?? put(bitmaskOps, key, Object.freeze({ and, not, match, value }));
}

/** A component of one shared pair (`protocol =udp`), shared itself. */
export function oneNumericComponent(type: NumericComponent['type'], op: NumericOp): NumericComponent {
  const byOp = (numericComponents[type] ??= new Map());
  return byOp.get(op) ?? put(byOp, op, Object.freeze({ kind: 'numeric' as const, type, ops: Object.freeze([op]) }));
}

export function oneBitmaskComponent(type: BitmaskComponent['type'], op: BitmaskOp): BitmaskComponent {
  const byOp = (bitmaskComponents[type] ??= new Map());
  return byOp.get(op) ?? put(byOp, op, Object.freeze({ kind: 'bitmask' as const, type, ops: Object.freeze([op]) }));
}

/** The component of these pairs: the shared one when there is one pair. */
export function oneOrMany(numeric: boolean, type: number, ops: readonly (NumericOp | BitmaskOp)[]): NumericComponent | BitmaskComponent {
  if (numeric) {
    const t = type as NumericComponent['type'];
    return ops.length === 1 ? oneNumericComponent(t, ops[0] as NumericOp) : { kind: 'numeric', type: t, ops: ops as NumericOp[] };
  }
  const t = type as BitmaskComponent['type'];
  return ops.length === 1 ? oneBitmaskComponent(t, ops[0] as BitmaskOp) : { kind: 'bitmask', type: t, ops: ops as BitmaskOp[] };
}
