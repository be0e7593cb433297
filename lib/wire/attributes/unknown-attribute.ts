/**
 * Attributes rxbgp does not recognize (RFC 4271 §5, §9): kept with their flags and raw value
 * so they can be passed on. The four flag bits RFC 4271 §4.3 defines are kept (Optional,
 * Transitive, Partial, Extended Length); the four unused low bits are dropped, since §4.3 says
 * they "MUST be zero when sent". Keeping Extended Length means an attribute received (or given
 * by a helper's `attribute [ 0xTT 0xFF 0x.. ]`) with a 2-octet length goes out with one again,
 * even when its value is short, so what is passed on is byte for byte what came in.
 */
import { AttrFlag } from '../iana';
import type { UnknownAttribute } from '../types';

/** Flag bits worth keeping from a received attribute: the four RFC 4271 §4.3 defines. */
export const KEPT_FLAGS = AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE | AttrFlag.PARTIAL | AttrFlag.EXTENDED_LENGTH;

/**
 * What to pass on to another peer (RFC 4271 §9): "If an optional non-transitive attribute is
 * unrecognized, it is quietly ignored. If an optional transitive attribute is unrecognized,
 * the Partial bit ... is set to 1, and the attribute is retained for propagation". The other
 * bits, Extended Length included, stay as received (§5: Partial is the only bit a speaker
 * passing the attribute on changes).
 *
 * The UPDATE encoder writes flags exactly as given, so a decoded message round-trips byte
 * for byte and a helper's generic attribute is sent as written; code that re-advertises a
 * received route to another peer calls this first (rxbgp itself never re-advertises).
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
