/** LARGE_COMMUNITIES, RFC 8092: optional transitive list of 12-octet <global admin, local 1, local 2>. */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, readU32, type AttributeCodec } from './attribute-codec';

type LargeCommunity = readonly [number, number, number];

export const largeCommunities: AttributeCodec<readonly LargeCommunity[]> = {
  code: AttrType.LARGE_COMMUNITIES,
  name: 'LARGE_COMMUNITIES',
  flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
  // RFC 8092 §6: length not a non-zero multiple of 12 => treat-as-withdraw.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  decode(buf, start, end) {
    const length = end - start;
    if (length === 0 || length % 12 !== 0) {
      throw malformed(largeCommunities, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `length ${length} is not a non-zero multiple of 12`);
    }
    const values = new Array<LargeCommunity>(length / 12);
    for (let i = 0, at = start; i < values.length; i++, at += 12) {
      values[i] = [readU32(buf, at), readU32(buf, at + 4), readU32(buf, at + 8)];
    }
    return values;
  },
  store: (into, value) => {
    into.attributes.largeCommunities = value;
  },
  pick: (parts) => (parts.attributes.largeCommunities?.length ? parts.attributes.largeCommunities : undefined),
  encode(w, value) {
    for (const [global, local1, local2] of value) w.u32(global).u32(local1).u32(local2);
  },
};
