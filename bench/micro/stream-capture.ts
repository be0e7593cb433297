/**
 * What the capture peer keeps of the session: every message BIRD sends once the session is up,
 * byte for byte and in order, until the End-of-RIB marker (RFC 4724 §2) or until N prefixes were
 * announced. Pure: fed whole messages, it never touches a socket.
 */
import { MessageType } from '../../lib/wire/iana';
import { decodeMessage } from '../../lib/wire/message';
import { notificationText } from '../../lib/wire/notification';
import type { CodecContext } from '../../lib/wire/types';
import { isIpv4EndOfRib, messageType } from './message-split';
import { announcedCount } from './prefix-count';

export class StreamCapture {
  /** The messages as received (views of the socket's chunks, which nothing else holds). */
  private readonly parts: Buffer[] = [];
  private size = 0;
  messages = 0;
  updates = 0;
  prefixes = 0;
  endOfRib = false;

  constructor(
    private readonly expectedPrefixes: number,
    private readonly ctx: CodecContext,
  ) {}

  /** True once the End-of-RIB came or N prefixes were announced: nothing more is taken. */
  get complete(): boolean {
    return this.endOfRib || this.prefixes >= this.expectedPrefixes;
  }

  /**
   * Keeps one whole message; returns `complete`. Throws on a NOTIFICATION (the peer closed the
   * session) and on a message the decoder rejects.
   */
  add(message: Buffer): boolean {
    if (this.complete) throw new Error('capture: a message after the capture was complete');
    const type = messageType(message);
    if (type === MessageType.NOTIFICATION) {
      const n = decodeMessage(message, this.ctx);
      throw new Error(`capture: the peer sent a NOTIFICATION${n.type === 'notification' ? ` (${notificationText(n.code, n.subcode)})` : ''}`);
    }
    this.parts.push(message);
    this.size += message.length;
    this.messages++;
    if (type === MessageType.UPDATE) {
      this.updates++;
      if (isIpv4EndOfRib(message)) this.endOfRib = true;
      else {
        const update = decodeMessage(message, this.ctx);
        if (update.type === 'update') this.prefixes += announcedCount(update);
      }
    }
    return this.complete;
  }

  /** Octets kept so far. */
  get byteLength(): number {
    return this.size;
  }

  /** The captured stream as one Buffer. */
  bytes(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}
