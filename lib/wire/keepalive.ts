/**
 * KEEPALIVE (RFC 4271 §4.4): a header alone, exactly 19 octets. Sent every Keepalive interval
 * on every session, so its bytes are built once.
 */
import { badMessageLength } from './header';
import { HEADER_LENGTH, MessageType } from './iana';
import type { KeepaliveMessage } from './types';

export const KEEPALIVE: KeepaliveMessage = Object.freeze({ type: 'keepalive' });

/** The whole KEEPALIVE message. Shared: never write into it. */
export const KEEPALIVE_BYTES: Buffer = (() => {
  const b = Buffer.alloc(HEADER_LENGTH, 0xff);
  b.writeUInt16BE(HEADER_LENGTH, 16);
  b[18] = MessageType.KEEPALIVE;
  return b;
})();

/** Checks a KEEPALIVE body, buf[start, end): it must be empty (RFC 4271 §6.1: Length == 19, else 1/2). */
export function decodeKeepalive(_buf: Buffer, start: number, end: number): KeepaliveMessage {
  if (end !== start) throw badMessageLength(end - start + HEADER_LENGTH, 'KEEPALIVE longer than 19 octets');
  return KEEPALIVE;
}
