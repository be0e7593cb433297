/**
 * Attributes rxbgp does not recognize (RFC 4271 §5, §9): kept with their flags and raw value
 * so they can be passed on. Only the Optional, Transitive and Partial bits are kept; the
 * Extended Length bit is recomputed from the value when the attribute is written again.
 */
import { AttrFlag } from '../iana';
import type { UnknownAttribute } from '../types';

/** Flag bits worth keeping from a received attribute. */
export const KEPT_FLAGS = AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE | AttrFlag.PARTIAL;

/**
 * What to pass on to another peer (RFC 4271 §9): "If an optional non-transitive attribute is
 * unrecognized, it is quietly ignored. If an optional transitive attribute is unrecognized,
 * the Partial bit ... is set to 1, and the attribute is retained for propagation".
 *
 * The UPDATE encoder writes flags exactly as given, so a decoded message round-trips byte
 * for byte; the layer that re-advertises a route (the Adj-RIB-Out) calls this instead.
 */
export function propagateUnknown(attributes: readonly UnknownAttribute[]): UnknownAttribute[] {
  const out: UnknownAttribute[] = [];
  for (const attribute of attributes) {
    if ((attribute.flags & AttrFlag.TRANSITIVE) === 0) continue;
    // The Partial bit is for optional attributes only (RFC 4271 §4.3).
    const partial = attribute.flags & AttrFlag.OPTIONAL ? AttrFlag.PARTIAL : 0;
    out.push({ ...attribute, flags: attribute.flags | partial });
  }
  return out;
}
