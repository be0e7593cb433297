/**
 * NOTIFICATION message body (RFC 4271 §4.5): Error code, Error subcode, Data.
 * Cease / Administrative Shutdown and Administrative Reset may carry a shutdown communication
 * (RFC 8203, lengthened to 255 octets by RFC 9003): a 1-octet length, then UTF-8 text.
 */
import type { BgpError } from './errors';
import { badMessageLength } from './header';
import { CeaseSubcode, ErrorCode, HEADER_LENGTH, MAX_MESSAGE_LENGTH } from './iana';
import type { NotificationMessage } from './types';
import type { Writer } from './writer';

/** Error code and subcode. */
const FIXED_LENGTH = 2;

/** RFC 9003 §2: the shutdown communication is at most 255 octets of UTF-8. */
export const MAX_SHUTDOWN_COMMUNICATION = 255;

/** Strict UTF-8 that keeps a leading BOM, so decoded text re-encodes to the same bytes. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True for Cease subcodes that carry a shutdown communication (RFC 9003 §2). */
export function hasShutdownCommunication(code: number, subcode: number): boolean {
  return (
    code === ErrorCode.CEASE &&
    (subcode === CeaseSubcode.ADMINISTRATIVE_SHUTDOWN || subcode === CeaseSubcode.ADMINISTRATIVE_RESET)
  );
}

/**
 * Decodes a NOTIFICATION body in buf[start, end); the data is copied (it outlives the frame).
 * Throws BgpError 1/2 when the body is shorter than code and subcode (message below 21 octets).
 */
export function decodeNotification(buf: Buffer, start: number, end: number): NotificationMessage {
  if (end - start < FIXED_LENGTH) {
    throw badMessageLength(end - start + HEADER_LENGTH, 'NOTIFICATION shorter than 21 octets');
  }
  const code = buf[start];
  const subcode = buf[start + 1];
  const data = Buffer.from(buf.subarray(start + FIXED_LENGTH, end));
  const message: NotificationMessage = { type: 'notification', code, subcode, data };
  if (!hasShutdownCommunication(code, subcode)) return message;
  const shutdownMessage = parseShutdownCommunication(data);
  return shutdownMessage === undefined ? message : { ...message, shutdownMessage };
}

/**
 * The shutdown communication in a Cease 2/4 data field, or undefined when it is absent or
 * malformed (length past the data, or invalid UTF-8: RFC 9003 §4 says log it, do not fail).
 * Octets after the communication are ignored, as GoBGP does.
 */
export function parseShutdownCommunication(data: Buffer): string | undefined {
  if (data.length === 0) return undefined;
  const length = data[0];
  if (1 + length > data.length) return undefined;
  try {
    return utf8.decode(data.subarray(1, 1 + length));
  } catch {
    return undefined;
  }
}

/**
 * Data field for Cease 2/4 carrying `text` (RFC 9003 §2): 1-octet length + UTF-8, cut to 255
 * octets on a character boundary.
 */
export function shutdownCommunicationData(text: string): Buffer {
  let bytes = Buffer.from(text, 'utf8');
  if (bytes.length > MAX_SHUTDOWN_COMMUNICATION) {
    let cut = MAX_SHUTDOWN_COMMUNICATION;
    while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--; // never split a UTF-8 sequence
    bytes = bytes.subarray(0, cut);
  }
  const data = Buffer.allocUnsafe(1 + bytes.length);
  data[0] = bytes.length;
  bytes.copy(data, 1);
  return data;
}

/**
 * Writes a NOTIFICATION body. `data` is sent as is; when it is empty and a shutdownMessage is
 * given for Cease 2/4, the data is built from it (RFC 9003).
 */
export function encodeNotificationBody(w: Writer, msg: NotificationMessage): void {
  w.u8(msg.code).u8(msg.subcode);
  if (msg.data.length === 0 && msg.shutdownMessage !== undefined && hasShutdownCommunication(msg.code, msg.subcode)) {
    w.bytes(shutdownCommunicationData(msg.shutdownMessage));
  } else {
    w.bytes(msg.data);
  }
}

/** A Cease NOTIFICATION (RFC 4486), with a shutdown communication for subcodes 2 and 4. */
export function ceaseNotification(subcode: number, shutdownMessage?: string): NotificationMessage {
  if (shutdownMessage === undefined || !hasShutdownCommunication(ErrorCode.CEASE, subcode)) {
    return { type: 'notification', code: ErrorCode.CEASE, subcode, data: Buffer.alloc(0) };
  }
  const data = shutdownCommunicationData(shutdownMessage);
  return {
    type: 'notification',
    code: ErrorCode.CEASE,
    subcode,
    data,
    shutdownMessage: parseShutdownCommunication(data),
  };
}

/**
 * The NOTIFICATION to send for a codec error ("the error you raise is the NOTIFICATION you
 * send"). The data is cut so the message fits `maxLength` (RFC 8654 §5: 4096 unless the peer
 * advertised extended messages).
 */
