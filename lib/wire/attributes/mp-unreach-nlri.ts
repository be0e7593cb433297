/**
 * MP_UNREACH_NLRI, RFC 4760 §4: optional non-transitive.
 *   AFI (2) | SAFI (1) | Withdrawn Routes (NLRI of that family)
 * With no routes it is the End-of-RIB marker of its family (RFC 4724 §2).
 */
import { AttrAction, AttrError } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { encodeNlriRun, nlriCodec } from '../nlri';
import { familyKey, type NlriList } from '../types';
import { malformed, readU16, type AttributeCodec } from './attribute-codec';
import { familyCodec, mpFlag } from './mp-reach-nlri';

export const mpUnreachNlri: AttributeCodec<NlriList> = {
  code: AttrType.MP_UNREACH_NLRI,
  name: 'MP_UNREACH_NLRI',
  flags: AttrFlag.OPTIONAL,
  // RFC 7606 §7.12: as MP_REACH_NLRI, "AFI/SAFI disable" or session reset; we reset.
  malformed: AttrAction.SESSION_RESET,

  decode(buf, start, end, ctx) {
    if (end - start < 3) throw malformed(mpUnreachNlri, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, 'too short for AFI and SAFI');
    const afi = readU16(buf, start);
    const safi = buf[start + 2];
    const codec = nlriCodec(afi, safi, ctx);
    if (!codec) {
      // Without a codec only the empty form (End-of-RIB) can be read; see mp-reach-nlri.ts.
      if (start + 3 < end) {
        throw new AttrError(AttrType.MP_UNREACH_NLRI, AttrAction.DISCARD, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, undefined, `MP_UNREACH_NLRI: no codec for AFI ${afi} / SAFI ${safi}`);
      }
      return { afi, safi, prefixes: [] };
    }
    return codec.decodeField({ afi, safi, ...mpFlag(afi, safi) }, buf, start + 3, end, ctx.addPath.has(familyKey(afi, safi)));
  },
  store: (into, value) => {
    into.mpUnreach = value;
  },
  pick: (parts) => parts.mpUnreach,
  encode(w, value, ctx) {
    w.u16(value.afi).u8(value.safi);
    // An empty list needs no codec: that is how End-of-RIB of any family is written.
    if (value.prefixes.length === 0) return;
    const codec = familyCodec(value.afi, value.safi, ctx);
    encodeNlriRun(w, codec, value, ctx.addPath.has(familyKey(value.afi, value.safi)), 0, codec.count(value), true);
  },
};
