/**
 * io-ts codecs for the config's leaf values. Each decodes JSON to the value the daemon uses
 * (canonical address text, uint32 community, AFI/SAFI) and fails with "expected X, got Y".
 */
import * as t from 'io-ts';
import { Afi, AddPathMode, Origin } from '../wire/iana';
import { formatIpv4Number, formatIpv6, parseIpv4, parseIpv6, parsePrefix, formatPrefix } from '../wire/address';
import type { Aggregator, Family } from '../wire/types';
import { describeValue } from './config-error';
import { formatCommunity, parseCommunity } from '../wire/community-text';
import { formatLargeCommunity, parseLargeCommunity } from '../wire/large-community-text';
import { formatExtendedCommunity, parseExtendedCommunity } from '../wire/extended-community-text';
import { CONFIG_FAMILIES, formatFamily, parseFamily } from '../families/family-text';
import type { LogLevel } from './types';

/** A parse result: the value, or the whole error message. */
type Parsed<A> = { readonly value: A } | string;

const expected = (what: string, u: unknown): string => `expected ${what}, got ${describeValue(u)}`;

/** A leaf codec from a parse function; `name` is what "missing required key, expected ..." says. */
export function scalar<A, O>(
  name: string,
  is: (u: unknown) => u is A,
  parse: (u: unknown) => Parsed<A>,
  encode: (a: A) => O,
): t.Type<A, O, unknown> {
  return new t.Type<A, O, unknown>(
    name,
    is,
    (u, c) => {
      const r = parse(u);
      return typeof r === 'string' ? t.failure(u, c, r) : t.success(r.value);
    },
    encode,
  );
}

const isNumber = (u: unknown): u is number => typeof u === 'number';
const isString = (u: unknown): u is string => typeof u === 'string';
const identity = <A>(a: A): A => a;

/** An integer in min..max; `what` describes the range for the message, e.g. "a port 1..65535". */
export function integer(what: string, min: number, max: number): t.Type<number, number, unknown> {
  return scalar(
    what,
    isNumber,
    (u) => (typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max ? { value: u } : expected(what, u)),
    identity,
  );
}

/**
 * RFC 7311 AIGP metric, 64 bits: a JSON number up to 2^53 - 1, or a string (decimal or 0x hex)
 * for the whole range, since JSON numbers past 2^53 lose digits.
 */
export const aigpMetric = scalar<bigint, string>(
  'an AIGP metric: an integer 0..9007199254740991, or a string "0".."18446744073709551615" or "0x.."',
  (u): u is bigint => typeof u === 'bigint',
  (u) => {
    const what = 'an AIGP metric (an integer 0..9007199254740991, or a decimal or 0x string up to 64 bits)';
    if (typeof u === 'number') return Number.isSafeInteger(u) && u >= 0 ? { value: BigInt(u) } : expected(what, u);
    if (typeof u !== 'string' || !/^(0x[0-9a-fA-F]{1,16}|\d{1,20})$/.test(u)) return expected(what, u);
    const value = BigInt(u);
    return value <= 0xffffffffffffffffn ? { value } : expected(what, u);
  },
  (v) => v.toString(),
);

export const asn = integer('an AS number 1..4294967295', 1, 0xffffffff);
export const uint32 = integer('an integer 0..4294967295', 0, 0xffffffff);
export const port = integer('a port 1..65535', 1, 65535);

/** RFC 4271 §4.2: "Hold Time MUST be either zero or at least three seconds". */
export const holdTime = scalar(
  '0 or 3..65535',
  isNumber,
  (u) =>
    typeof u === 'number' && Number.isInteger(u) && (u === 0 || (u >= 3 && u <= 65535))
      ? { value: u }
      : expected('0 or 3..65535', u),
  identity,
);

export const boolean = scalar(
  'true or false',
  (u): u is boolean => typeof u === 'boolean',
  (u) => (typeof u === 'boolean' ? { value: u } : expected('true or false', u)),
  identity,
);

