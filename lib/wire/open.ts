/**
 * OPEN message body (RFC 4271 §4.2): Version, My Autonomous System, Hold Time, BGP Identifier,
 * Optional Parameters. Capabilities travel in optional parameter 2 (RFC 5492); RFC 9072 lets the
 * parameters grow past 255 octets.
 *
 * The decoder checks syntax only. What depends on configuration or on the other connection
 * (Bad Peer AS, Unacceptable Hold Time 1-2 s, Bad BGP Identifier, Unsupported Optional
 * Parameter for otherParams, Unsupported Capability) is the FSM's OPEN negotiation.
 */
import { decodeCapabilities, encodeCapabilities } from './capabilities';
import { BgpError } from './errors';
import { badMessageLength } from './header';
import { AS_TRANS, BGP_VERSION, ErrorCode, HEADER_LENGTH, OpenSubcode, OptParamType } from './iana';
import { formatIpv4, parseIpv4 } from './address';
import type { Capability, OpenMessage } from './types';
import type { Writer } from './writer';

/** Version, My AS, Hold Time, BGP Identifier, Opt Parm Len. */
const FIXED_LENGTH = 10;

/**
 * Decodes an OPEN body in buf[start, end). Throws BgpError:
 * - 2/1 Unsupported Version Number, data = 2-octet 4 (RFC 4271 §6.2: the largest version we
 *   support below the peer's bid, or our smallest if that is above it; both are 4);
 * - 2/0 Unspecific when the optional parameters or a capability TLV overrun their length
 *   (RFC 4271 §6.2: "recognized, but is malformed");
 * - 1/2 Bad Message Length when the body is shorter than its 10 fixed octets.
 * Bytes after the optional parameters are ignored, as BIRD and GoBGP do.
 */
export function decodeOpen(buf: Buffer, start: number, end: number): OpenMessage {
  if (end - start < FIXED_LENGTH) throw badMessageLength(end - start + HEADER_LENGTH, 'OPEN shorter than 29 octets');
  const version = buf[start];
  if (version !== BGP_VERSION) {
    throw new BgpError(
      ErrorCode.OPEN_MESSAGE,
      OpenSubcode.UNSUPPORTED_VERSION_NUMBER,
      Buffer.from([0, BGP_VERSION]),
      `unsupported BGP version ${version}`,
    );
  }
  const myAs = (buf[start + 1] << 8) | buf[start + 2];
  const holdTime = (buf[start + 3] << 8) | buf[start + 4];
  const bgpId = formatIpv4(buf, start + 5);
  const nonExtLength = buf[start + 9];
  let pos = start + FIXED_LENGTH;
  let paramsEnd = pos + nonExtLength;
  // RFC 9072 §2: a non-zero Non-Ext OP Len followed by the type 255 selects the extended
  // encoding (2-octet lengths); the Non-Ext OP Len is then ignored (§3: even when not 255).
  const extended = nonExtLength !== 0 && pos < end && buf[pos] === OptParamType.EXTENDED_LENGTH;
  if (extended) {
    if (end - pos < 3) throw malformed('extended optional parameters length is cut short');
    paramsEnd = pos + 3 + ((buf[pos + 1] << 8) | buf[pos + 2]);
    pos += 3;
  }
  if (paramsEnd > end) throw malformed('optional parameters overrun the message');
  const headerLength = extended ? 3 : 2;
  const capabilities: Capability[] = [];
  const otherParams: Array<{ type: number; value: Buffer }> = [];
  while (pos < paramsEnd) {
    if (paramsEnd - pos < headerLength) throw malformed('optional parameter header overruns the parameters');
    const type = buf[pos];
    const valueStart = pos + headerLength;
    const valueEnd = valueStart + (extended ? (buf[pos + 1] << 8) | buf[pos + 2] : buf[pos + 1]);
    if (valueEnd > paramsEnd) throw malformed(`optional parameter ${type} overruns the parameters`);
    // RFC 5492 §4: several Capabilities parameters are read as one list.
    if (type === OptParamType.CAPABILITIES) decodeCapabilities(buf, valueStart, valueEnd, capabilities);
    else otherParams.push({ type, value: Buffer.from(buf.subarray(valueStart, valueEnd)) });
    pos = valueEnd;
  }
  const open: OpenMessage = { type: 'open', version, myAs, holdTime, bgpId, capabilities };
  return otherParams.length > 0 ? { ...open, otherParams } : open;
}

