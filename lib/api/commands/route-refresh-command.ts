/** `announce route-refresh <afi> <safi>`: ask the peer to resend its routes of a family (RFC 2918 §3). */
import type { Cursor } from './cursor';
import { readFamily } from './family-words';
import type { Command, NeighborSelector } from './types';

export function parseRouteRefreshCommand(cursor: Cursor, selectors: readonly NeighborSelector[] | undefined): Command {
  const family = readFamily(cursor);
  cursor.expectEnd('announce route-refresh <afi> <safi>');
  return selectors ? { kind: 'announce-route-refresh', selectors, family } : { kind: 'announce-route-refresh', family };
}
