/**
 * Prefixes and addresses in command words, to canonical text. IPv4 (most of a full table, and what
 * bulk helpers print) takes a char-code fast path that reuses the word itself when it is already
 * canonical; IPv6 goes through lib/wire/address.
 */
import { Afi } from '../../wire/iana';
import { formatIpv4Number, formatIpv6, formatPrefix, parseIpv6, parsePrefix } from '../../wire/address';

export interface RoutePrefix {
  readonly afi: typeof Afi.IPV4 | typeof Afi.IPV6;
  readonly length: number;
  /** Canonical "address/length". */
  readonly text: string;
  /** IPv4: the address as a uint32. */
  readonly v4: number;
  /** IPv6: the 16 address bytes (undefined for IPv4). */
  readonly v6?: Buffer;
}

const DOT = 46;
const SLASH = 47;

/** The uint32 of the dotted quad in text[0, end), or -1 when it is not one. */
function ipv4Value(text: string, end: number): number {
  let value = 0;
  let part = -1;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      if (part < 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = -1;
      digits = 0;
      dots++;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || digits === 3) return -1;
    part = part < 0 ? d : part * 10 + d;
    if (part > 255) return -1;
    digits++;
  }
  if (part < 0 || dots !== 3) return -1;
  return value * 256 + part;
}

/** True when the dotted quad in text[0, end) has no leading zeros (so it is its own canonical text). */
function ipv4IsCanonical(text: string, end: number): boolean {
  for (let i = 0; i < end - 1; i++) {
    if (text.charCodeAt(i) === 48 && (i === 0 || text.charCodeAt(i - 1) === DOT) && text.charCodeAt(i + 1) !== DOT) return false;
  }
  return true;
}

/** A route prefix ("10.0.0.0/24", "2001:db8::/32"; no length means a host route), or why not. */
export function parseRoutePrefix(text: string): RoutePrefix | string {
  const slash = text.indexOf('/');
  const addrEnd = slash === -1 ? text.length : slash;
  const v4 = ipv4Value(text, addrEnd);
  if (v4 >= 0) {
    let length = 32;
    if (slash !== -1) {
      length = 0;
      const n = text.length;
      if (n === slash + 1 || n > slash + 3) return `prefix length must be 0..32`;
      for (let i = slash + 1; i < n; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return `prefix length must be 0..32`;
        length = length * 10 + d;
      }
      if (length > 32) return `prefix length must be 0..32`;
    }
    // RFC 4632: the bits after the prefix length must be zero (ExaBGP refuses them too).
    const host = length === 32 ? 0 : v4 % 2 ** (32 - length);
    if (host !== 0) return `host bits are set (did you mean ${formatIpv4Number(v4 - host)}/${length}?)`;
    const canonical = slash !== -1 && ipv4IsCanonical(text, addrEnd) && (text.length === slash + 2 || text.charCodeAt(slash + 1) !== 48);
    return { afi: Afi.IPV4, length, text: canonical ? text : `${formatIpv4Number(v4)}/${length}`, v4 };
  }
  const parsed = parsePrefix(text);
  if (typeof parsed === 'string') return parsed;
  if (parsed.afi !== Afi.IPV6) return `not an IPv4 or IPv6 prefix`;
  return { afi: Afi.IPV6, length: parsed.length, text: formatPrefix(Afi.IPV6, parsed.length, parsed.address), v4: 0, v6: parsed.address };
}

/** Canonical text of an IPv4 address word, or undefined. */
export function canonicalIpv4(text: string): string | undefined {
  const v = ipv4Value(text, text.length);
  if (v < 0) return undefined;
  return ipv4IsCanonical(text, text.length) ? text : formatIpv4Number(v);
}

/** The uint32 of an IPv4 address word, or undefined. */
export function ipv4Number(text: string): number | undefined {
  const v = ipv4Value(text, text.length);
  return v < 0 ? undefined : v;
}

/** Canonical text and family of an IPv4 or IPv6 address word, or undefined. */
export function canonicalIp(text: string): { readonly afi: number; readonly text: string } | undefined {
  const v4 = canonicalIpv4(text);
  if (v4 !== undefined) return { afi: Afi.IPV4, text: v4 };
  const v6 = parseIpv6(text);
  return v6 ? { afi: Afi.IPV6, text: formatIpv6(v6) } : undefined;
}