export function notificationFromError(e: BgpError, maxLength: number = MAX_MESSAGE_LENGTH): NotificationMessage {
  const room = maxLength - HEADER_LENGTH - FIXED_LENGTH;
  const data = e.data.length > room ? e.data.subarray(0, room) : e.data;
  return { type: 'notification', code: e.code, subcode: e.subcode, data };
}

/** RFC names of error codes (RFC 4271 §4.5, RFC 6608, RFC 7313) and their subcodes (IANA). */
const NAMES: Record<number, { readonly name: string; readonly subcodes: Record<number, string> }> = {
  [ErrorCode.MESSAGE_HEADER]: {
    name: 'Message Header Error',
    subcodes: {
      0: 'Unspecific',
      1: 'Connection Not Synchronized',
      2: 'Bad Message Length',
      3: 'Bad Message Type',
    },
  },
  [ErrorCode.OPEN_MESSAGE]: {
    name: 'OPEN Message Error',
    subcodes: {
      0: 'Unspecific',
      1: 'Unsupported Version Number',
      2: 'Bad Peer AS',
      3: 'Bad BGP Identifier',
      4: 'Unsupported Optional Parameter',
      5: 'Authentication Failure (deprecated)',
      6: 'Unacceptable Hold Time',
      7: 'Unsupported Capability',
      11: 'Role Mismatch',
    },
  },
  [ErrorCode.UPDATE_MESSAGE]: {
    name: 'UPDATE Message Error',
    subcodes: {
      0: 'Unspecific',
      1: 'Malformed Attribute List',
      2: 'Unrecognized Well-known Attribute',
      3: 'Missing Well-known Attribute',
      4: 'Attribute Flags Error',
      5: 'Attribute Length Error',
      6: 'Invalid ORIGIN Attribute',
      7: 'AS Routing Loop (deprecated)',
      8: 'Invalid NEXT_HOP Attribute',
      9: 'Optional Attribute Error',
      10: 'Invalid Network Field',
      11: 'Malformed AS_PATH',
    },
  },
  [ErrorCode.HOLD_TIMER_EXPIRED]: { name: 'Hold Timer Expired', subcodes: {} },
  [ErrorCode.FSM]: {
    name: 'Finite State Machine Error',
    subcodes: {
      0: 'Unspecified Error',
      1: 'Receive Unexpected Message in OpenSent State',
      2: 'Receive Unexpected Message in OpenConfirm State',
      3: 'Receive Unexpected Message in Established State',
    },
  },
  [ErrorCode.CEASE]: {
    name: 'Cease',
    subcodes: {
      1: 'Maximum Number of Prefixes Reached',
      2: 'Administrative Shutdown',
      3: 'Peer De-configured',
      4: 'Administrative Reset',
      5: 'Connection Rejected',
      6: 'Other Configuration Change',
      7: 'Connection Collision Resolution',
      8: 'Out of Resources',
      9: 'Hard Reset',
      10: 'BFD Down',
    },
  },
  [ErrorCode.ROUTE_REFRESH]: {
    name: 'ROUTE-REFRESH Message Error',
    subcodes: { 1: 'Invalid Message Length' },
  },
};

/**
 * "Cease / Administrative Shutdown", "UPDATE Message Error / Malformed AS_PATH", "Hold Timer
 * Expired" (subcode 0 of a code without subcodes): for logs and JSON.
 */
export function notificationText(code: number, subcode: number): string {
  const entry = NAMES[code];
  if (!entry) return `Unknown error code ${code} / subcode ${subcode}`;
  const sub = entry.subcodes[subcode];
  if (sub !== undefined) return `${entry.name} / ${sub}`;
  return subcode === 0 ? entry.name : `${entry.name} / Unknown subcode ${subcode}`;
}

/** How many octets of a NOTIFICATION's data a log line shows (an UPDATE error may echo a whole attribute). */
const DESCRIBED_DATA_OCTETS = 32;

/**
 * One NOTIFICATION for a log line: its code names, then its data in hex, or for Cease 2/4 the
 * shutdown communication (RFC 9003 §2), quoted with control characters escaped (RFC 9003 §5:
 * the text comes from the peer). "OPEN Message Error / Bad Peer AS (data 0000fde9)".
 */
export function describeNotification(m: Pick<NotificationMessage, 'code' | 'subcode' | 'data' | 'shutdownMessage'>): string {
  const names = notificationText(m.code, m.subcode);
  if (m.shutdownMessage !== undefined && hasShutdownCommunication(m.code, m.subcode)) return `${names}: ${JSON.stringify(m.shutdownMessage)}`;
  if (m.data.length === 0) return names;
  if (m.data.length <= DESCRIBED_DATA_OCTETS) return `${names} (data ${m.data.toString('hex')})`;
  return `${names} (data ${m.data.subarray(0, DESCRIBED_DATA_OCTETS).toString('hex')}… ${m.data.length} octets)`;
}
