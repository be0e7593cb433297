/**
 * NOTIFICATION events (json.py `notification()`):
 * `"notification": { "code": 6, "subcode": 2, "data": "0x…" } ` — note the space before the neighbor's "}".
 *
 * For a received Cease / Administrative Shutdown or Reset (RFC 8203, RFC 9003) ExaBGP does not print
 * the data octets but the text its Notification class makes of them ('Shutdown Communication: "…"'),
 * hex-encoded. ExaBGP 4.2 on Python 3 raises a TypeError while building that text for a non-empty
 * message; what is printed here is the text the code means to build. A NOTIFICATION that ExaBGP
 * sends carries its data as given.
 */
import { CeaseSubcode, ErrorCode } from '../../wire/iana';
import type { NotificationMessage } from '../../wire/types';
import { hexString, neighborEvent, type JsonDirection, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';

/** RFC 8203 §2 as ExaBGP reads it: a length octet, then at most 128 octets of UTF-8. */
function shutdownText(data: Buffer): Buffer {
  if (data.length === 0) return data;
  const length = data[0];
  const rest = data.subarray(1);
  if (length === 0) return Buffer.from('empty Shutdown Communication.');
  if (rest.length < length) {
    return Buffer.from(`invalid Shutdown Communication (buffer underrun) length : ${length} [${hexString(rest)}]`);
  }
  if (length > 128) return Buffer.from(`invalid Shutdown Communication (too large) length : ${length} [${hexString(rest)}]`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(rest.subarray(0, length));
  } catch {
    return Buffer.from(`invalid Shutdown Communication (invalid UTF-8) length : ${length} [${hexString(rest)}]`);
  }
  const trailer = rest.subarray(length);
  const message = `Shutdown Communication: "${text.replace(/[\r\n]/g, ' ')}"`;
  return Buffer.from(trailer.length ? `${message}, trailing data: ${hexString(trailer)}` : message, 'utf8');
}

/** The data ExaBGP reports: its shutdown text for a received Cease 2 / 4, the octets otherwise. */
export function notificationData(msg: NotificationMessage, direction: JsonDirection): Buffer {
  const shutdown =
    msg.code === ErrorCode.CEASE &&
    (msg.subcode === CeaseSubcode.ADMINISTRATIVE_SHUTDOWN || msg.subcode === CeaseSubcode.ADMINISTRATIVE_RESET);
  return shutdown && direction !== 'send' ? shutdownText(msg.data) : msg.data;
}

export function notificationJson(
  src: JsonEnvelopeSource,
  n: JsonNeighbor,
  msg: NotificationMessage,
  direction: JsonDirection,
): string {
  const data = hexString(notificationData(msg, direction));
  return neighborEvent(src, n, 'notification', direction, `"notification": { "code": ${msg.code}, "subcode": ${msg.subcode}, "data": "${data}" } `);
}
