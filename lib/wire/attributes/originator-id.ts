/** ORIGINATOR_ID, RFC 4456 §8: optional non-transitive, the BGP Identifier of the route's originator. */
import { formatIpv4, parseIpv4 } from '../address';
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, type AttributeCodec } from './attribute-codec';

export const originatorId: AttributeCodec<string> = {
  code: AttrType.ORIGINATOR_ID,
  name: 'ORIGINATOR_ID',
  flags: AttrFlag.OPTIONAL,
  // RFC 7606 §7.9: length other than 4 => treat-as-withdraw.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  decode(buf, start, end) {
    if (end - start !== 4) throw malformed(originatorId, UpdateSubcode.ATTRIBUTE_LENGTH_ERROR, `length ${end - start} != 4`);
    return formatIpv4(buf, start);
  },
  store: (into, value) => {
    into.attributes.originatorId = value;
  },
  pick: (parts) => parts.attributes.originatorId,
  encode(w, value) {
    const id = parseIpv4(value);
    if (id === undefined) throw new Error(`ORIGINATOR_ID "${value}" is not a dotted quad`);
    w.u32(id);
  },
};
