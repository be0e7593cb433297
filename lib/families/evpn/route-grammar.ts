/**
 * `announce evpn route <route type> <words> <attributes>` and `announce l2vpn evpn <route type> ...`
 * (withdraw alike). Neither ExaBGP 4.2 nor ExaBGP 5 has an API grammar for EVPN (they only decode
 * it), so this one is rxbgp's: the route's words are text.ts's, and where they end the route's
 * attributes begin, read by the command layer as after `announce route <prefix>` (next-hop,
 * extended-community, ...: RouteGrammar.attributeWords).
 */
import { Afi, Safi } from '../../wire/iana';
import type { FamilyParse, FamilyRoute, RouteGrammar } from '../family-descriptor';
import { evpnConfigForm } from './config';
import { formatEvpnRoute, parseEvpnWords } from './text';
import type { EvpnRoute } from './types';

const NO_ATTRIBUTES = Object.freeze({});

export const EVPN_ROUTE_GRAMMAR: RouteGrammar = {
  word: 'evpn',
  attributeWords: true,
  parse(line, from, family): FamilyParse<FamilyRoute<EvpnRoute>> {
    if (family && (family.afi !== Afi.L2VPN || family.safi !== Safi.EVPN)) return { ok: false, error: 'not an l2vpn evpn route' };
    const parsed = parseEvpnWords(line, from);
    if (!parsed.ok) return parsed;
    const { route, end } = parsed.value;
    return { ok: true, value: { afi: Afi.L2VPN, safi: Safi.EVPN, nlri: route, text: formatEvpnRoute(route), attributes: NO_ATTRIBUTES, attributesAt: end } };
  },
  config: evpnConfigForm,
};
