/**
 * The text of an EVPN route: rxbgp's canonical form (RIB keys, listings, logs, `rxbgp encode`) and
 * the words of the process API, which are the same. Neither ExaBGP 4.2 nor ExaBGP 5 (main) has an
 * API grammar for EVPN (both only decode it), so the words follow ExaBGP's JSON keys ("rd", "esi",
 * "ethernet-tag", "mac", "ip", "label", "gateway") after a route type word:
 *
 *   ethernet-ad rd 65000:1 esi 01:02:03:04:05:06:07:08:09:0a ethernet-tag 100 label 1000
 *   mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label [ 1000 2000 ]
 *   multicast rd 65000:1 ethernet-tag 0 ip 192.0.2.1
 *   ethernet-segment rd 65000:1 esi 01:02:03:04:05:06:07:08:09:0a ip 192.0.2.1
 *   ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.0.0.0/24 gateway 0.0.0.0 label 1000
 *   generic code 9 raw 0x0102...                       (a route type rxbgp does not decode)
 *
 * Aliases are read for the route type (ExaBGP's short names: ethernetad, macadv, segment, prfxadv;
 * GoBGP's CLI words: a-d, macadv, multicast, esi, prefix) and "etag" for "ethernet-tag".
 * The ESI is "-" when all zero (ExaBGP's form). A label is an MPLS label (RFC 7432 §7: its high 20
 * bits, bottom-of-stack set on the last, as ExaBGP writes it); a field that is not that is written
 * with its 24-bit value after it, "label 0 (10)", or given as `vni 10` (RFC 8365 §5.1.3: a VXLAN VNI
 * takes the whole field). A field of zeros (the default when no label is given) is left out.
 */
import { formatIp, parseIp } from '../../wire/address';
import type { FamilyParse } from '../family-descriptor';
import { labelsText, parseLabelWords } from '../labeled-prefix/text';
import { formatRouteDistinguisher, parseRouteDistinguisher } from '../route-distinguisher';
import { ZERO_ESI, type EvpnRoute } from './types';

/** Route type words: the canonical one first for each type. */
export const ROUTE_TYPE_NAMES: Readonly<Record<number, string>> = { 1: 'ethernet-ad', 2: 'mac-ip', 3: 'multicast', 4: 'ethernet-segment', 5: 'ip-prefix' };

const TYPE_BY_WORD = new Map<string, number>([
  ['ethernet-ad', 1],
  ['ethernetad', 1],
  ['a-d', 1],
  ['mac-ip', 2],
  ['macadv', 2],
  ['multicast', 3],
  ['ethernet-segment', 4],
  ['segment', 4],
  ['esi', 4],
  ['ip-prefix', 5],
  ['prfxadv', 5],
  ['prefix', 5],
  ['generic', 0],
]);

/** The words each route type takes after its type word (rd is required by every known type). */
const WORDS: Readonly<Record<number, readonly string[]>> = {
  0: ['code', 'raw'],
  1: ['rd', 'esi', 'ethernet-tag', 'label', 'vni'],
  2: ['rd', 'esi', 'ethernet-tag', 'mac', 'mac-length', 'ip', 'label', 'vni'],
  3: ['rd', 'ethernet-tag', 'ip'],
  4: ['rd', 'esi', 'ip'],
  5: ['rd', 'esi', 'ethernet-tag', 'prefix', 'gateway', 'label', 'vni'],
};

const ALL_WORDS = new Set(Object.values(WORDS).flat());


// ---------------------------------------------------------------- formatting

/** ExaBGP's ESI text (qualifier/esi.py): "-" for all zeros, else colon-separated lower-case hex. */
export function formatEsi(esi: string): string {
  return esi === ZERO_ESI ? '-' : esi.replace(/(..)(?!$)/g, '$1:');
}

