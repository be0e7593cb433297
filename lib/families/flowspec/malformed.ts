/**
 * A malformed FlowSpec NLRI is a value, not an exception. RFC 8955 §4.2 (and RFC 8956 §3 for
 * IPv6): components out of order, an unknown component type or a bad operator length make the
 * NLRI malformed, and RFC 7606 §2 / RFC 8955 §4.2 say to handle that by treat-as-withdraw rather
 * than a session reset. Each FlowSpec NLRI carries its own length, so the NLRI after a malformed
 * one can still be read; only a length running past the field ends the field.
 */
import { AttrAction, AttrError } from '../../wire/errors';
import { AttrType, UpdateSubcode } from '../../wire/iana';

export interface FlowNlriError {
  /** Offset in the buffer where the malformed NLRI (its length field) starts. */
  readonly offset: number;
  /** What is wrong, for logs. */
  readonly reason: string;
}

/**
 * The AttrError an UPDATE decoder collects for malformed FlowSpec NLRI in MP_REACH_NLRI (14) or
 * MP_UNREACH_NLRI (15): treat-as-withdraw, the strongest action wins as for any attribute.
 */
export function flowNlriAttrError(errors: readonly FlowNlriError[], attrType: number = AttrType.MP_REACH_NLRI): AttrError {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new AttrError(
    attrType,
    AttrAction.TREAT_AS_WITHDRAW,
    UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR,
    undefined,
    `malformed FlowSpec NLRI at offset ${first?.offset ?? 0}: ${first?.reason ?? 'unknown'}${more}`,
  );
}
