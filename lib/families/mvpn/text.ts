/**
 * The text of an MVPN route: rxbgp's canonical form (RIB keys, listings, logs, `rxbgp encode`) and
 * the words of the process API, which are the same. ExaBGP 5's announce grammar
 * (configuration/announce/mvpn.py) has words for types 5, 6 and 7, in any order:
 *
 *   source-ad source 10.99.12.4 group 239.251.255.228 rd 65000:99999
 *   shared-join rp 10.99.199.1 group 239.251.255.228 rd 65000:99999 source-as 65000
 *   source-join source 10.99.12.2 group 239.251.255.228 rd 65000:99999 source-as 65000
 *
 * ExaBGP has none for types 1-4 (it only passes them on as octets), so rxbgp's words for them follow
 * the same keys and RFC 6514 §4's field names:
 *
 *   intra-as-ipmsi-ad rd 65000:1 originator 192.0.2.1
 *   inter-as-ipmsi-ad rd 65000:1 source-as 65001
 *   spmsi-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1 originator 192.0.2.1     (source/group "*": RFC 6625)
 *   leaf-ad route-key 0x0316... originator 192.0.2.1                              (the NLRI it answers, in hex)
 *   generic code 9 raw 0x0102...                                                  (a route type rxbgp does not decode)
 *
 * A Shared Tree Join's source is its C-RP (RFC 6514 §4.6), written "rp" as ExaBGP does ("source" is read too).
 */
import { formatIp, parseIp } from '../../wire/address';
import type { FamilyParse } from '../family-descriptor';
import { formatRouteDistinguisher, parseRouteDistinguisher } from '../route-distinguisher';
import { WILDCARD, type MvpnRoute } from './types';

/** Route type words, canonical first. */
export const ROUTE_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'intra-as-ipmsi-ad',
  2: 'inter-as-ipmsi-ad',
  3: 'spmsi-ad',
  4: 'leaf-ad',
  5: 'source-ad',
  6: 'shared-join',
  7: 'source-join',
};

const TYPE_BY_WORD = new Map<string, number>([...Object.entries(ROUTE_TYPE_NAMES).map(([t, w]) => [w, Number(t)] as [string, number]), ['generic', 0]]);

/** The words each route type takes after its type word. */
const WORDS: Readonly<Record<number, readonly string[]>> = {
  0: ['code', 'raw'],
  1: ['rd', 'originator'],
  2: ['rd', 'source-as'],
  3: ['rd', 'source', 'group', 'originator'],
  4: ['route-key', 'originator'],
  5: ['rd', 'source', 'group'],
  6: ['rd', 'source-as', 'rp', 'source', 'group'],
  7: ['rd', 'source-as', 'source', 'group'],
};
const ALL_WORDS = new Set(Object.values(WORDS).flat());

// ---------------------------------------------------------------- formatting

export function formatMvpnRoute(route: MvpnRoute): string {
  if ('raw' in route) return `generic code ${route.type} raw 0x${route.raw.toUpperCase()}`;
  if (route.type === 4) return `leaf-ad route-key 0x${route.routeKey.toUpperCase()} originator ${route.originator}`;
  const head = `${ROUTE_TYPE_NAMES[route.type]} rd ${formatRouteDistinguisher(route.rd)}`;
  switch (route.type) {
    case 1:
      return `${head} originator ${route.originator}`;
    case 2:
      return `${head} source-as ${route.sourceAs}`;
    case 3:
      return `${head} source ${route.source} group ${route.group} originator ${route.originator}`;
    case 5:
      return `${head} source ${route.source} group ${route.group}`;
    case 6:
      return `${head} source-as ${route.sourceAs} rp ${route.source} group ${route.group}`;
    case 7:
      return `${head} source-as ${route.sourceAs} source ${route.source} group ${route.group}`;
  }
}

/** The address family of a route's addresses (2 when any is IPv6), for a command that names no family. */
export function mvpnAfiOf(route: MvpnRoute): 1 | 2 {
  if ('raw' in route) return 1;
  const multicast = 'group' in route ? [route.source, route.group].filter((a) => a !== WILDCARD) : [];
  const addresses = multicast.length ? multicast : 'originator' in route ? [route.originator] : [];
  return addresses.some((a) => a.includes(':')) ? 2 : 1;
}

// ---------------------------------------------------------------- parsing

interface Word {
  readonly text: string;
  readonly at: number;
}

function wordsOf(line: string, from: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], at: m.index });
  return out;
}

export interface MvpnWordsParse {
  readonly route: MvpnRoute;
  readonly end: number;
}

type Fail = (word: Word | undefined, why: string) => { ok: false; error: string };

function canonicalIp(text: string): string | undefined {
  const bytes = parseIp(text);
  return bytes ? formatIp(bytes) : undefined;
}

/**
 * An MVPN route from line[from, ...): the route type word, then its words in any order, up to the
 * first word that is not one of them (where route attributes such as next-hop begin: `end`). Errors
 * name the word and its column.
 */
