/**
 * The attribute words of `announce route` / `announce attributes` (ExaBGP's ParseStaticRoute keywords,
 * configuration/static/parser.py), read into a RouteDraft. As in ExaBGP, the first occurrence of an
 * attribute wins and a repeat is ignored (Attributes.add keeps the first).
 */
import { formatIpv4Number } from '../../wire/address';
import { AsPathSegmentType, Origin } from '../../wire/iana';
import type { AsPathSegment, PathAttributes, UnknownAttribute } from '../../wire/types';
import { parseLargeCommunity } from '../../wire/large-community-text';
import { canonicalIp, canonicalIpv4, ipv4Number } from './address-text';
import { communityOfWord, extendedCommunityOfWord } from './community-words';
import type { Cursor } from './cursor';
import { parseUint, U32_MAX } from './number-text';
import { readPrefixSid, readPrefixSidSrv6 } from './prefix-sid-words';

export type MutableAttributes = { -readonly [K in keyof PathAttributes]: PathAttributes[K] };

/** What the attribute words of one command set, before prefixes are attached. */
export interface RouteDraft {
  attributes: MutableAttributes;
  nextHop?: string;
  pathId?: number;
  /** `split /N`: the prefix length to cut the route into. */
  split?: number;
  name?: string;
  watchdog?: string;
}

/** Words ExaBGP accepts for other families; named in the error so users know why. */
const OTHER_FAMILY_WORDS = new Set(['rd', 'route-distinguisher', 'label']);

/** The attribute words readRouteAttribute knows, for "did you mean" answers. */
export const ROUTE_ATTRIBUTE_WORDS: readonly string[] = [
  'next-hop', 'origin', 'as-path', 'med', 'local-preference', 'atomic-aggregate', 'aggregator', 'originator-id', 'cluster-list',
  'community', 'large-community', 'extended-community', 'path-information', 'split', 'name', 'watchdog', 'attribute', 'aigp',
  'bgp-prefix-sid', 'bgp-prefix-sid-srv6',
];

/**
 * Reads the value(s) of attribute `keyword` (already consumed) into `draft`.
 * Returns false when `keyword` is not an attribute word (the caller decides what it is).
 */
