/**
 * NOTIFICATION events (text.py `notification()`): "code C subcode S data 0x…".
 * The data is what ExaBGP's Notification holds: for a received Cease / Administrative Shutdown
 * or Reset (RFC 8203, RFC 9003) the text it makes of the communication, otherwise the octets
 * (the same data the JSON encoder prints).
 */
import type { NotificationMessage } from '../../wire/types';
import { hexString, type JsonDirection, type JsonNeighbor } from '../exabgp-json/envelope';
import { notificationData } from '../exabgp-json/notification';

export function notificationTextLine(n: JsonNeighbor, msg: NotificationMessage, direction: JsonDirection): string {
  const data = hexString(notificationData(msg, direction));
  return `neighbor ${n.peerAddress} ${direction} notification code ${msg.code} subcode ${msg.subcode} data ${data}`;
}
