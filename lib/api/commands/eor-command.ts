/**
 * `announce eor [<afi> <safi>]`: send an End-of-RIB marker (RFC 4724 §2). Without a family ExaBGP sends
 * the IPv4 unicast one (reactor/api/__init__.py api_eor), so that is what the command holds.
 */
import { Afi, Safi } from '../../wire/iana';
import type { Cursor } from './cursor';
import { readFamily } from './family-words';
import type { Command, NeighborSelector } from './types';

export function parseEorCommand(cursor: Cursor, selectors: readonly NeighborSelector[] | undefined): Command {
  const family = cursor.atEnd() ? { afi: Afi.IPV4, safi: Safi.UNICAST } : readFamily(cursor);
  cursor.expectEnd('announce eor <afi> <safi>');
  return selectors ? { kind: 'announce-eor', selectors, family } : { kind: 'announce-eor', family };
}
