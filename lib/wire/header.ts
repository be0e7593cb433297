/**
 * The 19-octet message header of RFC 4271 §4.1 (Marker, Length, Type) and the
 * header errors of §6.1. Shared by the framer, the message dispatcher and the
 * UPDATE packer, which writes several messages into one Writer.
 */
import { BgpError } from './errors';
import { ErrorCode, HeaderSubcode, MARKER_LENGTH, MAX_MESSAGE_LENGTH } from './iana';
import type { Writer } from './writer';

/** Offsets inside the header. */
export const LENGTH_OFFSET = MARKER_LENGTH;
export const TYPE_OFFSET = MARKER_LENGTH + 2;

/** RFC 4271 §4.1: the Marker "MUST be set to all ones". */
export const MARKER_BYTES: Buffer = Buffer.alloc(MARKER_LENGTH, 0xff);

/** True when the 16 octets at offset are all ones. */
export function hasMarker(buf: Uint8Array, offset = 0): boolean {
  for (let i = offset; i < offset + MARKER_LENGTH; i++) if (buf[i] !== 0xff) return false;
  return true;
}

/** RFC 4271 §6.1 "Connection Not Synchronized": the Marker is not all ones (no data). */
export function connectionNotSynchronized(): BgpError {
  return new BgpError(
    ErrorCode.MESSAGE_HEADER,
    HeaderSubcode.CONNECTION_NOT_SYNCHRONIZED,
    Buffer.alloc(0),
    'message header marker is not all ones',
  );
}

/** RFC 4271 §6.1 "Bad Message Length": the Data field holds the erroneous 2-octet Length field. */
export function badMessageLength(length: number, why = 'bad message length'): BgpError {
  const data = Buffer.allocUnsafe(2);
  data.writeUInt16BE(length & 0xffff, 0);
  return new BgpError(ErrorCode.MESSAGE_HEADER, HeaderSubcode.BAD_MESSAGE_LENGTH, data, `${why}: ${length}`);
}

/** RFC 4271 §6.1 "Bad Message Type": the Data field holds the erroneous Type field. */
export function badMessageType(type: number): BgpError {
  return new BgpError(
    ErrorCode.MESSAGE_HEADER,
    HeaderSubcode.BAD_MESSAGE_TYPE,
    Buffer.from([type]),
    `bad message type ${type}`,
  );
}

/**
 * Starts a message in `w`: Marker, a reserved Length and the Type.
 * Returns the message's start position for endMessage().
 */
export function beginMessage(w: Writer, type: number): number {
  const start = w.pos;
  w.bytes(MARKER_BYTES);
  w.reserve(2);
  w.u8(type);
  return start;
}

/**
 * Patches the Length of the message begun at `start` and returns it. Throws a plain Error
 * (a bug or an oversized value of ours, not a peer's fault) when it exceeds `maxLength`:
 * 4096 (RFC 4271 §4.1), or 65535 once RFC 8654 extended messages are negotiated.
 */
export function endMessage(w: Writer, start: number, maxLength: number = MAX_MESSAGE_LENGTH): number {
  const length = w.pos - start;
  if (length > maxLength) {
    throw new Error(`message of ${length} octets exceeds the maximum of ${maxLength}`);
  }
  w.patch(start + LENGTH_OFFSET, 2, length);
  return length;
}