/** ExaBGP's MAC text (qualifier/mac.py): colon-separated upper-case hex. */
export function formatMac(mac: string): string {
  return mac.toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

/** " label N" / " label [ N M ]" with raw fields as "(v)" when not plain; nothing for one field of zeros. */
function labelWords(labels: readonly number[]): string {
  if (labels.length === 1 && labels[0] === 0) return '';
  return labelsText(labels);
}

export function formatEvpnRoute(route: EvpnRoute): string {
  if ('raw' in route) return `generic code ${route.type} raw 0x${route.raw.toUpperCase()}`;
  const rd = formatRouteDistinguisher(route.rd);
  switch (route.type) {
    case 1:
      return `ethernet-ad rd ${rd} esi ${formatEsi(route.esi)} ethernet-tag ${route.etag}${labelWords([route.label])}`;
    case 2: {
      const length = route.macLength === 48 ? '' : ` mac-length ${route.macLength}`;
      const ip = route.ip === undefined ? '' : ` ip ${route.ip}`;
      return `mac-ip rd ${rd} esi ${formatEsi(route.esi)} ethernet-tag ${route.etag} mac ${formatMac(route.mac)}${length}${ip}${labelWords(route.labels)}`;
    }
    case 3:
      return `multicast rd ${rd} ethernet-tag ${route.etag} ip ${route.ip}`;
    case 4:
      return `ethernet-segment rd ${rd} esi ${formatEsi(route.esi)} ip ${route.ip}`;
    case 5:
      return `ip-prefix rd ${rd} esi ${formatEsi(route.esi)} ethernet-tag ${route.etag} prefix ${route.ip}/${route.length} gateway ${route.gateway}${labelWords([route.label])}`;
  }
}

/**
 * What names the route for BGP whatever its other fields (the route key): RFC 7432 §7.1 (RD, ESI,
 * Ethernet Tag), §7.2 (RD, Ethernet Tag, MAC and IP with their lengths: not the ESI or labels),
 * §7.3 and §7.4 (every field), RFC 9136 §3.1 (RD, Ethernet Tag, prefix and length: not the ESI,
 * gateway or label). A new announcement under the same key replaces the route; a withdrawal names it.
 */
export function evpnRouteKey(route: EvpnRoute): string {
  if ('raw' in route) return formatEvpnRoute(route);
  const rd = formatRouteDistinguisher(route.rd);
  switch (route.type) {
    case 1:
      return `ethernet-ad rd ${rd} esi ${formatEsi(route.esi)} ethernet-tag ${route.etag}`;
    case 2:
      return `mac-ip rd ${rd} ethernet-tag ${route.etag} mac ${formatMac(route.mac)}/${route.macLength}${route.ip === undefined ? '' : ` ip ${route.ip}`}`;
    case 5:
      return `ip-prefix rd ${rd} ethernet-tag ${route.etag} prefix ${route.ip}/${route.length}`;
    default:
      return formatEvpnRoute(route);
  }
}

// ---------------------------------------------------------------- parsing

/** One word of a line and where it starts. */
interface Word {
  readonly text: string;
  readonly at: number;
}

/** The words of line[from, end), "[" and "]" apart, with their columns. */
function wordsOf(line: string, from: number): Word[] {
  const out: Word[] = [];
  const re = /\[|\]|[^\s[\]]+/g;
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], at: m.index });
  return out;
}

/** A parsed route and the column of the first word after it (line.length when it ran to the end). */
export interface EvpnWordsParse {
  readonly route: EvpnRoute;
  readonly end: number;
}

const HEX_PAIRS = (count: number): RegExp => new RegExp(`^[0-9a-f]{2}(?::[0-9a-f]{2}){${count - 1}}$`, 'i');
const ESI_TEXT = HEX_PAIRS(10);
const MAC_TEXT = HEX_PAIRS(6);

function parseEsi(text: string): string | undefined {
  if (text === '-' || text === '0' || text === 'single-homed') return ZERO_ESI;
  if (ESI_TEXT.test(text)) return text.replace(/:/g, '').toLowerCase();
  if (/^(0x)?[0-9a-f]{20}$/i.test(text)) return text.replace(/^0x/i, '').toLowerCase();
  return undefined;
}

