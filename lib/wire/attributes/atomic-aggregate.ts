/** ATOMIC_AGGREGATE, RFC 4271 §5.1.6: well-known discretionary, no value. */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, type AttributeCodec } from './attribute-codec';

export const atomicAggregate: AttributeCodec<true> = {
  code: AttrType.ATOMIC_AGGREGATE,
  name: 'ATOMIC_AGGREGATE',
  flags: AttrFlag.TRANSITIVE,
  // RFC 7606 §7.6: length other than 0 => attribute discard.
  malformed: AttrAction.DISCARD,

  decode(_buf, start, end) {
    if (end !== start) throw malformed(atomicAggregate, UpdateSubcode.ATTRIBUTE_LENGTH_ERROR, `length ${end - start} != 0`);
    return true;
  },
  store: (into) => {
    into.attributes.atomicAggregate = true;
  },
  pick: (parts) => (parts.attributes.atomicAggregate ? true : undefined),
  encode() {
    // No value: the attribute's presence is its meaning.
  },
};
