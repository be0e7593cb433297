/**
 * ROUTE-REFRESH events (RFC 2918, subtypes from RFC 7313), as json.py `refresh()` writes them.
 * ExaBGP quotes each value twice (it pre-quotes the values and its encoder quotes them again),
 * so the line reads `"afi": ""ipv4""` and is not valid JSON; it is reproduced as is, because
 * scripts written against ExaBGP see exactly that.
 */
import type { RouteRefreshMessage } from '../../wire/types';
import { neighborEvent, type JsonDirection, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';
import { afiName, safiName } from './family-names';

/** RFC 7313 §3 message subtypes under ExaBGP's names. */
const SUBTYPES = ['query', 'begin', 'end'];

export function refreshContent(msg: RouteRefreshMessage): string {
  return (
    `"route-refresh": { "afi": ""${afiName(msg.afi)}"", "safi": ""${safiName(msg.safi)}"", ` +
    `"subtype": ""${SUBTYPES[msg.subtype] ?? 'invalid'}"" }`
  );
}

export function refreshJson(src: JsonEnvelopeSource, n: JsonNeighbor, msg: RouteRefreshMessage, direction: JsonDirection): string {
  return neighborEvent(src, n, 'refresh', direction, refreshContent(msg));
}
