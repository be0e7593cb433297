/**
 * AIGP, RFC 7311: optional non-transitive, type 26, a list of TLVs (type 1 octet, length 2
 * octets counting the TLV's own 3-octet header, value); the AIGP TLV (type 1) holds the
 * accumulated IGP metric in 8 octets, so its length is 11.
 *
 * §3: each session has an AIGP_SESSION setting (CodecContext.aigp); where it is disabled the
 * attribute is neither sent nor accepted ("MUST be ... ignored", "MUST NOT be passed along").
 * §3.2 (error handling): a malformed AIGP is handled as "attribute discard": no TLV of type 1, a
 * type 1 TLV whose length is not 11, or a TLV running past the attribute. Only the first AIGP
 * TLV is kept ("all but the first MUST be ignored"); TLVs of other types are skipped, being
 * undefined by the RFC.
 */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, readU16, type AttributeCodec } from './attribute-codec';

/** The AIGP TLV (RFC 7311 §3): type 1, length 11 (3 of header, 8 of metric). */
const AIGP_TLV = 1;
const AIGP_TLV_LENGTH = 11;
const TLV_HEADER = 3;

export const aigp: AttributeCodec<bigint> = {
  code: AttrType.AIGP,
  name: 'AIGP',
  flags: AttrFlag.OPTIONAL,
  malformed: AttrAction.DISCARD,
  ignored: (ctx) => ctx.aigp === false,
  decode(buf, start, end) {
    let metric: bigint | undefined;
    for (let at = start; at < end; ) {
      if (end - at < TLV_HEADER) throw malformed(aigp, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `TLV header cut at ${at - start}`);
      const type = buf[at];
      const length = readU16(buf, at + 1);
      if (length < TLV_HEADER || at + length > end) throw malformed(aigp, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `TLV length ${length} at ${at - start}`);
      if (type === AIGP_TLV) {
        if (length !== AIGP_TLV_LENGTH) throw malformed(aigp, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `AIGP TLV length ${length} != 11`);
        metric ??= buf.readBigUInt64BE(at + TLV_HEADER);
      }
      at += length;
    }
    if (metric === undefined) throw malformed(aigp, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, 'no AIGP TLV');
    return metric;
  },
  store(into, value) {
    into.attributes.aigp = value;
  },
  pick(parts, ctx) {
    return ctx.aigp === false ? undefined : parts.attributes.aigp;
  },
  encode(w, value) {
    w.u8(AIGP_TLV).u16(AIGP_TLV_LENGTH);
    w.u32(Number(value >> 32n)).u32(Number(value & 0xffffffffn));
  },
};
