/**
 * AS4_PATH, RFC 6793 §3: optional transitive, the AS path with 4-octet ASes, sent alongside
 * a 2-octet AS_PATH when the path holds ASes above 65535. Decoded as received; merged into
 * asPath by as4-merge.ts on 2-octet sessions.
 */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import type { AsPathSegment } from '../types';
import { malformed, type AttributeCodec } from './attribute-codec';
import { decodeSegments, encodeSegments, hasFourOctetAs, isConfedSegment } from './as-path-segments';

export const as4Path: AttributeCodec<readonly AsPathSegment[]> = {
  code: AttrType.AS4_PATH,
  name: 'AS4_PATH',
  flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
  // RFC 6793 §6 (and RFC 7606 §7 by reference): a malformed AS4_PATH => attribute discard.
  malformed: AttrAction.DISCARD,

  decode(buf, start, end) {
    if (end === start) throw malformed(as4Path, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, 'empty (RFC 7606 §4: only AS_PATH may be empty)');
    return decodeSegments(as4Path, buf, start, end, 4);
  },
  store: (into, value) => {
    into.attributes.as4Path = value;
  },
  pick(parts, ctx) {
    const { asPath, as4Path: given } = parts.attributes;
    // RFC 6793 §4.2.2: towards a 2-octet peer, a path with ASes above 65535 MUST travel with
    // an AS4_PATH holding the whole path but its confederation segments. Generating it here
    // (rather than trusting a received one) keeps it right after policy rewrote asPath.
    if (!ctx.asn4 && asPath && hasFourOctetAs(asPath)) {
      const path = asPath.filter((segment) => !isConfedSegment(segment));
      return path.length > 0 ? path : undefined;
    }
    // Otherwise pass on what was received, if anything (transitive attribute).
    return given?.length ? given : undefined;
  },
  encode: (w, value) => encodeSegments(w, value, 4),
};
