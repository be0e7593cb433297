/**
 * What policy helpers see of an EVPN route: its type and the fields it has, as text where ExaBGP
 * prints text (RD, ESI, MAC), labels as values (the high 20 bits of each field, RFC 7432 §7) beside
 * the fields themselves (a VXLAN VNI is the whole field, RFC 8365 §5.1.3).
 */
import { formatRouteDistinguisher } from '../route-distinguisher';
import { EVPN_ROUTE_NAMES } from './json';
import { formatEsi, formatMac, ROUTE_TYPE_NAMES } from './text';
import type { EvpnRoute } from './types';

export interface EvpnView {
  readonly kind: 'evpn';
  /** RFC 7432 §7 / RFC 9136 §3 route type (1..5, or another for a route rxbgp keeps as octets). */
  readonly routeType: number;
  /** "mac-ip", "ip-prefix", ... ("generic" for another type). */
  readonly routeTypeName: string;
  /** ExaBGP's name ("MAC/IP advertisement"), or undefined for another type. */
  readonly name?: string;
  readonly rd?: string;
  /** "-" for the zero ESI, else colon-separated hex. */
  readonly esi?: string;
  readonly ethernetTag?: number;
  /** "00:11:22:33:44:55" (upper case, as ExaBGP prints it). */
  readonly mac?: string;
  /** The MAC/IP route's IP, or the originating router's IP of a multicast or Ethernet Segment route. */
  readonly ip?: string;
  /** An IP Prefix route's prefix ("10.0.0.0/24") and gateway. */
  readonly prefix?: string;
  readonly gateway?: string;
  /** MPLS labels (high 20 bits of each label field). */
  readonly labels?: readonly number[];
  /** The label fields as sent (24 bits each: a VNI for VXLAN). */
  readonly labelFields?: readonly number[];
  /** The Route Type Specific octets in hex, for a route type rxbgp does not decode. */
  readonly raw?: string;
}

export function evpnView(route: EvpnRoute): EvpnView {
  if ('raw' in route) return { kind: 'evpn', routeType: route.type, routeTypeName: 'generic', raw: route.raw };
  const base = { kind: 'evpn', routeType: route.type, routeTypeName: ROUTE_TYPE_NAMES[route.type], name: EVPN_ROUTE_NAMES[route.type], rd: formatRouteDistinguisher(route.rd) } as const;
  const labelled = (fields: readonly number[]): Pick<EvpnView, 'labels' | 'labelFields'> => ({ labels: fields.map((f) => f >>> 4), labelFields: fields });
  switch (route.type) {
    case 1:
      return { ...base, esi: formatEsi(route.esi), ethernetTag: route.etag, ...labelled([route.label]) };
    case 2:
      return { ...base, esi: formatEsi(route.esi), ethernetTag: route.etag, mac: formatMac(route.mac), ...(route.ip === undefined ? {} : { ip: route.ip }), ...labelled(route.labels) };
    case 3:
      return { ...base, ethernetTag: route.etag, ip: route.ip };
    case 4:
      return { ...base, esi: formatEsi(route.esi), ip: route.ip };
    case 5:
      return { ...base, esi: formatEsi(route.esi), ethernetTag: route.etag, prefix: `${route.ip}/${route.length}`, gateway: route.gateway, ...labelled([route.label]) };
  }
}
