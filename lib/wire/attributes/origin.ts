/** ORIGIN, RFC 4271 §5.1.1: well-known mandatory, one octet (IGP 0, EGP 1, INCOMPLETE 2). */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, type AttributeCodec } from './attribute-codec';

export const origin: AttributeCodec<number> = {
  code: AttrType.ORIGIN,
  name: 'ORIGIN',
  flags: AttrFlag.TRANSITIVE,
  // RFC 7606 §7.1: wrong length or undefined value => treat-as-withdraw.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  decode(buf, start, end) {
    if (end - start !== 1) throw malformed(origin, UpdateSubcode.ATTRIBUTE_LENGTH_ERROR, `length ${end - start} != 1`);
    const value = buf[start];
    if (value > 2) throw malformed(origin, UpdateSubcode.INVALID_ORIGIN_ATTRIBUTE, `undefined value ${value}`);
    return value;
  },
  store: (into, value) => {
    into.attributes.origin = value;
  },
  pick: (parts) => parts.attributes.origin,
  encode(w, value) {
    w.u8(value);
  },
};
