/**
 * MVPN routes in the JSON config: a neighbor's "mvpn" list (RouteGrammar.config), each item the
 * route's fields under camelCase keys after ExaBGP's keywords, beside the route's attributes
 * (nextHop, extendedCommunities, ...: read by lib/config like a route's, RouteConfigForm.attributeKeys):
 *
 *   { "routeType": "source-join", "rd": "65000:99999", "sourceAs": 65000, "source": "10.99.12.2",
 *     "group": "239.251.255.228", "nextHop": "10.10.6.3", "extendedCommunities": ["target:192.168.94.12:5"] }
 *
 * Keys: routeType (text.ts's route type words), rd, sourceAs, source (also "rp" for shared-join),
 * group, originator, routeKey, code and raw (generic). The item is read through the family's text
 * grammar, so both forms accept the same routes; an error is reported at the key it is about.
 * The family (ipv4 or ipv6 mcast-vpn) follows from the addresses, as for the API.
 */
import type { FamilyConfigParse, FamilyRoute, RouteConfigForm } from '../family-descriptor';
import { Safi } from '../../wire/iana';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { formatMvpnRoute, mvpnAfiOf, parseMvpnWords, ROUTE_TYPE_NAMES } from './text';
import type { MvpnRoute } from './types';

/** Config key → the grammar's word. */
const KEY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['rd', 'rd'],
  ['sourceAs', 'source-as'],
  ['source', 'source'],
  ['rp', 'rp'],
  ['group', 'group'],
  ['originator', 'originator'],
  ['routeKey', 'route-key'],
  ['code', 'code'],
  ['raw', 'raw'],
];
const KEYS = ['routeType', ...KEY_WORDS.map(([k]) => k)];

const NO_ATTRIBUTES = Object.freeze({});

const describe = (u: unknown): string => (u === null ? 'null' : Array.isArray(u) ? 'an array' : typeof u);
const fail = (path: string, error: string): FamilyConfigParse => ({ ok: false, path, error });

export function decodeMvpnConfig(value: unknown): FamilyConfigParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('', `expected an MVPN route like { "routeType": "source-join", "rd": "65000:1", ... }, got ${describe(value)}`);
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KEYS.includes(key)) return fail(key, `unknown key (an MVPN route takes ${KEYS.join(', ')} and route attributes)`);
  if (typeof o.routeType !== 'string') return fail('routeType', `expected a route type (${Object.values(ROUTE_TYPE_NAMES).join(', ')} or generic), got ${describe(o.routeType)}`);
  let line = o.routeType;
  const spans: Array<{ key: string; from: number; to: number }> = [{ key: 'routeType', from: 0, to: line.length }];
  for (const [key, word] of KEY_WORDS) {
    const v = o[key];
    if (v === undefined) continue;
    if ((typeof v !== 'string' && typeof v !== 'number') || String(v).trim() === '' || /\s/.test(String(v))) return fail(key, `expected a value, got ${describe(v)}`);
    const from = line.length + 1;
    line += ` ${word} ${v}`;
    spans.push({ key, from, to: line.length });
  }
  const parsed = parseMvpnWords(line, 0);
  if (!parsed.ok) {
    const column = /\(column (\d+)/.exec(parsed.error);
    const at = column ? Number(column[1]) - 1 : -1;
    const span = spans.find((s) => at >= s.from && at < s.to);
    // The grammar's column means nothing in a config file: say what, at the key.
    return fail(span?.key ?? '', parsed.error.replace(/ \(column \d+, "[^"]*"\)| \(at the end of the line\)/, ''));
  }
  if (parsed.value.end < line.length) return fail('', `unexpected "${line.slice(parsed.value.end)}"`);
  const route = parsed.value.route;
  return { ok: true, value: { afi: mvpnAfiOf(route), safi: Safi.MCAST_VPN, nlri: route, text: formatMvpnRoute(route), attributes: NO_ATTRIBUTES } };
}

/** decodeMvpnConfig's inverse for the route's own keys (the attributes are lib/config's). */
export function encodeMvpnConfig(route: MvpnRoute): Record<string, unknown> {
  if ('raw' in route) return { routeType: 'generic', code: route.type, raw: `0x${route.raw}` };
  if (route.type === 4) return { routeType: 'leaf-ad', routeKey: `0x${route.routeKey}`, originator: route.originator };
  const out: Record<string, unknown> = { routeType: ROUTE_TYPE_NAMES[route.type], rd: formatRouteDistinguisher(route.rd) };
  if ('sourceAs' in route) out.sourceAs = route.sourceAs;
  if ('group' in route) Object.assign(out, { [route.type === 6 ? 'rp' : 'source']: route.source, group: route.group });
  if ('originator' in route) out.originator = route.originator;
  return out;
}

export const mvpnConfigForm: RouteConfigForm = {
  key: 'mvpn',
  what: 'an MVPN route like { "routeType": "source-join", "rd": "65000:1", "sourceAs": 65000, "source": "10.0.0.1", "group": "232.1.1.1", "nextHop": "192.0.2.1" }',
  list: 'a list of MVPN routes',
  attributeKeys: true,
  decode: decodeMvpnConfig,
  encode: (route: FamilyRoute) => encodeMvpnConfig(route.nlri as MvpnRoute),
};
