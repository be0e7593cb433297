/**
 * ExaBGP 4.2's JSON of EVPN NLRI (bgp/message/update/nlri/evpn/*.py json(), qualifier/*.py), as
 * `exabgp --decode` prints them:
 *   { "code": 2, "parsed": true, "raw": "<type, length and octets in hex>", "name": "MAC/IP advertisement",
 *     "rd": "65000:1", "esi": "-", "ethernet-tag": 0, "mac": "00:11:22:33:44:55", "label": [ [1000, 16001] ], "ip": "10.0.0.1" }
 *   { "code": 9, "parsed": false, "raw": "..." }                        (a route type it does not decode)
 * ExaBGP reads one label field (the first; a MAC/IP route's Label2 only shows in "raw") and prints it
 * as [label, field] ("[label]" when the field is 0), and prints no path id for EVPN under ADD-PATH.
 */
import { Writer } from '../../wire/writer';
import { formatIpv4Number } from '../../wire/address';
import type { RouteDistinguisher } from '../route-distinguisher';
import { encodeEvpnRoute } from './encode-nlri';
import { formatEsi, formatMac } from './text';
import type { EvpnRoute } from './types';

/** ExaBGP's RD text (qualifier/rd.py _str()): type 2 always as AS:number, other types as 0x and hex. */
export function exabgpRd(rd: RouteDistinguisher): string {
  switch (rd.type) {
    case 0:
    case 2:
      return `${rd.admin}:${rd.assigned}`;
    case 1:
      return `${formatIpv4Number(rd.admin)}:${rd.assigned}`;
  }
  const hex = (n: number, digits: number): string => n.toString(16).toUpperCase().padStart(digits, '0');
  return `0x${hex(rd.type, 4)}${hex(rd.admin, 8)}${hex(rd.assigned, 4)}`;
}

/** Labels.json() of one received field: [label, field], or [label] when the field is 0. */
const labelJson = (field: number): string => `"label": [ [${field >>> 4}${field ? `, ${field}` : ''}] ]`;

const scratch = new Writer(512);

/** The route's NLRI octets (type, length, value) in upper-case hex, ExaBGP's "raw". */
export function evpnRawHex(route: EvpnRoute): string {
  scratch.reset();
  encodeEvpnRoute(scratch, route);
  return scratch.view().toString('hex').toUpperCase();
}

export const EVPN_ROUTE_NAMES: Readonly<Record<number, string>> = {
  1: 'Ethernet Auto-Discovery',
  2: 'MAC/IP advertisement',
  3: 'Inclusive Multicast Ethernet Tag',
  4: 'Ethernet Segment',
  5: 'IP Prefix Advertisement',
};

export function evpnJsonItem(route: EvpnRoute): string {
  const raw = evpnRawHex(route);
  if ('raw' in route) return `{ "code": ${route.type}, "parsed": false, "raw": "${raw}" }`;
  const head = `{ "code": ${route.type}, "parsed": true, "raw": "${raw}", "name": "${EVPN_ROUTE_NAMES[route.type]}", "rd": "${exabgpRd(route.rd)}", `;
  switch (route.type) {
    case 1:
      return `${head}"esi": "${formatEsi(route.esi)}", "ethernet-tag": ${route.etag}, ${labelJson(route.label)} }`;
    case 2:
      return `${head}"esi": "${formatEsi(route.esi)}", "ethernet-tag": ${route.etag}, "mac": "${formatMac(route.mac)}", ${labelJson(route.labels[0])}${route.ip === undefined ? '' : `, "ip": "${route.ip}"`} }`;
    case 3:
      return `${head}"ethernet-tag": ${route.etag}, "ip": "${route.ip}" }`;
    case 4:
      return `${head}"esi": "${formatEsi(route.esi)}", "ip": "${route.ip}" }`;
    case 5:
      return `${head}"esi": "${formatEsi(route.esi)}", "ethernet-tag": ${route.etag}, ${labelJson(route.label)}, "ip": "${route.ip}", "iplen": ${route.length}, "gateway": "${route.gateway}" }`;
  }
}
