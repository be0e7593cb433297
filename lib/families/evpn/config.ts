/**
 * EVPN routes in the JSON config: a neighbor's "evpn" list (RouteGrammar.config), each item the
 * route's fields under camelCase keys after ExaBGP's JSON keywords, beside the route's attributes
 * (nextHop, extendedCommunities, ...: read by lib/config like a route's, RouteConfigForm.attributeKeys):
 *
 *   { "routeType": "mac-ip", "rd": "65000:1", "esi": "-", "ethernetTag": 0, "mac": "00:11:22:33:44:55",
 *     "ip": "10.0.0.1", "labels": [1000], "nextHop": "198.51.100.1", "extendedCommunities": ["target:65000:1"] }
 *
 * Keys: routeType (text.ts's route type words), rd, esi, ethernetTag, mac, macLength, ip, labels
 * (MPLS labels) or vni (RFC 8365 fields), prefix and gateway (ip-prefix), code and raw (generic).
 * The item is read through the family's text grammar, so both forms accept the same routes and say
 * the same things; an error is reported at the key whose value it is about.
 */
import type { FamilyConfigParse, FamilyRoute, RouteConfigForm } from '../family-descriptor';
import { Afi, Safi } from '../../wire/iana';
import { formatRouteDistinguisher } from '../route-distinguisher';
import { formatEsi, formatEvpnRoute as formatText, formatMac, parseEvpnWords, ROUTE_TYPE_NAMES } from './text';
import type { EvpnRoute } from './types';

/** Config key → the grammar's word. */
const KEY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['rd', 'rd'],
  ['esi', 'esi'],
  ['ethernetTag', 'ethernet-tag'],
  ['mac', 'mac'],
  ['macLength', 'mac-length'],
  ['ip', 'ip'],
  ['prefix', 'prefix'],
  ['gateway', 'gateway'],
  ['labels', 'label'],
  ['vni', 'vni'],
  ['code', 'code'],
  ['raw', 'raw'],
];
const WORD_OF = new Map(KEY_WORDS);
const KEYS = ['routeType', ...KEY_WORDS.map(([k]) => k)];

const NO_ATTRIBUTES = Object.freeze({});

const describe = (u: unknown): string => (u === null ? 'null' : Array.isArray(u) ? 'an array' : typeof u);
const fail = (path: string, error: string): FamilyConfigParse => ({ ok: false, path, error });

/** The words of one key's value: a string or number, or (labels, vni) a list of them. */
function valueWords(key: string, value: unknown): string | FamilyConfigParse {
  const isWord = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
  if (key === 'labels' || key === 'vni') {
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || !list.every(isWord)) return fail(key, `expected a number or a list of numbers, got ${describe(value)}`);
    return list.length === 1 ? String(list[0]) : `[ ${list.join(' ')} ]`;
  }
  if (!isWord(value) || String(value).trim() === '' || /\s/.test(String(value))) return fail(key, `expected a value, got ${describe(value)}`);
  return String(value);
}

export function decodeEvpnConfig(value: unknown): FamilyConfigParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('', `expected an EVPN route like { "routeType": "mac-ip", "rd": "65000:1", ... }, got ${describe(value)}`);
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KEYS.includes(key)) return fail(key, `unknown key (an EVPN route takes ${KEYS.join(', ')} and route attributes)`);
  if (typeof o.routeType !== 'string') return fail('routeType', `expected a route type (${Object.values(ROUTE_TYPE_NAMES).join(', ')} or generic), got ${describe(o.routeType)}`);
  // The route's words, each key's column range remembered to put an error at its key.
  let line = o.routeType;
  const spans: Array<{ key: string; from: number; to: number }> = [{ key: 'routeType', from: 0, to: line.length }];
  for (const [key, word] of KEY_WORDS) {
    if (o[key] === undefined) continue;
    const words = valueWords(key, o[key]);
    if (typeof words !== 'string') return words;
    const from = line.length + 1;
    line += ` ${word} ${words}`;
    spans.push({ key, from, to: line.length });
  }
  const parsed = parseEvpnWords(line, 0);
  if (!parsed.ok) {
    const column = /\(column (\d+)/.exec(parsed.error);
    const at = column ? Number(column[1]) - 1 : -1;
    const span = spans.find((s) => at >= s.from && at < s.to);
    // The grammar's column means nothing in a config file: say what, at the key.
    const error = parsed.error.replace(/ \(column \d+, "[^"]*"\)| \(at the end of the line\)/, '');
    return fail(span?.key ?? '', error);
  }
  if (parsed.value.end < line.length) return fail('', `unexpected "${line.slice(parsed.value.end)}"`);
  const route = parsed.value.route;
  return { ok: true, value: { afi: Afi.L2VPN, safi: Safi.EVPN, nlri: route, text: formatText(route), attributes: NO_ATTRIBUTES } };
}

/** decodeEvpnConfig's inverse for the route's own keys (the attributes are lib/config's). */
export function encodeEvpnConfig(route: EvpnRoute): Record<string, unknown> {
  if ('raw' in route) return { routeType: 'generic', code: route.type, raw: `0x${route.raw}` };
  const out: Record<string, unknown> = { routeType: ROUTE_TYPE_NAMES[route.type], rd: formatRouteDistinguisher(route.rd) };
  const fields = (labels: readonly number[]): void => {
    if (labels.length === 1 && labels[0] === 0) return;
    // Plain MPLS labels (bottom of stack on the last) read back as labels, anything else as VNI fields.
    const plain = labels.every((f, i) => f === (((f >>> 4) << 4) | (i === labels.length - 1 ? 1 : 0)));
    if (plain) out.labels = labels.map((f) => f >>> 4);
    else out.vni = labels.length === 1 ? labels[0] : [...labels];
  };
  switch (route.type) {
    case 1:
      Object.assign(out, { esi: formatEsi(route.esi), ethernetTag: route.etag });
      fields([route.label]);
      break;
    case 2:
      Object.assign(out, { esi: formatEsi(route.esi), ethernetTag: route.etag, mac: formatMac(route.mac) });
      if (route.macLength !== 48) out.macLength = route.macLength;
      if (route.ip !== undefined) out.ip = route.ip;
      fields(route.labels);
      break;
    case 3:
      Object.assign(out, { ethernetTag: route.etag, ip: route.ip });
      break;
    case 4:
      Object.assign(out, { esi: formatEsi(route.esi), ip: route.ip });
      break;
    case 5:
      Object.assign(out, { esi: formatEsi(route.esi), ethernetTag: route.etag, prefix: `${route.ip}/${route.length}`, gateway: route.gateway });
      fields([route.label]);
      break;
  }
  return out;
}

export const evpnConfigForm: RouteConfigForm = {
  key: 'evpn',
  what: 'an EVPN route like { "routeType": "mac-ip", "rd": "65000:1", "mac": "00:11:22:33:44:55", "labels": [100], "nextHop": "198.51.100.1" }',
  list: 'a list of EVPN routes',
  attributeKeys: true,
  decode: decodeEvpnConfig,
  encode: (route: FamilyRoute) => encodeEvpnConfig(route.nlri as EvpnRoute),
};