export function readRouteAttribute(cursor: Cursor, keyword: string, draft: RouteDraft): boolean {
  const a = draft.attributes;
  switch (keyword) {
    case 'next-hop': {
      const word = cursor.next('a next-hop address or self');
      let hop: string;
      if (word === 'self' || (word.length === 4 && word.toLowerCase() === 'self')) hop = 'self';
      else {
        const ip = canonicalIp(word);
        if (ip === undefined) cursor.fail('next-hop must be an IPv4/IPv6 address or self');
        hop = ip.text;
      }
      if (draft.nextHop === undefined) draft.nextHop = hop;
      return true;
    }
    case 'origin': {
      const word = cursor.next('an origin (igp, egp or incomplete)');
      const lower = word.toLowerCase();
      // RFC 4271 §5.1.1
      const origin = lower === 'igp' ? Origin.IGP : lower === 'egp' ? Origin.EGP : lower === 'incomplete' ? Origin.INCOMPLETE : -1;
      if (origin < 0) cursor.fail('origin must be igp, egp or incomplete');
      if (a.origin === undefined) a.origin = origin;
      return true;
    }
    case 'as-path': {
      const path = readAsPath(cursor);
      if (a.asPath === undefined) a.asPath = path;
      return true;
    }
    case 'med': {
      const med = readUint32(cursor, 'med');
      if (a.med === undefined) a.med = med;
      return true;
    }
    case 'local-preference': {
      const pref = readUint32(cursor, 'local-preference');
      if (a.localPref === undefined) a.localPref = pref;
      return true;
    }
    case 'atomic-aggregate':
      a.atomicAggregate = true;
      return true;
    case 'aggregator': {
      const aggregator = readAggregator(cursor);
      if (a.aggregator === undefined) a.aggregator = aggregator;
      return true;
    }
    case 'originator-id': {
      const id = canonicalIpv4(cursor.next('an originator-id (IPv4 address)'));
      if (id === undefined) cursor.fail('originator-id must be an IPv4 address');
      if (a.originatorId === undefined) a.originatorId = id;
      return true;
    }
    case 'cluster-list': {
      const list = readList(cursor, 'cluster-list', clusterIdOfWord);
      if (list.length === 0) cursor.fail('cluster-list needs at least one cluster id');
      if (a.clusterList === undefined) a.clusterList = list.map(formatIpv4Number);
      return true;
    }
    case 'community': {
      const list = readList(cursor, 'community', communityOfWord);
      if (a.communities === undefined && list.length > 0) a.communities = list;
      return true;
    }
    case 'large-community': {
      const list = readList(cursor, 'large-community', parseLargeCommunity);
      // ExaBGP drops repeated large communities from one list.
      const unique = list.filter((c, i) => list.findIndex((d) => d[0] === c[0] && d[1] === c[1] && d[2] === c[2]) === i);
      if (a.largeCommunities === undefined && unique.length > 0) a.largeCommunities = unique;
      return true;
    }
    case 'extended-community': {
      const list = readList(cursor, 'extended-community', extendedCommunityOfWord);
      if (a.extendedCommunities === undefined && list.length > 0) a.extendedCommunities = list;
      return true;
    }
    case 'path-information': {
      // RFC 7911 path identifier: a number or, as ExaBGP allows, a dotted quad.
      const word = cursor.next('a path-information (number or IPv4 address)');
      const id = parseUint(word, U32_MAX) ?? ipv4Number(word);
      if (id === undefined) cursor.fail('path-information must be 0..4294967295 or an IPv4 address');
      if (draft.pathId === undefined) draft.pathId = id;
      return true;
    }
    case 'split': {
      const word = cursor.next('a split length (/N)');
      const length = word.charCodeAt(0) === 47 ? parseUint(word.slice(1), 128) : undefined;
      if (length === undefined) cursor.fail('split must be /N with N 0..128');
      if (draft.split === undefined) draft.split = length;
      return true;
    }
    case 'name': {
      const name = cursor.next('a name');
      if (draft.name === undefined) draft.name = name;
      return true;
    }
    case 'watchdog': {
      const name = cursor.next('a watchdog name');
      const lower = name.toLowerCase();
      if (lower === 'announce' || lower === 'withdraw') cursor.fail('a watchdog cannot be named announce or withdraw');
      if (draft.watchdog === undefined) draft.watchdog = name;
      return true;
    }
    case 'attribute': {
      const attribute = readGenericAttribute(cursor);
      addUnknown(a, attribute);
      return true;
    }
    case 'aigp': {
      // RFC 7311 §3: the AIGP TLV's 8-octet metric; ExaBGP takes decimal or 0x hex.
      const word = cursor.next('an aigp metric');
      const metric = /^(0x[0-9a-fA-F]{1,16}|\d{1,20})$/.test(word) ? BigInt(word) : -1n;
      if (metric < 0n || metric > 0xffffffffffffffffn) cursor.fail('aigp must be a 64-bit number (decimal or 0x hex)');
      if (a.aigp === undefined) a.aigp = metric;
      return true;
    }
    case 'bgp-prefix-sid':
    case 'bgp-prefix-sid-srv6': {
      // RFC 8669 / RFC 9252: both words set attribute 40; as in ExaBGP, the first one given wins.
      const tlvs = keyword === 'bgp-prefix-sid' ? readPrefixSid(cursor) : readPrefixSidSrv6(cursor);
      if (a.prefixSid === undefined) a.prefixSid = tlvs;
      return true;
    }
    default:
      if (OTHER_FAMILY_WORDS.has(keyword)) cursor.fail('only IPv4/IPv6 unicast routes are supported; rxbgp does not carry this yet');
      return false;
  }
}

/** Fills ORIGIN and AS_PATH when the command did not give them, as lib/config does (RFC 4271 §5.1 well-known mandatory). */
export function completeAttributes(a: MutableAttributes): PathAttributes {
  if (a.origin === undefined) a.origin = Origin.IGP;
  if (a.asPath === undefined) a.asPath = [];
  return a;
}

function addUnknown(a: MutableAttributes, attribute: UnknownAttribute): void {
  if (a.unknown?.some((u) => u.type === attribute.type)) return;
  a.unknown = a.unknown ? [...a.unknown, attribute] : [attribute];
}

function readUint32(cursor: Cursor, what: string): number {
  const value = parseUint(cursor.next(`a ${what} value`), U32_MAX);
  if (value === undefined) cursor.fail(`${what} must be 0..4294967295`);
  return value;
}

function asnOfWord(word: string): number | string {
  const asn = parseUint(word, U32_MAX);
  return asn === undefined ? 'expected an AS number 0..4294967295' : asn;
}

/** RFC 4456 §8 CLUSTER_ID, 4 octets written as an IPv4 address. */
function clusterIdOfWord(word: string): number | string {
  return ipv4Number(word) ?? 'expected a cluster id (IPv4 address)';
}

/**
 * `<value>` or `[ <value> ... ]` (ExaBGP also skips commas between values of an as-path only; here
 * commas are tolerated in every list). Values failing `parse` raise the error naming the word.
 */
