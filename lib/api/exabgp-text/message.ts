/** One text event for any decoded message, by its type. */
import { DEFAULT_CONTEXT, type CodecContext, type Message } from '../../wire/types';
import type { JsonDirection, JsonNeighbor } from '../exabgp-json/envelope';
import { keepaliveText } from './keepalive';
import { notificationTextLine } from './notification';
import { openText } from './open';
import { refreshText } from './refresh';
import { updateText } from './update';

export function messageText(n: JsonNeighbor, msg: Message, direction: JsonDirection, ctx: CodecContext = DEFAULT_CONTEXT): string {
  switch (msg.type) {
    case 'update':
      return updateText(n, msg, direction, ctx);
    case 'open':
      return openText(n, msg, direction);
    case 'notification':
      return notificationTextLine(n, msg, direction);
    case 'keepalive':
      return keepaliveText(n, direction);
    case 'route-refresh':
      return refreshText(n, msg, direction);
  }
}
