/**
 * EVPN (AFI 25 "l2vpn", SAFI 70 "evpn"; RFC 7432 route types 1-4, RFC 9136 type 5) as a family
 * descriptor. ExaBGP names it "l2vpn evpn".
 *
 * The NLRI value is an EvpnRoute (types.ts); a list's `prefixes` holds each route's canonical text
 * (text.ts: "mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label 1000"),
 * which is also its RIB key, and the decoded values stay behind it (VALUES), as the labeled families do.
 * The Adj-RIB-Out and Adj-RIB-In name a route by its BGP route key (RFC 7432 §7, RFC 9136 §3.1:
 * evpnRouteKey), so a new label or ESI replaces a route and a withdrawal finds it whatever its labels.
 *
 * Routes are sent with their own grammar (`announce evpn route mac-ip ...`, route-grammar.ts) and
 * the config's "evpn" list (config.ts); route attributes follow the route's words as after a prefix.
 *
 * Malformed NLRI (decode-nlri.ts, RFC 7606 §2 and §5.4): decodeField never throws for them; the
 * well-formed NLRI of the field are kept and the run says `malformed`, which the UPDATE decoder
 * turns into treat-as-withdraw.
 */
import { Afi, Safi } from '../../wire/iana';
import type { NlriCodec, NlriSource } from '../../wire/nlri/nlri-codec';
import { nlriValuesOf } from '../../wire/nlri/nlri-values';
import { nlriCount } from '../../wire/nlri/packed-ipv4';
import type { Writer } from '../../wire/writer';
import type { FamilyDescriptor, FamilyParse } from '../family-descriptor';
import { decodeEvpnConfig, encodeEvpnConfig } from './config';
import { decodeEvpnNlri } from './decode-nlri';
import { encodeEvpnRoute } from './encode-nlri';
import { evpnView, type EvpnView } from './evpn-view';
import { EVPN_FAMILY_NAME } from './family-name';
import { evpnJsonItem } from './json';
import { decodeEvpnNextHop, encodeEvpnNextHop, EVPN_NEXT_HOP } from './next-hop';
import { EVPN_ROUTE_GRAMMAR } from './route-grammar';
import { evpnRouteKey, formatEvpnRoute, parseEvpnText } from './text';
import type { EvpnRoute } from './types';

export type { EvpnView } from './evpn-view';
export type { EvpnRoute } from './types';
export { decodeEvpnNlri } from './decode-nlri';
export { encodeEvpnRoute } from './encode-nlri';
export { evpnJsonItem } from './json';
export { formatEvpnRoute, parseEvpnText } from './text';

const EXABGP_TEXT = 'afi l2vpn safi evpn';

/** The values behind a list's texts, keyed by the texts' array (kept through copies of the list's head). */
const VALUES = new WeakMap<object, readonly EvpnRoute[]>();

function parseText(text: string): FamilyParse<EvpnRoute> {
  return parseEvpnText(text.trim());
}

function valuesOf(list: NlriSource): readonly EvpnRoute[] {
  const held = nlriValuesOf(list);
  if (held) return held.values as readonly EvpnRoute[];
  const known = VALUES.get(list.prefixes);
  if (known && known.length === list.prefixes.length) return known;
  const values = list.prefixes.map((text) => {
    const parsed = parseText(text);
    if (!parsed.ok) throw new Error(`${EVPN_FAMILY_NAME}: ${parsed.error}`);
    return parsed.value;
  });
  VALUES.set(list.prefixes, values);
  return values;
}

function withValues<T extends object>(target: T, values: readonly EvpnRoute[]): T & { prefixes: string[] } {
  const out = Object.assign(target, { prefixes: values.map(formatEvpnRoute) });
  VALUES.set(out.prefixes, values);
  return out;
}

const wire: NlriCodec = {
  afi: Afi.L2VPN,
  safi: Safi.EVPN,
  name: EVPN_FAMILY_NAME,
  decodeField(target, buf, start, end, addPath) {
    const run = decodeEvpnNlri(buf, start, end, addPath);
    const out: typeof target & { prefixes: string[]; pathIds?: number[]; malformed?: string } = withValues(target, run.values);
    if (run.pathIds) out.pathIds = run.pathIds;
    if (run.error) out.malformed = `malformed ${EVPN_FAMILY_NAME} NLRI ${run.error}`;
    return out;
  },
  count: nlriCount,
  encodeRange(w: Writer, list, addPath, from, to, limit) {
    const values = valuesOf(list);
    for (let i = from; i < to; i++) {
      const mark = w.pos;
      if (addPath) w.u32(list.pathIds?.[i] ?? 0);
      encodeEvpnRoute(w, values[i]);
      if (w.pos > limit) {
        w.pos = mark;
        return i;
      }
    }
    return to;
  },
  decodeNextHop: decodeEvpnNextHop,
  encodeNextHop: encodeEvpnNextHop,
};

export const evpnFamily: FamilyDescriptor<EvpnRoute, EvpnView, string> = {
  afi: Afi.L2VPN,
  safi: Safi.EVPN,
  name: EVPN_FAMILY_NAME,
  wire,

  nlriAt: (list, i) => valuesOf(list)[i],

  ribKeys: (list) => list.prefixes,
  ribKeyKind: 'string',
  ribKey: formatEvpnRoute,
  nlriOfKey(key) {
    const parsed = parseText(key);
    if (!parsed.ok) throw new Error(`${EVPN_FAMILY_NAME}: RIB key is not a route: ${parsed.error}`);
    return parsed.value;
  },
  // RFC 7432 §7 / RFC 9136 §3.1 route keys: announcing a route again with new labels, ESI or gateway replaces it.
  routeKey(route) {
    if (route.nlri !== undefined) return evpnRouteKey(route.nlri as EvpnRoute);
    const parsed = parseText(route.prefix);
    return parsed.ok ? evpnRouteKey(parsed.value) : route.prefix;
  },
  // A peer's withdrawal names the route by its key; its labels and ESI may be anything (often zeros).
  receivedKey: evpnRouteKey,
  listOfKeys(head, keys) {
    const values: EvpnRoute[] = [];
    for (let i = 0; i < keys.length; i++) values.push(this.nlriOfKey(keys[i]));
    return withValues(head, values);
  },

  parseText,
  formatText: formatEvpnRoute,

  exabgpJsonItems: (list) => valuesOf(list).map(evpnJsonItem),
  // ExaBGP 4.2's text encoder prints an EVPN route as its family (NLRI.extensive() is Family's, "afi
  // l2vpn safi evpn") and no next hop: the same, for scripts that read it (the JSON has the route).
  exabgpTextItems: (list) => new Array<string>(nlriCount(list)).fill(EXABGP_TEXT),
  exabgpTextItemsWithNextHop: (list) => new Array<string>(nlriCount(list)).fill(EXABGP_TEXT),

  decodeConfig(value) {
    if (typeof value === 'string') return parseText(value);
    const parsed = decodeEvpnConfig(value);
    return parsed.ok ? { ok: true, value: parsed.value.nlri as EvpnRoute } : { ok: false, error: parsed.path ? `${parsed.path}: ${parsed.error}` : parsed.error };
  },
  encodeConfig: encodeEvpnConfig,

  nextHop: EVPN_NEXT_HOP,
  policyView: evpnView,
  routeGrammar: EVPN_ROUTE_GRAMMAR,
};
