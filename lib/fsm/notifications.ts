/**
 * The NOTIFICATION messages the FSM itself decides to send (RFC 4271 §4.5, §6).
 * Everything else the FSM sends comes from a BgpError raised by the codec or by OPEN negotiation.
 */
import type { BgpError } from '../wire/errors';
import { CeaseSubcode, ErrorCode, FsmSubcode } from '../wire/iana';
import type { NotificationMessage } from '../wire/types';
import type { State } from './types';

const EMPTY = Buffer.alloc(0);

/** RFC 9003 §2: the shutdown communication is at most 255 octets of UTF-8. */
const MAX_SHUTDOWN_MESSAGE = 255;

export function notification(code: number, subcode: number, data: Buffer = EMPTY): NotificationMessage {
  return { type: 'notification', code, subcode, data };
}

export function notificationOf(error: BgpError): NotificationMessage {
  return notification(error.code, error.subcode, error.data);
}

/** RFC 4271 §6.5: Hold Timer Expired, no subcode. */
export const HOLD_TIMER_EXPIRED: NotificationMessage = notification(ErrorCode.HOLD_TIMER_EXPIRED, 0);

/** RFC 4271 §8.2.2 AutomaticStop without a reason: "sends the NOTIFICATION with a Cease" (no RFC 4486 subcode). */
export const CEASE: NotificationMessage = notification(ErrorCode.CEASE, 0);

/** RFC 4486 §4 / RFC 4271 §6.8: the connection lost the collision resolution. */
export const CEASE_COLLISION: NotificationMessage = notification(
  ErrorCode.CEASE,
  CeaseSubcode.CONNECTION_COLLISION_RESOLUTION,
);

/**
 * Cease / Administrative Shutdown (RFC 4486), with the RFC 8203 / RFC 9003 shutdown communication:
 * one length octet then UTF-8, cut to 255 octets on a character boundary.
 */
export function administrativeShutdown(shutdownMessage?: string): NotificationMessage {
  if (shutdownMessage === undefined) return notification(ErrorCode.CEASE, CeaseSubcode.ADMINISTRATIVE_SHUTDOWN);
  const utf8 = Buffer.from(shutdownMessage, 'utf8');
  let length = Math.min(utf8.length, MAX_SHUTDOWN_MESSAGE);
  // Never cut inside a multi-byte character: back up to the start of the one that would be split.
  if (length < utf8.length) while (length > 0 && (utf8[length] & 0xc0) === 0x80) length--;
  const data = Buffer.allocUnsafe(1 + length);
  data[0] = length;
  utf8.copy(data, 1, 0, length);
  return {
    type: 'notification',
    code: ErrorCode.CEASE,
    subcode: CeaseSubcode.ADMINISTRATIVE_SHUTDOWN,
    data,
    shutdownMessage: utf8.toString('utf8', 0, length),
  };
}

/**
 * RFC 6608 §3: an unexpected message in OpenSent, OpenConfirm or Established gets its own subcode;
 * any other unexpected event there (a stray timer, RFC 4271 §8.2.2 "any other event") is FSM Error, unspecified.
 */
export function fsmError(state: State, unexpectedMessage: boolean): NotificationMessage {
  if (!unexpectedMessage) return notification(ErrorCode.FSM, FsmSubcode.UNSPECIFIED);
  switch (state) {
    case 'OpenSent':
      return notification(ErrorCode.FSM, FsmSubcode.UNEXPECTED_MESSAGE_IN_OPENSENT);
    case 'OpenConfirm':
      return notification(ErrorCode.FSM, FsmSubcode.UNEXPECTED_MESSAGE_IN_OPENCONFIRM);
    case 'Established':
      return notification(ErrorCode.FSM, FsmSubcode.UNEXPECTED_MESSAGE_IN_ESTABLISHED);
    default:
      return notification(ErrorCode.FSM, FsmSubcode.UNSPECIFIED);
  }
}