export function parseMvpnWords(line: string, from: number): FamilyParse<MvpnWordsParse> {
  const words = wordsOf(line, from);
  const fail: Fail = (word, why) => ({ ok: false, error: word ? `${why} (column ${word.at + 1}, "${word.text}")` : `${why} (at the end of the line)` });
  const types = `${Object.values(ROUTE_TYPE_NAMES).join(', ')} or generic`;
  const first = words[0];
  if (!first) return fail(undefined, `expected an MVPN route type (${types})`);
  const type = TYPE_BY_WORD.get(first.text);
  if (type === undefined) return fail(first, `unknown MVPN route type, expected ${types}`);
  const allowed = WORDS[type];
  const values = new Map<string, Word>();
  let i = 1;
  let end = line.length;
  while (i < words.length) {
    const word = words[i];
    if (!allowed.includes(word.text)) {
      // A field of another route type is a mistake, not where the route attributes begin.
      if (ALL_WORDS.has(word.text)) return fail(word, `a ${first.text} route has no ${word.text} (it takes ${allowed.join(', ')})`);
      end = word.at;
      break;
    }
    // A Shared Tree Join's "rp" is its source field (RFC 6514 §4.6).
    const key = word.text === 'rp' ? 'source' : word.text;
    if (values.has(key)) return fail(word, `${word.text} given twice`);
    const value = words[i + 1];
    if (!value) return fail(word, `expected a value after ${word.text}`);
    values.set(key, value);
    i += 2;
  }
  const route = buildRoute(type, first.text, values, fail);
  return route.ok ? { ok: true, value: { route: route.value, end } } : route;
}

function parseUint(text: string, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

function parseHex(text: string): string | undefined {
  return /^(0x)?([0-9a-f]{2})*$/i.test(text) ? text.replace(/^0x/i, '').toLowerCase() : undefined;
}

function buildRoute(type: number, name: string, values: ReadonlyMap<string, Word>, fail: Fail): FamilyParse<MvpnRoute> {
  if (type === 0) {
    const code = values.get('code');
    const raw = values.get('raw');
    const n = code ? parseUint(code.text, 255) : undefined;
    if (n === undefined) return fail(code, 'generic needs code <route type 0..255>');
    if (n >= 1 && n <= 7) return fail(code, `route type ${n} is written with its own words (${ROUTE_TYPE_NAMES[n]})`);
    const hex = raw ? parseHex(raw.text) : undefined;
    if (hex === undefined) return fail(raw, 'generic needs raw 0x<route type specific octets in hex>');
    if (hex.length > 510) return fail(raw, 'raw holds more than 255 octets');
    return { ok: true, value: { type: n, raw: hex } };
  }
  const need = (key: string, what: string): Word | { ok: false; error: string } => values.get(key) ?? fail(undefined, `a ${name} route needs ${key} <${what}> (RFC 6514 §4)`);
  const address = (key: string, what: string, wildcard: boolean): string | { ok: false; error: string } => {
    const word = need(key, what);
    if ('ok' in word) return word;
    if (wildcard && word.text === WILDCARD) return WILDCARD;
    return canonicalIp(word.text) ?? fail(word, `expected an IPv4 or IPv6 address${wildcard ? ' or * (RFC 6625)' : ''}`);
  };
  const asn = (): number | { ok: false; error: string } => {
    const word = need('source-as', 'AS number');
    if ('ok' in word) return word;
    return parseUint(word.text, 0xffffffff) ?? fail(word, 'expected an AS number 0..4294967295');
  };
  const failed = (v: unknown): v is { ok: false; error: string } => typeof v === 'object' && v !== null && 'ok' in v;

  if (type === 4) {
    const keyWord = need('route-key', 'the NLRI answered, in hex');
    if (failed(keyWord)) return keyWord;
    const routeKey = parseHex(keyWord.text);
    if (routeKey === undefined || routeKey.length < 4 || routeKey.length !== 4 + 2 * parseInt(routeKey.slice(2, 4), 16)) {
      return fail(keyWord, 'expected a route key: an MVPN NLRI in hex (type, length, value)');
    }
    const originator = address('originator', "originating router's address", false);
    if (failed(originator)) return originator;
    return { ok: true, value: { type, routeKey, originator } };
  }
  const rdWord = need('rd', 'route distinguisher');
  if (failed(rdWord)) return rdWord;
  const rd = parseRouteDistinguisher(rdWord.text);
  if (typeof rd === 'string') return fail(rdWord, rd);
  switch (type) {
    case 1: {
      const originator = address('originator', "originating router's address", false);
      return failed(originator) ? originator : { ok: true, value: { type, rd, originator } };
    }
    case 2: {
      const sourceAs = asn();
      return failed(sourceAs) ? sourceAs : { ok: true, value: { type, rd, sourceAs } };
    }
  }
  // "*" (length 0) is RFC 6625's wildcard; it is read for every type, as the decoder keeps it from any.
  const source = address('source', type === 6 ? 'C-RP address' : 'multicast source', true);
  if (failed(source)) return source;
  const group = address('group', 'multicast group', true);
  if (failed(group)) return group;
  if (source !== WILDCARD && group !== WILDCARD && source.includes(':') !== group.includes(':')) return fail(values.get('group'), 'the source and group must be of one address family');
  switch (type) {
    case 3: {
      const originator = address('originator', "originating router's address", false);
      return failed(originator) ? originator : { ok: true, value: { type, rd, source, group, originator } };
    }
    case 5:
      return { ok: true, value: { type, rd, source, group } };
    default: {
      const sourceAs = asn();
      return failed(sourceAs) ? sourceAs : { ok: true, value: { type: type as 6 | 7, rd, sourceAs, source, group } };
    }
  }
}

/** A whole text (canonical or API words) as one route; words after the route are an error. */
export function parseMvpnText(text: string): FamilyParse<MvpnRoute> {
  const parsed = parseMvpnWords(text, 0);
  if (!parsed.ok) return parsed;
  if (parsed.value.end < text.length && text.slice(parsed.value.end).trim() !== '') {
    return { ok: false, error: `unexpected "${text.slice(parsed.value.end).trim().split(/\s+/)[0]}" (column ${parsed.value.end + 1}) in an MVPN route` };
  }
  return { ok: true, value: parsed.value.route };
}