function parseUint(text: string, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** An IP address in canonical text, or undefined. */
function canonicalIp(text: string): string | undefined {
  const bytes = parseIp(text);
  return bytes ? formatIp(bytes) : undefined;
}

/**
 * An EVPN route from line[from, ...): the route type word, then its words in any order, up to the
 * first word that is not one of them (where route attributes such as next-hop begin: `end`). Errors
 * name the word and its column.
 */
export function parseEvpnWords(line: string, from: number): FamilyParse<EvpnWordsParse> {
  const words = wordsOf(line, from);
  const fail = (word: Word | undefined, why: string): { ok: false; error: string } => ({ ok: false, error: word ? `${why} (column ${word.at + 1}, "${word.text}")` : `${why} (at the end of the line)` });
  const first = words[0];
  if (!first) return fail(undefined, `expected an EVPN route type (${Object.values(ROUTE_TYPE_NAMES).join(', ')})`);
  const type = TYPE_BY_WORD.get(first.text);
  if (type === undefined) return fail(first, `unknown EVPN route type, expected ${Object.values(ROUTE_TYPE_NAMES).join(', ')} or generic`);
  const allowed = WORDS[type];
  const values = new Map<string, { readonly word: Word; readonly values: readonly Word[] }>();
  let i = 1;
  let end = line.length;
  while (i < words.length) {
    const word = words[i];
    const key = word.text === 'etag' ? 'ethernet-tag' : word.text;
    if (!allowed.includes(key)) {
      // A field of another route type is a mistake, not where the route attributes begin.
      if (ALL_WORDS.has(key)) return fail(word, `a ${first.text} route has no ${key} (it takes ${allowed.join(', ')})`);
      end = word.at;
      break;
    }
    if (values.has(key)) return fail(word, `${key} given twice`);
    i++;
    const list: Word[] = [];
    if (words[i]?.text === '[') {
      const close = words.findIndex((w, j) => j > i && w.text === ']');
      if (close < 0) return fail(words[i], `"[" without "]" after ${key}`);
      list.push(...words.slice(i + 1, close));
      i = close + 1;
    } else if (i < words.length) {
      list.push(words[i++]);
    }
    if (list.length === 0) return fail(word, `expected a value after ${key}`);
    // A raw label field after its label: "label 0 (10)".
    if (key === 'label') while (i < words.length && /^\(\d+\)$/.test(words[i].text)) list.push(words[i++]);
    values.set(key, { word, values: list });
  }
  const one = (key: string): Word | undefined => {
    const v = values.get(key);
    return v?.values[0];
  };
  const route = buildRoute(type, values, one, fail);
  return route.ok ? { ok: true, value: { route: route.value, end } } : route;
}

type Values = ReadonlyMap<string, { readonly word: Word; readonly values: readonly Word[] }>;

function buildRoute(
  type: number,
  values: Values,
  one: (key: string) => Word | undefined,
  fail: (word: Word | undefined, why: string) => { ok: false; error: string },
): FamilyParse<EvpnRoute> {
  if (type === 0) {
    const code = one('code');
    const raw = one('raw');
    const n = code ? parseUint(code.text, 255) : undefined;
    if (n === undefined || !code) return fail(code, 'generic needs code <route type 0..255>');
    if (n >= 1 && n <= 5) return fail(code, `route type ${n} is written with its own words (${ROUTE_TYPE_NAMES[n]})`);
    if (!raw || !/^(0x)?([0-9a-f]{2})*$/i.test(raw.text)) return fail(raw, 'generic needs raw 0x<route type specific octets in hex>');
    const hex = raw.text.replace(/^0x/i, '').toLowerCase();
    if (hex.length > 510) return fail(raw, 'raw holds more than 255 octets');
    return { ok: true, value: { type: n, raw: hex } };
  }
  const rdWord = one('rd');
  if (!rdWord) return fail(undefined, `an EVPN ${ROUTE_TYPE_NAMES[type]} route needs rd <route distinguisher> (RFC 7432 §7)`);
  const rd = parseRouteDistinguisher(rdWord.text);
  if (typeof rd === 'string') return fail(rdWord, rd);
  let esi = ZERO_ESI;
  const esiWord = one('esi');
  if (esiWord) {
    const parsed = parseEsi(esiWord.text);
    if (parsed === undefined) return fail(esiWord, 'expected an ESI: - (zero) or 10 colon-separated hex octets');
    esi = parsed;
  }
  let etag = 0;
  const etagWord = one('ethernet-tag');
  if (etagWord) {
    const parsed = parseUint(etagWord.text, 0xffffffff);
    if (parsed === undefined) return fail(etagWord, 'expected an Ethernet Tag ID 0..4294967295');
    etag = parsed;
  }
  const labels = labelFields(values, fail);
  if (typeof labels === 'object' && 'ok' in labels) return labels;
  const ipWord = one('ip');
  const ip = ipWord ? canonicalIp(ipWord.text) : undefined;
  if (ipWord && ip === undefined) return fail(ipWord, 'expected an IPv4 or IPv6 address');
  switch (type) {
    case 1:
      if (labels.length !== 1) return fail(values.get('label')?.word, 'an Ethernet Auto-Discovery route has one label');
      return { ok: true, value: { type, rd, esi, etag, label: labels[0] } };
    case 2: {
      const macWord = one('mac');
      if (!macWord || !MAC_TEXT.test(macWord.text)) return fail(macWord, 'a mac-ip route needs mac <6 colon-separated hex octets>');
      let macLength = 48;
      const lengthWord = one('mac-length');
      if (lengthWord) {
        const parsed = parseUint(lengthWord.text, 48);
        if (parsed === undefined) return fail(lengthWord, 'expected a MAC length 0..48 bits');
        macLength = parsed;
      }
      if (labels.length > 2) return fail(values.get('label')?.word, 'a MAC/IP Advertisement route has one or two labels (RFC 7432 §7.2)');
      const mac = macWord.text.replace(/:/g, '').toLowerCase();
      const base = { type, rd, esi, etag, macLength, mac } as const;
      return { ok: true, value: ip === undefined ? { ...base, labels } : { ...base, ip, labels } };
    }
    case 3:
      if (ip === undefined) return fail(undefined, "a multicast route needs ip <originating router's address> (RFC 7432 §7.3)");
      return { ok: true, value: { type, rd, etag, ip } };
    case 4:
      if (ip === undefined) return fail(undefined, "an ethernet-segment route needs ip <originating router's address> (RFC 7432 §7.4)");
      return { ok: true, value: { type, rd, esi, ip } };
    case 5: {
      const prefixWord = one('prefix');
      const match = prefixWord ? /^(.+)\/(\d{1,3})$/.exec(prefixWord.text) : null;
      const address = match ? canonicalIp(match[1]) : undefined;
      if (!prefixWord || !match || address === undefined) return fail(prefixWord, 'an ip-prefix route needs prefix <address>/<length>');
      const v6 = address.includes(':');
      const length = Number(match[2]);
      if (length > (v6 ? 128 : 32)) return fail(prefixWord, `prefix length ${length} is too long for an ${v6 ? 'IPv6' : 'IPv4'} prefix`);
      const gatewayWord = one('gateway');
      const gateway = gatewayWord ? canonicalIp(gatewayWord.text) : v6 ? '::' : '0.0.0.0';
      if (gateway === undefined) return fail(gatewayWord, 'expected a gateway IP address');
      if (gateway.includes(':') !== v6) return fail(gatewayWord, "the gateway must be of the prefix's address family (RFC 9136 §3.1)");
      if (labels.length !== 1) return fail(values.get('label')?.word, 'an IP Prefix route has one label');
      return { ok: true, value: { type, rd, esi, etag, ip: address, length, gateway, label: labels[0] } };
    }
  }
  return fail(undefined, `unknown EVPN route type ${type}`);
}

/** The label fields of `label ...` or `vni N`; [0] (a field of zeros) when neither is given. */
function labelFields(values: Values, fail: (word: Word | undefined, why: string) => { ok: false; error: string }): readonly number[] | { ok: false; error: string } {
  const label = values.get('label');
  const vni = values.get('vni');
  if (label && vni) return fail(vni.word, 'give label or vni, not both');
  if (vni) {
    const fields: number[] = [];
    for (const w of vni.values) {
      const n = parseUint(w.text, 0xffffff);
      if (n === undefined) return fail(w, 'expected a VNI 0..16777215 (RFC 8365 §5.1.3)');
      fields.push(n);
    }
    return fields;
  }
  if (!label) return [0];
  const stack = parseLabelWords(label.values.map((w) => w.text));
  return typeof stack === 'string' ? fail(label.word, stack) : stack;
}

/** A whole text (canonical or API words) as one route; words after the route are an error. */
export function parseEvpnText(text: string): FamilyParse<EvpnRoute> {
  const parsed = parseEvpnWords(text, 0);
  if (!parsed.ok) return parsed;
  if (parsed.value.end < text.length && text.slice(parsed.value.end).trim() !== '') {
    return { ok: false, error: `unexpected "${text.slice(parsed.value.end).trim().split(/\s+/)[0]}" (column ${parsed.value.end + 1}) in an EVPN route` };
  }
  return { ok: true, value: parsed.value.route };
}
