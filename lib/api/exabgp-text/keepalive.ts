/** KEEPALIVE events (text.py `keepalive()`). */
import type { JsonDirection, JsonNeighbor } from '../exabgp-json/envelope';

export function keepaliveText(n: JsonNeighbor, direction: JsonDirection): string {
  return `neighbor ${n.peerAddress} ${direction} keepalive`;
}
