/**
 * EXTENDED_COMMUNITIES, RFC 4360: optional transitive list of 8-octet values, kept as
 * unsigned 64-bit bigints (type, sub-type and value are read from them where needed).
 */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, type AttributeCodec } from './attribute-codec';

export const extendedCommunities: AttributeCodec<readonly bigint[]> = {
  code: AttrType.EXTENDED_COMMUNITIES,
  name: 'EXTENDED_COMMUNITIES',
  flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
  // RFC 7606 §7.14: length not a non-zero multiple of 8 => treat-as-withdraw.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  decode(buf, start, end) {
    const length = end - start;
    if (length === 0 || length % 8 !== 0) {
      throw malformed(extendedCommunities, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `length ${length} is not a non-zero multiple of 8`);
    }
    const values = new Array<bigint>(length / 8);
    for (let i = 0; i < values.length; i++) values[i] = buf.readBigUInt64BE(start + 8 * i);
    return values;
  },
  store: (into, value) => {
    into.attributes.extendedCommunities = value;
  },
  pick: (parts) => (parts.attributes.extendedCommunities?.length ? parts.attributes.extendedCommunities : undefined),
  encode(w, value) {
    for (const community of value) w.u64(community);
  },
};
