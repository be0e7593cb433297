/**
 * Finds MP_REACH_NLRI (14) and MP_UNREACH_NLRI (15) in a whole UPDATE message (RFC 4271 §4.3,
 * RFC 4760 §3-§4), so FlowSpec NLRI can be tested on the bytes real speakers sent. Test-only:
 * lib/wire has no FlowSpec family codec yet (the family layer will register one).
 */
export interface MpField {
  readonly afi: number;
  readonly safi: number;
  /** Next hop octets (MP_REACH only). */
  readonly nextHop?: Buffer;
  /** The NLRI field is buf[start, end). */
  readonly start: number;
  readonly end: number;
}

export interface UpdateMpFields {
  readonly buf: Buffer;
  readonly reach?: MpField;
  readonly unreach?: MpField;
}

export function mpFields(message: Buffer): UpdateMpFields {
  const buf = message;
  let at = 19;
  const withdrawnLength = buf.readUInt16BE(at);
  at += 2 + withdrawnLength;
  const attributesLength = buf.readUInt16BE(at);
  at += 2;
  const end = at + attributesLength;
  const out: { buf: Buffer; reach?: MpField; unreach?: MpField } = { buf };
  while (at < end) {
    const flags = buf[at];
    const type = buf[at + 1];
    const extended = (flags & 0x10) !== 0;
    const length = extended ? buf.readUInt16BE(at + 2) : buf[at + 2];
    const value = at + (extended ? 4 : 3);
    const valueEnd = value + length;
    if (type === 14) {
      const nextHopLength = buf[value + 3];
      const nlri = value + 4 + nextHopLength + 1;
      out.reach = {
        afi: buf.readUInt16BE(value),
        safi: buf[value + 2],
        nextHop: buf.subarray(value + 4, value + 4 + nextHopLength),
        start: nlri,
        end: valueEnd,
      };
    } else if (type === 15) {
      out.unreach = { afi: buf.readUInt16BE(value), safi: buf[value + 2], start: value + 3, end: valueEnd };
    }
    at = valueEnd;
  }
  return out;
}
