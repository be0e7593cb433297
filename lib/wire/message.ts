/**
 * Whole messages, header included: the dispatcher from a frame to the typed message of its
 * type, and back. Header checks follow RFC 4271 §6.1 (with RFC 8654 for lengths above 4096 and
 * RFC 7313 §5 for ROUTE-REFRESH); everything thrown is a BgpError, the NOTIFICATION to send.
 */
import {
  LENGTH_OFFSET,
  MARKER_BYTES,
  TYPE_OFFSET,
  badMessageLength,
  badMessageType,
  beginMessage,
  connectionNotSynchronized,
  endMessage,
  hasMarker,
} from './header';
import { HEADER_LENGTH, MARKER_LENGTH, MAX_EXTENDED_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH, MessageType } from './iana';
import { KEEPALIVE_BYTES, decodeKeepalive } from './keepalive';
import { decodeNotification, encodeNotificationBody } from './notification';
import { decodeOpen, encodeOpenBody } from './open';
import {
  ROUTE_REFRESH_BODY_LENGTH,
  decodeRouteRefresh,
  encodeRouteRefreshBody,
  routeRefreshLengthError,
} from './route-refresh';
import { DEFAULT_CONTEXT, type CodecContext, type Message } from './types';
import { decodeUpdate, encodeUpdateBody } from './update';
import { Writer } from './writer';

/** RFC 4271 §4.2-4.5 minimum lengths: OPEN 29, UPDATE 23, NOTIFICATION 21. */
const MIN_OPEN_LENGTH = 29;
const MIN_UPDATE_LENGTH = 23;
const MIN_NOTIFICATION_LENGTH = 21;

/**
 * Largest Length for a message type: 4096, or 65535 when RFC 8654 extended messages are
 * negotiated, except OPEN and KEEPALIVE which never exceed 4096 (RFC 8654 §4).
 */
export function maxMessageLength(type: number, ctx: CodecContext): number {
  if (!ctx.extendedMessage || type === MessageType.OPEN || type === MessageType.KEEPALIVE) return MAX_MESSAGE_LENGTH;
  return MAX_EXTENDED_MESSAGE_LENGTH;
}

/**
 * Decodes one whole message (as cut by the Framer). Throws BgpError only:
 * 1/1 bad Marker; 1/2 bad Length (data = the Length field) for a Length below 19, above the
 * maximum, not matching the frame, or below the type's minimum; 1/3 unknown type (data = the
 * Type octet); 7/1 or 1/2 for a ROUTE-REFRESH that is not 23 octets; and the body decoders' own.
 */
export function decodeMessage(frame: Buffer, ctx: CodecContext): Message {
  if (frame.length < HEADER_LENGTH) {
    for (let i = 0; i < Math.min(MARKER_LENGTH, frame.length); i++) {
      if (frame[i] !== 0xff) throw connectionNotSynchronized();
    }
    const length = frame.length >= TYPE_OFFSET ? frame.readUInt16BE(LENGTH_OFFSET) : frame.length;
    throw badMessageLength(length, 'message shorter than its 19-octet header');
  }
  if (!hasMarker(frame)) throw connectionNotSynchronized();
  const length = frame.readUInt16BE(LENGTH_OFFSET);
  if (length < HEADER_LENGTH) throw badMessageLength(length, 'message length below the 19-octet header');
  if (length !== frame.length) throw badMessageLength(length, `Length field does not match the ${frame.length} octets`);
  const type = frame[TYPE_OFFSET];
  if (length > maxMessageLength(type, ctx)) throw badMessageLength(length, 'message too long');
  switch (type) {
    case MessageType.OPEN:
      if (length < MIN_OPEN_LENGTH) throw badMessageLength(length, 'OPEN shorter than 29 octets');
      return decodeOpen(frame, HEADER_LENGTH, length);
    case MessageType.UPDATE:
      if (length < MIN_UPDATE_LENGTH) throw badMessageLength(length, 'UPDATE shorter than 23 octets');
      return decodeUpdate(frame, HEADER_LENGTH, length, ctx);
    case MessageType.NOTIFICATION:
      if (length < MIN_NOTIFICATION_LENGTH) throw badMessageLength(length, 'NOTIFICATION shorter than 21 octets');
      return decodeNotification(frame, HEADER_LENGTH, length);
    case MessageType.KEEPALIVE:
      return decodeKeepalive(frame, HEADER_LENGTH, length);
    case MessageType.ROUTE_REFRESH:
      if (length !== HEADER_LENGTH + ROUTE_REFRESH_BODY_LENGTH) throw routeRefreshLengthError(frame);
      return decodeRouteRefresh(frame, HEADER_LENGTH, length);
    default:
      throw badMessageType(type);
  }
}

/** One scratch writer for every encode; its allocation grows once and is reused. */
const scratch = new Writer(MAX_MESSAGE_LENGTH);

/**
 * Encodes a whole message (header included) into a new Buffer the caller may keep. KEEPALIVE
 * returns the shared precomputed bytes: never write into them. Throws a plain Error when the
 * message exceeds maxMessageLength (a bug or an oversized value of ours, not the peer's).
 */
export function encodeMessage(msg: Message, ctx: CodecContext): Buffer {
  if (msg.type === 'keepalive') return KEEPALIVE_BYTES;
  const w = scratch.reset();
  let type: number;
  let start: number;
  switch (msg.type) {
    case 'open':
      type = MessageType.OPEN;
      start = beginMessage(w, type);
      encodeOpenBody(w, msg);
      break;
    case 'update':
      type = MessageType.UPDATE;
      start = beginMessage(w, type);
      encodeUpdateBody(w, msg, ctx);
      break;
    case 'notification':
      type = MessageType.NOTIFICATION;
      start = beginMessage(w, type);
      encodeNotificationBody(w, msg);
      break;
    case 'route-refresh':
      type = MessageType.ROUTE_REFRESH;
      start = beginMessage(w, type);
      encodeRouteRefreshBody(w, msg);
      break;
  }
  endMessage(w, start, maxMessageLength(type, ctx));
  return w.toBuffer();
}

/**
 * Decodes a message given as hex, for `rxbgp decode`: spaces, newlines, ':' and a leading "0x"
 * are ignored, and when the first 16 octets are not all ones the Marker is prepended (so
 * "0013 04" is a KEEPALIVE). Throws a plain Error for text that is not hex, BgpError for a bad
 * message.
 */
export function decodeHexMessage(hex: string, ctx: CodecContext = DEFAULT_CONTEXT): Message {
  const clean = hex.replace(/[\s:]/g, '').replace(/^0x/i, '');
  const bad = clean.search(/[^0-9a-fA-F]/);
  if (bad !== -1) throw new Error(`not hex: unexpected "${clean[bad]}" at character ${bad + 1}`);
  if (clean.length === 0) throw new Error('not hex: no digits given');
  if (clean.length % 2 !== 0) throw new Error(`not hex: odd number of digits (${clean.length})`);
  const bytes = Buffer.from(clean, 'hex');
  const frame = bytes.length >= MARKER_LENGTH && hasMarker(bytes) ? bytes : Buffer.concat([MARKER_BYTES, bytes]);
  return decodeMessage(frame, ctx);
}
