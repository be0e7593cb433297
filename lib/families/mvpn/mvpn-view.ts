/**
 * What policy helpers see of an MVPN route (RFC 6514 §4): its type and the fields it has, the RD as
 * ExaBGP writes it, addresses as text ("*" for an RFC 6625 wildcard).
 */
import type { Afi } from '../../wire/iana';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { ROUTE_TYPE_NAMES } from './text';
import type { MvpnRoute } from './types';

export interface MvpnView {
  readonly kind: 'mvpn';
  readonly afi: Afi;
  /** RFC 6514 §4 route type (1..7, or another for a route rxbgp keeps as octets). */
  readonly routeType: number;
  /** "source-join", "spmsi-ad", ... ("generic" for another type). */
  readonly routeTypeName: string;
  readonly rd?: string;
  /** Multicast source (a Shared Tree Join's C-RP), or "*". */
  readonly source?: string;
  /** Multicast group, or "*". */
  readonly group?: string;
  /** Originating Router's IP Address (types 1, 3, 4). */
  readonly originator?: string;
  /** Source AS (types 2, 6, 7). */
  readonly sourceAs?: number;
  /** A Leaf A-D route's Route Key (the NLRI it answers) in hex. */
  readonly routeKey?: string;
  /** The Route Type Specific octets in hex, for a route type rxbgp does not decode. */
  readonly raw?: string;
}

export function mvpnView(afi: Afi, route: MvpnRoute): MvpnView {
  if ('raw' in route) return { kind: 'mvpn', afi, routeType: route.type, routeTypeName: 'generic', raw: route.raw };
  const base = { kind: 'mvpn', afi, routeType: route.type, routeTypeName: ROUTE_TYPE_NAMES[route.type] } as const;
  if (route.type === 4) return { ...base, routeKey: route.routeKey, originator: route.originator };
  const rd = formatRouteDistinguisher(route.rd);
  switch (route.type) {
    case 1:
      return { ...base, rd, originator: route.originator };
    case 2:
      return { ...base, rd, sourceAs: route.sourceAs };
    case 3:
      return { ...base, rd, source: route.source, group: route.group, originator: route.originator };
    case 5:
      return { ...base, rd, source: route.source, group: route.group };
    case 6:
    case 7:
      return { ...base, rd, sourceAs: route.sourceAs, source: route.source, group: route.group };
  }
}
