/** ROUTE-REFRESH events (RFC 2918, subtypes from RFC 7313), as text.py `refresh()` writes them. */
import type { RouteRefreshMessage } from '../../wire/types';
import type { JsonDirection, JsonNeighbor } from '../exabgp-json/envelope';
import { afiName, safiName } from '../../wire/family-names';

/** RFC 7313 §3 message subtypes under ExaBGP's names (refresh.py Reserved). */
const SUBTYPES = ['query', 'begin', 'end'];

export function refreshText(n: JsonNeighbor, msg: RouteRefreshMessage, direction: JsonDirection): string {
  const subtype = SUBTYPES[msg.subtype] ?? 'invalid';
  return `neighbor ${n.peerAddress} ${direction} route-refresh afi ${afiName(msg.afi)} safi ${safiName(msg.safi)} ${subtype}`;
}