/** A non-empty string of at most `maxBytes` UTF-8 bytes. */
export function text(what: string, maxBytes = 4096): t.Type<string, string, unknown> {
  return scalar(
    what,
    isString,
    (u) =>
      typeof u === 'string' && u.length > 0 && Buffer.byteLength(u) <= maxBytes ? { value: u } : expected(what, u),
    identity,
  );
}

/** One of a fixed set of strings, decoded to the mapped value. */
export function oneOf<A>(choices: ReadonlyMap<string, A>, is: (u: unknown) => u is A): t.Type<A, string, unknown> {
  const names = [...choices.keys()];
  const what = names.length === 1 ? `"${names[0]}"` : `one of ${names.map((n) => `"${n}"`).join(', ')}`;
  const reverse = new Map<A, string>([...choices].map(([k, v]) => [v, k]));
  return scalar(
    what,
    is,
    (u) => {
      const v = typeof u === 'string' ? choices.get(u) : undefined;
      return v !== undefined ? { value: v } : expected(what, u);
    },
    (a) => reverse.get(a) ?? String(a),
  );
}

function canonicalIp(text: string): string | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return formatIpv4Number(v4);
  const v6 = parseIpv6(text);
  return v6 && formatIpv6(v6);
}

/** An IPv4 or IPv6 literal, decoded to its canonical text (RFC 5952 for IPv6). */
export const ipAddress = scalar(
  'an IPv4 or IPv6 address',
  isString,
  (u) => {
    const canonical = typeof u === 'string' ? canonicalIp(u) : undefined;
    return canonical !== undefined ? { value: canonical } : expected('an IPv4 or IPv6 address', u);
  },
  identity,
);

export const ipv4Address = scalar(
  'an IPv4 address',
  isString,
  (u) => {
    const n = typeof u === 'string' ? parseIpv4(u) : undefined;
    return n !== undefined ? { value: formatIpv4Number(n) } : expected('an IPv4 address', u);
  },
  identity,
);

/** BGP Identifier: a non-zero 4-octet value written as a dotted quad (RFC 4271 §4.2, RFC 6286). */
export const routerId = scalar(
  'a router ID: a dotted quad other than 0.0.0.0',
  isString,
  (u) => {
    const n = typeof u === 'string' ? parseIpv4(u) : undefined;
    return n !== undefined && n !== 0 ? { value: formatIpv4Number(n) } : expected('a router ID: a dotted quad other than 0.0.0.0', u);
  },
  identity,
);

/** A prefix in canonical form with its family and length. */
export interface PrefixValue {
  readonly afi: typeof Afi.IPV4 | typeof Afi.IPV6;
  readonly length: number;
  readonly text: string;
  readonly address: Buffer;
}

/** "10.0.0.0/24" or "2001:db8::/32"; host bits are refused because they are almost always a typo. */
export const prefix = scalar<PrefixValue, string>(
  'an IPv4 or IPv6 prefix',
  (u): u is PrefixValue => typeof u === 'object' && u !== null && 'text' in u,
  (u) => {
    const p = typeof u === 'string' ? parsePrefix(u) : undefined;
    if (typeof p === 'object') {
      return { value: { afi: p.afi, length: p.length, address: p.address, text: formatPrefix(p.afi, p.length, p.address) } };
    }
    const cleared = typeof u === 'string' ? parsePrefix(u, true) : undefined;
    if (typeof cleared === 'object') {
      const meant = formatPrefix(cleared.afi, cleared.length, cleared.address);
      return `expected a prefix without host bits, got ${describeValue(u)} (did you mean "${meant}"?)`;
    }
    return expected('an IPv4 or IPv6 prefix like "10.0.0.0/24"', u);
  },
  (p) => p.text,
);

