/**
 * RFC 9252 §2-3: the value of an SRv6 Service TLV (L3 type 5, L2 type 6) of the BGP Prefix-SID
 * attribute: one reserved octet, then SRv6 Service Sub-TLVs (type 1 octet, length 2 octets of
 * value). Sub-TLV 1 is the SRv6 SID Information (§3.1: reserved, 16-octet SID, flags, 2-octet
 * endpoint behavior, reserved, then Service Data Sub-Sub-TLVs); its sub-sub-TLV 1 is the SID
 * Structure (§3.2.1: six one-octet bit lengths). Unknown sub- and sub-sub-TLVs are kept raw.
 * A length that runs past its container throws `Malformed` (the caller's RFC 7606 action).
 */
import { formatIpv6, parseIpv6 } from '../address';
import type { Srv6DataSubSubTlv, Srv6ServiceSubTlv } from '../types';
import type { Writer } from '../writer';
import { readU16 } from './attribute-codec';

const SID_INFORMATION = 1;
const SID_STRUCTURE = 1;
/** §3.1: reserved 1 + SID 16 + flags 1 + behavior 2 + reserved 1. */
const SID_INFORMATION_FIXED = 21;
const SID_STRUCTURE_LENGTH = 6;

/** Reads an SRv6 Service TLV value buf[start, end); `fail` throws the attribute's error. */
export function decodeSrv6Service(buf: Buffer, start: number, end: number, fail: (why: string) => never): Srv6ServiceSubTlv[] {
  if (end - start < 1) fail('SRv6 Service TLV without its reserved octet');
  const out: Srv6ServiceSubTlv[] = [];
  for (let at = start + 1; at < end; ) {
    if (end - at < 3) fail('SRv6 Service Sub-TLV header cut');
    const type = buf[at];
    const length = readU16(buf, at + 1);
    const valueStart = at + 3;
    const valueEnd = valueStart + length;
    if (valueEnd > end) fail(`SRv6 Service Sub-TLV ${type} of length ${length} runs past its TLV`);
    if (type === SID_INFORMATION) {
      if (length < SID_INFORMATION_FIXED) fail(`SRv6 SID Information Sub-TLV of length ${length} < 21`);
      out.push({
        type: SID_INFORMATION,
        sid: formatIpv6(buf, valueStart + 1),
        flags: buf[valueStart + 17],
        behavior: readU16(buf, valueStart + 18),
        subSubTlvs: decodeSubSubTlvs(buf, valueStart + SID_INFORMATION_FIXED, valueEnd, fail),
      });
    } else {
      out.push({ type, value: Buffer.from(buf.subarray(valueStart, valueEnd)) });
    }
    at = valueEnd;
  }
  return out;
}

function decodeSubSubTlvs(buf: Buffer, start: number, end: number, fail: (why: string) => never): Srv6DataSubSubTlv[] {
  const out: Srv6DataSubSubTlv[] = [];
  for (let at = start; at < end; ) {
    if (end - at < 3) fail('SRv6 Service Data Sub-Sub-TLV header cut');
    const type = buf[at];
    const length = readU16(buf, at + 1);
    const valueStart = at + 3;
    if (valueStart + length > end) fail(`SRv6 Service Data Sub-Sub-TLV ${type} of length ${length} runs past its Sub-TLV`);
    if (type === SID_STRUCTURE) {
      if (length !== SID_STRUCTURE_LENGTH) fail(`SRv6 SID Structure Sub-Sub-TLV of length ${length} != 6`);
      const b = buf;
      const v = valueStart;
      out.push({ type: SID_STRUCTURE, structure: [b[v], b[v + 1], b[v + 2], b[v + 3], b[v + 4], b[v + 5]] });
    } else {
      out.push({ type, value: Buffer.from(buf.subarray(valueStart, valueStart + length)) });
    }
    at = valueStart + length;
  }
  return out;
}

/** Writes an SRv6 Service TLV value (reserved octet and sub-TLVs); the caller writes the TLV header. */
export function encodeSrv6Service(w: Writer, subTlvs: readonly Srv6ServiceSubTlv[]): void {
  w.u8(0); // RESERVED
  for (const sub of subTlvs) {
    w.u8(sub.type);
    const lengthAt = w.reserve(2);
    const valueStart = w.pos;
    if ('sid' in sub) {
      const sid = parseIpv6(sub.sid);
      if (!sid) throw new Error(`SRv6 SID ${sub.sid} is not an IPv6 address`);
      w.u8(0).bytes(sid).u8(sub.flags).u16(sub.behavior).u8(0);
      for (const subSub of sub.subSubTlvs) {
        if ('structure' in subSub) {
          w.u8(SID_STRUCTURE).u16(SID_STRUCTURE_LENGTH);
          for (const bits of subSub.structure) w.u8(bits);
        } else {
          w.u8(subSub.type).u16(subSub.value.length).bytes(subSub.value);
        }
      }
    } else {
      w.bytes(sub.value);
    }
    w.patch(lengthAt, 2, w.pos - valueStart);
  }
}
