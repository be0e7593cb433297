/**
 * AS_PATH, RFC 4271 §5.1.2: well-known mandatory. ASes are 4 octets when both sides
 * negotiated the 4-octet AS capability, else 2 (RFC 6793 §4); the 2-octet form of a large AS
 * is AS_TRANS, with the real path in AS4_PATH (as4-path.ts).
 */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType } from '../iana';
import type { AsPathSegment } from '../types';
import type { AttributeCodec } from './attribute-codec';
import { decodeSegments, encodeSegments } from './as-path-segments';

export const asPath: AttributeCodec<readonly AsPathSegment[]> = {
  code: AttrType.AS_PATH,
  name: 'AS_PATH',
  flags: AttrFlag.TRANSITIVE,
  // RFC 7606 §7.2: a malformed AS_PATH => treat-as-withdraw.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  // An empty AS_PATH is valid: a route originated inside the AS (RFC 4271 §5.1.2).
  decode: (buf, start, end, ctx) => decodeSegments(asPath, buf, start, end, ctx.asn4 ? 4 : 2),
  store: (into, value) => {
    into.attributes.asPath = value;
  },
  pick: (parts) => parts.attributes.asPath,
  encode: (w, value, ctx) => encodeSegments(w, value, ctx.asn4 ? 4 : 2),
};