/** "self" (the session's local address) or an explicit next-hop address. */
export const nextHop = scalar(
  '"self" or an IP address',
  isString,
  (u) => {
    if (u === 'self') return { value: 'self' };
    const canonical = typeof u === 'string' ? canonicalIp(u) : undefined;
    return canonical !== undefined ? { value: canonical } : expected('"self" or an IP address', u);
  },
  identity,
);

/** ORIGIN, RFC 4271 §5.1.1. */
export const origin = oneOf(
  new Map<string, number>([
    ['igp', Origin.IGP],
    ['egp', Origin.EGP],
    ['incomplete', Origin.INCOMPLETE],
  ]),
  isNumber,
);

/** A text parser (returning a value or "expected ...") as a codec over JSON strings. */
function fromText<A>(what: string, is: (u: unknown) => u is A, parse: (s: string) => A | string, format: (a: A) => string) {
  return scalar<A, string>(
    what,
    is,
    (u) => {
      if (typeof u !== 'string') return expected(what, u);
      const r = parse(u);
      return typeof r === 'string' ? `${r}, got ${describeValue(u)}` : { value: r };
    },
    format,
  );
}

export const community = fromText('a community like "65001:100"', isNumber, parseCommunity, formatCommunity);
export const largeCommunity = fromText(
  'a large community like "65001:1:2"',
  (u): u is [number, number, number] => Array.isArray(u) && u.length === 3,
  parseLargeCommunity,
  formatLargeCommunity,
);
export const extendedCommunity = fromText(
  'an extended community like "target:65001:1"',
  (u): u is bigint => typeof u === 'bigint',
  parseExtendedCommunity,
  formatExtendedCommunity,
);

/** AGGREGATOR (RFC 4271 §5.1.7) as "AS:address", e.g. "65001:192.0.2.1". */
export const aggregator = fromText<Aggregator>(
  'an aggregator like "65001:192.0.2.1"',
  (u): u is Aggregator => typeof u === 'object' && u !== null && 'asn' in u,
  (s) => {
    const colon = s.indexOf(':');
    const asText = s.slice(0, colon);
    const address = colon === -1 ? undefined : parseIpv4(s.slice(colon + 1));
    if (!/^\d{1,10}$/.test(asText) || Number(asText) < 1 || Number(asText) > 0xffffffff || address === undefined) {
      return 'expected an aggregator AS:address like "65001:192.0.2.1" (AS 1..4294967295, an IPv4 address)';
    }
    return { asn: Number(asText), address: formatIpv4Number(address) };
  },
  (a) => `${a.asn}:${a.address}`,
);

const isFamily = (u: unknown): u is Family => typeof u === 'object' && u !== null && 'afi' in u && 'safi' in u;

/** A family rxbgp can configure ("ipv4 unicast", "ipv6 unicast"). */
export const family = scalar<Family, string>(
  `a family: ${CONFIG_FAMILIES.map((f) => `"${f}"`).join(' or ')}`,
  isFamily,
  (u) => {
    const f = typeof u === 'string' ? parseFamily(u) : undefined;
    if (f && CONFIG_FAMILIES.includes(formatFamily(f.afi, f.safi))) return { value: f };
    const what = `${CONFIG_FAMILIES.map((n) => `"${n}"`).join(' or ')}`;
    return f ? `expected ${what}, got ${describeValue(u)} (not supported yet)` : expected(what, u);
  },
  (f) => formatFamily(f.afi, f.safi),
);

/** ADD-PATH Send/Receive field, RFC 7911 §4. */
export const addPathMode = oneOf(
  new Map<string, number>([
    ['receive', AddPathMode.RECEIVE],
    ['send', AddPathMode.SEND],
    ['both', AddPathMode.BOTH],
  ]),
  isNumber,
);

export const logLevel = oneOf(
  new Map<string, LogLevel>([
    ['error', 'error'],
    ['warn', 'warn'],
    ['info', 'info'],
    ['debug', 'debug'],
  ]),
  (u): u is LogLevel => typeof u === 'string',
);
