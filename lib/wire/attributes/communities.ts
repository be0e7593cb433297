/** COMMUNITIES, RFC 1997: optional transitive list of 4-octet values (AS << 16 | value). */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, readU32, type AttributeCodec } from './attribute-codec';

export const communities: AttributeCodec<readonly number[]> = {
  code: AttrType.COMMUNITIES,
  name: 'COMMUNITIES',
  flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
  // RFC 7606 §7.8: length 0 or not a multiple of 4 => treat-as-withdraw.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  decode(buf, start, end) {
    const length = end - start;
    if (length === 0 || length % 4 !== 0) {
      throw malformed(communities, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `length ${length} is not a non-zero multiple of 4`);
    }
    const values = new Array<number>(length / 4);
    for (let i = 0; i < values.length; i++) values[i] = readU32(buf, start + 4 * i);
    return values;
  },
  store: (into, value) => {
    into.attributes.communities = value;
  },
  // An empty list cannot be sent (it would be malformed), so it means "no attribute".
  pick: (parts) => (parts.attributes.communities?.length ? parts.attributes.communities : undefined),
  encode(w, value) {
    for (const community of value) w.u32(community);
  },
};
