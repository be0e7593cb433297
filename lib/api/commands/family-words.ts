/** `<afi> <safi>` word pairs (`ipv4 unicast`, `l2vpn evpn`) as ExaBGP's AFI/SAFI names, via lib/config's table (RFC 4760). */
import { parseFamily } from '../../families/family-text';
import type { Family } from '../../wire/types';
import type { Cursor } from './cursor';

/** Reads two words naming a family. */
export function readFamily(cursor: Cursor): Family {
  const afiIndex = cursor.index;
  const afi = cursor.next('an address family (ipv4, ipv6, l2vpn, ...)');
  const safi = cursor.next('a subsequent address family (unicast, multicast, ...)');
  const family = parseFamily(`${afi} ${safi}`);
  if (family === undefined) cursor.fail(`unknown address family "${afi} ${safi}"`, afiIndex);
  return family;
}
