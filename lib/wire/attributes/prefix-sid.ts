/**
 * BGP Prefix-SID, RFC 8669: optional transitive, type 40, a list of TLVs (type 1 octet, length 2
 * octets counting the value only):
 * - Label-Index TLV (type 1, §3.1): reserved 1, flags 2, label index 4 => length 7;
 * - Originator SRGB TLV (type 3, §3.2): flags 2, then (base 3, range 3) pairs => length 2 + 6n, n >= 1;
 * - SRv6 L3 / L2 Service TLVs (types 5 and 6, RFC 9252 §2): prefix-sid-srv6.ts;
 * - any other type is kept raw and passed on.
 *
 * §6 (and RFC 9252 §6.3): a malformed Prefix-SID (a TLV length inconsistent with its type, a
 * TLV running past the attribute) is handled as "attribute discard", the route kept. A second
 * Label-Index or SRGB TLV is malformed too (§3.1, §3.2: "MUST NOT appear more than once").
 */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import type { PrefixSidTlv } from '../types';
import { malformed, readU16, readU32, type AttributeCodec } from './attribute-codec';
import { decodeSrv6Service, encodeSrv6Service } from './prefix-sid-srv6';

export const PrefixSidTlvType = {
  LABEL_INDEX: 1, // RFC 8669 §3.1
  ORIGINATOR_SRGB: 3, // RFC 8669 §3.2
  SRV6_L3_SERVICE: 5, // RFC 9252 §2
  SRV6_L2_SERVICE: 6, // RFC 9252 §2
} as const;

const LABEL_INDEX_LENGTH = 7;
const U24_MAX = 0xffffff;

export const prefixSid: AttributeCodec<PrefixSidTlv[]> = {
  code: AttrType.BGP_PREFIX_SID,
  name: 'BGP_PREFIX_SID',
  flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
  malformed: AttrAction.DISCARD,
  decode(buf, start, end) {
    const fail = (why: string): never => {
      throw malformed(prefixSid, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, why);
    };
    const tlvs: PrefixSidTlv[] = [];
    const seen = new Set<number>();
    for (let at = start; at < end; ) {
      if (end - at < 3) fail(`TLV header cut at ${at - start}`);
      const type = buf[at];
      const length = readU16(buf, at + 1);
      const valueStart = at + 3;
      const valueEnd = valueStart + length;
      if (valueEnd > end) fail(`TLV ${type} of length ${length} runs past the attribute`);
      if ((type === PrefixSidTlvType.LABEL_INDEX || type === PrefixSidTlvType.ORIGINATOR_SRGB) && seen.has(type)) fail(`TLV ${type} appears twice`);
      seen.add(type);
      switch (type) {
        case PrefixSidTlvType.LABEL_INDEX:
          if (length !== LABEL_INDEX_LENGTH) fail(`Label-Index TLV of length ${length} != 7`);
          tlvs.push({ type, labelIndex: readU32(buf, valueStart + 3) });
          break;
        case PrefixSidTlvType.ORIGINATOR_SRGB: {
          if (length < 8 || (length - 2) % 6 !== 0) fail(`Originator SRGB TLV of length ${length} is not 2 + 6n`);
          const srgbs: Array<[number, number]> = [];
          for (let p = valueStart + 2; p < valueEnd; p += 6) srgbs.push([readU24(buf, p), readU24(buf, p + 3)]);
          tlvs.push({ type, srgbs });
          break;
        }
        case PrefixSidTlvType.SRV6_L3_SERVICE:
        case PrefixSidTlvType.SRV6_L2_SERVICE:
          tlvs.push({ type, subTlvs: decodeSrv6Service(buf, valueStart, valueEnd, fail) });
          break;
        default:
          tlvs.push({ type, value: Buffer.from(buf.subarray(valueStart, valueEnd)) });
      }
      at = valueEnd;
    }
    return tlvs;
  },
  store(into, value) {
    into.attributes.prefixSid = value;
  },
  pick(parts) {
    const tlvs = parts.attributes.prefixSid;
    return tlvs && tlvs.length > 0 ? (tlvs as PrefixSidTlv[]) : undefined;
  },
  encode(w, tlvs) {
    for (const tlv of tlvs) {
      w.u8(tlv.type);
      const lengthAt = w.reserve(2);
      const valueStart = w.pos;
      if ('labelIndex' in tlv) {
        w.u8(0).u16(0).u32(tlv.labelIndex); // RESERVED, Flags (none defined: clear)
      } else if ('srgbs' in tlv) {
        w.u16(0); // Flags
        for (const [base, range] of tlv.srgbs) {
          if (base > U24_MAX || range > U24_MAX) throw new Error(`SRGB (${base}, ${range}) does not fit 24 bits`);
          w.u8(base >>> 16).u16(base & 0xffff).u8(range >>> 16).u16(range & 0xffff);
        }
      } else if ('subTlvs' in tlv) {
        encodeSrv6Service(w, tlv.subTlvs);
      } else {
        w.bytes(tlv.value);
      }
      w.patch(lengthAt, 2, w.pos - valueStart);
    }
  },
};

function readU24(buf: Buffer, at: number): number {
  return (buf[at] << 16) | (buf[at + 1] << 8) | buf[at + 2];
}
