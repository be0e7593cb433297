/**
 * ROUTE-REFRESH events (RFC 2918, subtypes from RFC 7313), as json.py `refresh()` writes them.
 * ExaBGP 4.2 quotes each value twice (`"afi": ""ipv4""`: it pre-quotes the values and its encoder
 * quotes them again), which is not valid JSON, so no script can rely on it: rxbgp writes the same
 * keys and values quoted once.
 */
import type { RouteRefreshMessage } from '../../wire/types';
import { neighborEvent, type JsonDirection, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';
import { afiName, safiName } from '../../wire/family-names';

/** RFC 7313 §3 message subtypes under ExaBGP's names. */
const SUBTYPES = ['query', 'begin', 'end'];

export function refreshContent(msg: RouteRefreshMessage): string {
  return (
    `"route-refresh": { "afi": "${afiName(msg.afi)}", "safi": "${safiName(msg.safi)}", ` +
    `"subtype": "${SUBTYPES[msg.subtype] ?? 'invalid'}" }`
  );
}

export function refreshJson(src: JsonEnvelopeSource, n: JsonNeighbor, msg: RouteRefreshMessage, direction: JsonDirection): string {
  return neighborEvent(src, n, 'refresh', direction, refreshContent(msg));
}
