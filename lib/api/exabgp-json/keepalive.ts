/** KEEPALIVE events (json.py `keepalive()`): the neighbor and direction only. */
import { neighborEvent, type JsonDirection, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';

export function keepaliveJson(src: JsonEnvelopeSource, n: JsonNeighbor, direction: JsonDirection): string {
  return neighborEvent(src, n, 'keepalive', direction, '');
}
