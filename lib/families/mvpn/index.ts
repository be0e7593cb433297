/**
 * MVPN (AFI 1 / 2, SAFI 5 "mcast-vpn"; RFC 6514 route types 1-7) as two family descriptors,
 * "ipv4 mcast-vpn" and "ipv6 mcast-vpn" as ExaBGP names them, sharing one codec and grammar.
 *
 * The NLRI value is an MvpnRoute (types.ts); a list's `prefixes` holds each route's canonical text
 * (text.ts: "source-join rd 65000:1 source-as 65000 source 10.0.0.1 group 232.1.1.1"), which is also
 * its RIB key and route key (every field of an MVPN NLRI names the route: RFC 6514 has no labels or
 * other fields that change under one key), and the decoded values stay behind it (VALUES).
 *
 * Routes are sent with their own grammar (`announce ipv4 mcast-vpn source-join ...`, route-grammar.ts)
 * and the config's "mvpn" list (config.ts); route attributes follow the route's words as after a prefix.
 *
 * Malformed NLRI (decode-nlri.ts, RFC 7606 §2 and §5.4): decodeField never throws for them; the
 * well-formed NLRI of the field are kept and the run says `malformed`, which the UPDATE decoder
 * turns into treat-as-withdraw.
 */
import { familyName } from '../../wire/family-names';
import { Afi, Safi } from '../../wire/iana';
import type { NlriCodec, NlriSource } from '../../wire/nlri/nlri-codec';
import { nlriValuesOf } from '../../wire/nlri/nlri-values';
import { nlriCount } from '../../wire/nlri/packed-ipv4';
import type { Writer } from '../../wire/writer';
import type { FamilyDescriptor, FamilyParse } from '../family-descriptor';
import { decodeMvpnConfig, encodeMvpnConfig } from './config';
import { decodeMvpnNlri } from './decode-nlri';
import { encodeMvpnRoute } from './encode-nlri';
import { mvpnJsonItem } from './json';
import { mvpnView, type MvpnView } from './mvpn-view';
import { decodeMvpnNextHop, encodeMvpnNextHop, mvpnNextHop } from './next-hop';
import { MVPN_ROUTE_GRAMMAR } from './route-grammar';
import { formatMvpnRoute, parseMvpnText } from './text';
import type { MvpnRoute } from './types';

export type { MvpnView } from './mvpn-view';
export type { MvpnRoute } from './types';
export { decodeMvpnNlri } from './decode-nlri';
export { encodeMvpnRoute } from './encode-nlri';
export { mvpnJsonItem } from './json';
export { formatMvpnRoute, parseMvpnText } from './text';

/** The values behind a list's texts, keyed by the texts' array (kept through copies of the list's head). */
const VALUES = new WeakMap<object, readonly MvpnRoute[]>();

function parseText(text: string): FamilyParse<MvpnRoute> {
  return parseMvpnText(text.trim());
}

function valuesOf(list: NlriSource, name: string): readonly MvpnRoute[] {
  const held = nlriValuesOf(list);
  if (held) return held.values as readonly MvpnRoute[];
  const known = VALUES.get(list.prefixes);
  if (known && known.length === list.prefixes.length) return known;
  const values = list.prefixes.map((text) => {
    const parsed = parseText(text);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
    return parsed.value;
  });
  VALUES.set(list.prefixes, values);
  return values;
}

function withValues<T extends object>(target: T, values: readonly MvpnRoute[]): T & { prefixes: string[] } {
  const out = Object.assign(target, { prefixes: values.map(formatMvpnRoute) });
  VALUES.set(out.prefixes, values);
  return out;
}

function mvpnFamily(afi: typeof Afi.IPV4 | typeof Afi.IPV6): FamilyDescriptor<MvpnRoute, MvpnView, string> {
  const name = familyName(afi, Safi.MCAST_VPN);
  // ExaBGP 5's text encoder prints a route of a family without extensive() text as its family.
  const exabgpText = `afi ${name.replace(' ', ' safi ')}`;
  const wire: NlriCodec = {
    afi,
    safi: Safi.MCAST_VPN,
    name,
    decodeField(target, buf, start, end, addPath) {
      const run = decodeMvpnNlri(buf, start, end, addPath);
      const out: typeof target & { prefixes: string[]; pathIds?: number[]; malformed?: string } = withValues(target, run.values);
      if (run.pathIds) out.pathIds = run.pathIds;
      if (run.error) out.malformed = `malformed ${name} NLRI ${run.error}`;
      return out;
    },
    count: nlriCount,
    encodeRange(w: Writer, list, addPath, from, to, limit) {
      const values = valuesOf(list, name);
      for (let i = from; i < to; i++) {
        const mark = w.pos;
        if (addPath) w.u32(list.pathIds?.[i] ?? 0);
        encodeMvpnRoute(w, values[i]);
        if (w.pos > limit) {
          w.pos = mark;
          return i;
        }
      }
      return to;
    },
    decodeNextHop: decodeMvpnNextHop,
    encodeNextHop: encodeMvpnNextHop,
  };
  const family: FamilyDescriptor<MvpnRoute, MvpnView, string> = {
    afi,
    safi: Safi.MCAST_VPN,
    name,
    wire,
    nlriAt: (list, i) => valuesOf(list, name)[i],
    ribKeys: (list) => list.prefixes,
    ribKeyKind: 'string',
    ribKey: formatMvpnRoute,
    nlriOfKey(key) {
      const parsed = parseText(key);
      if (!parsed.ok) throw new Error(`${name}: RIB key is not a route: ${parsed.error}`);
      return parsed.value;
    },
    listOfKeys(head, keys) {
      const values: MvpnRoute[] = [];
      for (let i = 0; i < keys.length; i++) values.push(family.nlriOfKey(keys[i]));
      return withValues(head, values);
    },
    parseText,
    formatText: formatMvpnRoute,
    exabgpJsonItems: (list) => valuesOf(list, name).map(mvpnJsonItem),
    exabgpTextItems: (list) => new Array<string>(nlriCount(list)).fill(exabgpText),
    decodeConfig(value) {
      if (typeof value === 'string') return parseText(value);
      const parsed = decodeMvpnConfig(value);
      return parsed.ok ? { ok: true, value: parsed.value.nlri as MvpnRoute } : { ok: false, error: parsed.path ? `${parsed.path}: ${parsed.error}` : parsed.error };
    },
    encodeConfig: encodeMvpnConfig,
    nextHop: mvpnNextHop(afi),
    policyView: (route) => mvpnView(afi, route),
    routeGrammar: MVPN_ROUTE_GRAMMAR,
  };
  return family;
}

export const ipv4McastVpnFamily = mvpnFamily(Afi.IPV4);
export const ipv6McastVpnFamily = mvpnFamily(Afi.IPV6);
