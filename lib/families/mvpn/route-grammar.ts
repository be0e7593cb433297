/**
 * `announce ipv4 mcast-vpn <route type> <words> <attributes>` as ExaBGP 5 accepts it
 * (configuration/announce/mvpn.py: source-ad, shared-join, source-join), rxbgp's words for types
 * 1-4 (text.ts), and `announce mcast-vpn route ...` like the other grammar families; withdraw alike.
 * Where the route's words end its attributes begin, read by the command layer as after
 * `announce route <prefix>` (next-hop, extended-community, ...: RouteGrammar.attributeWords).
 * Without a named family the addresses say IPv4 or IPv6.
 */
import { Safi } from '../../wire/iana';
import type { FamilyParse, FamilyRoute, RouteGrammar } from '../family-descriptor';
import { mvpnConfigForm } from './config';
import { formatMvpnRoute, mvpnAfiOf, parseMvpnWords } from './text';
import type { MvpnRoute } from './types';

const NO_ATTRIBUTES = Object.freeze({});

export const MVPN_ROUTE_GRAMMAR: RouteGrammar = {
  word: 'mcast-vpn',
  attributeWords: true,
  parse(line, from, family): FamilyParse<FamilyRoute<MvpnRoute>> {
    if (family && family.safi !== Safi.MCAST_VPN) return { ok: false, error: 'not an mcast-vpn route' };
    const parsed = parseMvpnWords(line, from);
    if (!parsed.ok) return parsed;
    const { route, end } = parsed.value;
    const afi = mvpnAfiOf(route);
    // RFC 6514 §4: the multicast source and group are of the NLRI's AFI.
    if (family && 'group' in route && (route.source !== '*' || route.group !== '*') && afi !== family.afi) {
      return { ok: false, error: `the source and group of an ${family.afi === 1 ? 'ipv4' : 'ipv6'} mcast-vpn route must be ${family.afi === 1 ? 'IPv4' : 'IPv6'} addresses` };
    }
    return { ok: true, value: { afi: family?.afi ?? afi, safi: Safi.MCAST_VPN, nlri: route, text: formatMvpnRoute(route), attributes: NO_ATTRIBUTES, attributesAt: end } };
  },
  config: mvpnConfigForm,
};
