/**
 * NEXT_HOP, RFC 4271 §5.1.3: well-known, mandatory when the classic NLRI field is used;
 * a 4-octet IPv4 address. Other families carry their next hop in MP_REACH_NLRI.
 */
import { formatIpv4, parseIpv4 } from '../address';
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, type AttributeCodec } from './attribute-codec';

export const nextHop: AttributeCodec<string> = {
  code: AttrType.NEXT_HOP,
  name: 'NEXT_HOP',
  flags: AttrFlag.TRANSITIVE,
  // RFC 7606 §7.3: a NEXT_HOP of the wrong length => treat-as-withdraw. Semantic checks
  // (is it one of our own addresses?) need the session's addresses and belong there.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  decode(buf, start, end) {
    if (end - start !== 4) throw malformed(nextHop, UpdateSubcode.ATTRIBUTE_LENGTH_ERROR, `length ${end - start} != 4`);
    return formatIpv4(buf, start);
  },
  store: (into, value) => {
    into.attributes.nextHop = value;
  },
  // The attribute wins; else the classic NLRI's own next hop, so callers can give it either way.
  pick: (parts) => parts.attributes.nextHop ?? parts.nlri?.nextHop[0],
  encode(w, value) {
    const address = parseIpv4(value);
    if (address === undefined) throw new Error(`NEXT_HOP "${value}" is not an IPv4 address`);
    w.u32(address);
  },
};