/**
 * Writes an OPEN body. All capabilities go in ONE Capabilities parameter (RFC 5492 §4 SHOULD,
 * as BIRD and GoBGP do), then each of otherParams. The RFC 9072 extended encoding is used only
 * when the parameters do not fit the RFC 4271 one (§2: "SHOULD be used without alteration").
 * Throws a plain Error for values the fields cannot hold.
 */
export function encodeOpenBody(w: Writer, msg: OpenMessage): void {
  if (msg.myAs > 0xffff) throw new Error(`My Autonomous System ${msg.myAs} needs AS_TRANS (${AS_TRANS}) in OPEN`);
  if (msg.holdTime > 0xffff) throw new Error(`hold time ${msg.holdTime} exceeds 65535`);
  const bgpId = parseIpv4(msg.bgpId);
  if (bgpId === undefined) throw new Error(`BGP Identifier "${msg.bgpId}" is not a dotted quad`);
  for (const p of msg.otherParams ?? []) {
    if (p.type === OptParamType.CAPABILITIES || p.type === OptParamType.EXTENDED_LENGTH) {
      // Type 2 would decode as capabilities; RFC 9072 §3: 255 "MUST NOT be used other than" as the marker.
      throw new Error(`optional parameter type ${p.type} cannot be sent as an opaque parameter`);
    }
  }
  w.u8(msg.version).u16(msg.myAs).u16(msg.holdTime).u32(bgpId);
  const mark = w.pos;
  if (!writeParameters(w, msg, false)) {
    w.pos = mark;
    writeParameters(w, msg, true);
  }
}

/**
 * Writes Opt Parm Len and the parameters, in the RFC 4271 form or the RFC 9072 extended one.
 * Returns false, having written garbage past the mark, when the RFC 4271 form cannot hold them.
 */
function writeParameters(w: Writer, msg: OpenMessage, extended: boolean): boolean {
  const lengthSize = extended ? 2 : 1;
  const max = extended ? 0xffff : 0xff;
  // RFC 9072 §2: Non-Ext OP Len SHOULD be 255 and Non-Ext OP Type MUST be 255.
  if (extended) w.u8(OptParamType.EXTENDED_LENGTH).u8(OptParamType.EXTENDED_LENGTH);
  const totalAt = w.reserve(lengthSize);
  const start = w.pos;
  const parameter = (type: number, writeValue: () => void): boolean => {
    w.u8(type);
    const lengthAt = w.reserve(lengthSize);
    const valueStart = w.pos;
    writeValue();
    const length = w.pos - valueStart;
    if (length > max) {
      if (!extended) return false;
      throw new Error(`optional parameter ${type} of ${length} octets exceeds 65535`);
    }
    w.patch(lengthAt, lengthSize, length);
    return true;
  };
  if (msg.capabilities.length > 0) {
    if (!parameter(OptParamType.CAPABILITIES, () => encodeCapabilities(w, msg.capabilities))) return false;
  }
  for (const p of msg.otherParams ?? []) {
    if (!parameter(p.type, () => w.bytes(p.value))) return false;
  }
  const total = w.pos - start;
  if (total > max) {
    if (!extended) return false;
    throw new Error(`optional parameters of ${total} octets exceed 65535`);
  }
  w.patch(totalAt, lengthSize, total);
  return true;
}

/**
 * The peer's real AS: the 4-octet AS capability's value when present (RFC 6793 §4.1: "in lieu of"
 * My Autonomous System), else My Autonomous System.
 */
export function asnFromOpen(msg: OpenMessage): number {
  for (const cap of msg.capabilities) if (cap.kind === 'asn4') return cap.asn;
  return msg.myAs;
}

function malformed(why: string): BgpError {
  return new BgpError(ErrorCode.OPEN_MESSAGE, OpenSubcode.UNSPECIFIC, Buffer.alloc(0), why);
}
