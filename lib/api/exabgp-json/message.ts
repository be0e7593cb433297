/** One JSON event for any decoded message, by its type (what `rxbgp decode` prints). */
import { DEFAULT_CONTEXT, type CodecContext, type Message } from '../../wire/types';
import type { JsonDirection, JsonEnvelopeSource, JsonNeighbor } from './envelope';
import { keepaliveJson } from './keepalive';
import { notificationJson } from './notification';
import { openJson } from './open';
import { refreshJson } from './refresh';
import { updateJson } from './update';

export function messageJson(
  src: JsonEnvelopeSource,
  n: JsonNeighbor,
  msg: Message,
  direction: JsonDirection,
  ctx: CodecContext = DEFAULT_CONTEXT,
): string {
  switch (msg.type) {
    case 'update':
      return updateJson(src, n, msg, direction, ctx);
    case 'open':
      return openJson(src, n, msg, direction);
    case 'notification':
      return notificationJson(src, n, msg, direction);
    case 'keepalive':
      return keepaliveJson(src, n, direction);
    case 'route-refresh':
      return refreshJson(src, n, msg, direction);
  }
}

/**
 * The neighbor `exabgp --decode HEX CONF` prints: the first neighbor of CONF. rxbgp's decode
 * command has no config, so it names a loopback session; the AS numbers are 0 ("unknown").
 */
export const DECODE_NEIGHBOR = { localAddress: '127.0.0.1', peerAddress: '127.0.0.1', localAs: 0, peerAs: 0 } as const;