function readList<T>(cursor: Cursor, what: string, parse: (word: string) => T | string): T[] {
  const first = cursor.next(`a ${what} value or [`);
  if (first !== '[') {
    const value = parse(first);
    if (typeof value === 'string') cursor.fail(`bad ${what}, ${value}`);
    return [value];
  }
  const out: T[] = [];
  for (;;) {
    const word = cursor.next(`] to close the ${what} list`);
    if (word === ']') return out;
    if (word === ',') continue;
    if (word === '[' || word === '(' || word === ')' || word === '{' || word === '}') cursor.fail(`unexpected bracket in ${what} list`);
    const value = parse(word);
    if (typeof value === 'string') cursor.fail(`bad ${what}, ${value}`);
    out.push(value);
  }
}

/**
 * `as-path ASN` or `as-path [ ASN ... ]`; inside the brackets `( ... )`, `[ ... ]` or `{ ... }` holds
 * AS_SET members. As ExaBGP's ASPath(as_seq, as_set): every ASN outside a set goes into one
 * AS_SEQUENCE, every ASN inside one into one AS_SET after it (RFC 4271 §4.3).
 */
function readAsPath(cursor: Cursor): AsPathSegment[] {
  const first = cursor.next('an AS number or [');
  const sequence: number[] = [];
  const set: number[] = [];
  if (first !== '[') {
    const asn = asnOfWord(first);
    if (typeof asn === 'string') cursor.fail(`bad as-path, ${asn}`);
    sequence.push(asn);
  } else {
    let closeSet = '';
    for (;;) {
      const word = cursor.next(closeSet ? `${closeSet} to close the AS_SET` : '] to close the as-path');
      if (word === ',') continue;
      if (closeSet) {
        if (word === closeSet) {
          closeSet = '';
          continue;
        }
      } else {
        if (word === ']') break;
        if (word === '(' || word === '[' || word === '{') {
          closeSet = word === '(' ? ')' : word === '[' ? ']' : '}';
          continue;
        }
      }
      const asn = asnOfWord(word);
      if (typeof asn === 'string') cursor.fail(`bad as-path, ${asn}`);
      (closeSet ? set : sequence).push(asn);
    }
  }
  const segments: AsPathSegment[] = [];
  if (sequence.length > 0) segments.push({ type: AsPathSegmentType.AS_SEQUENCE, asns: sequence });
  if (set.length > 0) segments.push({ type: AsPathSegmentType.AS_SET, asns: set });
  return segments;
}

/** `aggregator ( ASN:IPv4 )` or `aggregator ASN:IPv4` (RFC 4271 §5.1.7). */
function readAggregator(cursor: Cursor): { asn: number; address: string } {
  let word = cursor.next('an aggregator (ASN:IPv4)');
  const open = word === '(';
  if (open) word = cursor.next('an aggregator ASN:IPv4 after (');
  const colon = word.indexOf(':');
  const asn = colon > 0 ? parseUint(word.slice(0, colon), U32_MAX) : undefined;
  const address = colon > 0 ? canonicalIpv4(word.slice(colon + 1)) : undefined;
  if (asn === undefined || address === undefined) cursor.fail('aggregator must be ASN:IPv4 (optionally in parentheses)');
  if (open && cursor.next(') to close the aggregator') !== ')') cursor.fail('expected ) to close the aggregator');
  return { asn, address };
}

/** ExaBGP's generic attribute: `attribute [ 0xCODE 0xFLAGS 0xDATA ]`, passed through as-is. */
function readGenericAttribute(cursor: Cursor): UnknownAttribute {
  if (cursor.next('[ after attribute') !== '[') cursor.fail('expected attribute [ 0xCODE 0xFLAGS 0xDATA ]');
  const type = hexByte(cursor.next('an attribute code (0x..)'));
  if (type === undefined) cursor.fail('attribute code must be 0x00..0xff');
  const flags = hexByte(cursor.next('attribute flags (0x..)'));
  if (flags === undefined) cursor.fail('attribute flags must be 0x00..0xff');
  const data = cursor.next('attribute data (0x..)');
  if (!/^0x([0-9a-fA-F]{2})*$/.test(data) || data.length > 2 + 2 * 65535) cursor.fail('attribute data must be 0x and an even number of hex digits');
  if (cursor.next('] to close the attribute') !== ']') cursor.fail('expected ] to close the attribute');
  return { flags, type, value: Buffer.from(data.slice(2), 'hex') };
}

function hexByte(word: string): number | undefined {
  return /^0x[0-9a-fA-F]{1,2}$/.test(word) ? parseInt(word.slice(2), 16) : undefined;
}
