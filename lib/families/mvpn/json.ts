/**
 * ExaBGP's JSON of MVPN NLRI. ExaBGP 4.2 does not know SAFI 5 at all; ExaBGP 5 (main,
 * bgp/message/update/nlri/mvpn/*.py json()) decodes types 5, 6 and 7 and prints the others as its
 * GenericMVPN does, which is the JSON its qa/encoding/conf-mvpn.ci expects. The strings are
 * ExaBGP's own, spacing included (no space before the closing brace of a decoded route):
 *   { "code": 5, "parsed": true, "raw": "<type, length and octets in hex>", "name": "Source Active A-D Route",
 *     "rd": "65000:99999", "source": "10.99.12.4", "group": "239.251.255.228"}
 *   { "code": 7, ..., "name": "C-Multicast Source Tree Join route", "rd": "...", "source-as": "65000", "source": "...", "group": "..."}
 *   { "code": 1, "parsed": false, "raw": "..." }                 (types 1-4 and unknown types)
 */
import { Writer } from '../../wire/writer';
import { exabgpRd } from '../evpn/json';
import { encodeMvpnRoute } from './encode-nlri';
import type { MvpnRoute } from './types';

const scratch = new Writer(512);

/** The route's NLRI octets (type, length, value) in upper-case hex, ExaBGP's "raw". */
export function mvpnRawHex(route: MvpnRoute): string {
  scratch.reset();
  encodeMvpnRoute(scratch, route);
  return scratch.view().toString('hex').toUpperCase();
}

/** ExaBGP 5's NAME of the route types it decodes. */
export const MVPN_ROUTE_NAMES: Readonly<Record<number, string>> = {
  5: 'Source Active A-D Route',
  6: 'C-Multicast Shared Tree Join route',
  7: 'C-Multicast Source Tree Join route',
};

export function mvpnJsonItem(route: MvpnRoute): string {
  const raw = mvpnRawHex(route);
  if ('raw' in route || (route.type !== 5 && route.type !== 6 && route.type !== 7)) return `{ "code": ${route.type}, "parsed": false, "raw": "${raw}" }`;
  const head = `{ "code": ${route.type}, "parsed": true, "raw": "${raw}", "name": "${MVPN_ROUTE_NAMES[route.type]}", "rd": "${exabgpRd(route.rd)}", `;
  const sourceAs = route.type === 5 ? '' : `"source-as": "${route.sourceAs}", `;
  return `${head}${sourceAs}"source": "${route.source}", "group": "${route.group}"}`;
}
