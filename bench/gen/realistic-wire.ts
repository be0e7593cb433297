/**
 * The path attributes of one attribute set as BGP bytes, encoded once per set and copied behind
 * every prefix (MRT) or every packed UPDATE. AS numbers are always 4 octets: RFC 6396 §4.3.4
 * requires it in TABLE_DUMP_V2, and every session here negotiates 4-octet AS (RFC 6793).
 */
import type { AttributeSets } from './realistic-sets';

/** RFC 4271 §4.3 attribute flags. */
const OPTIONAL = 0x80;
const TRANSITIVE = 0x40;
const EXTENDED_LENGTH = 0x10;

/** Attribute type codes (IANA BGP Path Attributes). */
export const ATTR = {
  ORIGIN: 1, // RFC 4271 §5.1.1
  AS_PATH: 2, // RFC 4271 §5.1.2
  NEXT_HOP: 3, // RFC 4271 §5.1.3
  MULTI_EXIT_DISC: 4, // RFC 4271 §5.1.4
  COMMUNITIES: 8, // RFC 1997
  MP_REACH_NLRI: 14, // RFC 4760 §3
  LARGE_COMMUNITY: 32, // RFC 8092
} as const;

const AS_SEQUENCE = 2;
const MAX_SEGMENT_ASNS = 255;

/**
 * Where the next hop goes: a NEXT_HOP attribute (IPv4 UPDATEs and MRT IPv4 entries), RFC 6396
 * §4.3.4's abbreviated MP_REACH_NLRI holding only the next hop (MRT IPv6 entries), or nowhere (IPv6
 * UPDATEs, whose MP_REACH_NLRI carries the NLRI too and is written by the packer).
 */
export type NextHopPlacement =
  | { readonly kind: 'next-hop'; readonly address: number }
  | { readonly kind: 'mrt-mp-reach'; readonly address: Buffer }
  | { readonly kind: 'none' };

/**
 * A set's attributes in ascending type order (RFC 4271 §5 SHOULD), split around MP_REACH_NLRI (14):
 * `head` holds the types below it, `tail` those above (LARGE_COMMUNITY), so a packer can put an
 * UPDATE's MP_REACH_NLRI between them.
 */
export interface EncodedAttributes {
  readonly head: Buffer;
  readonly tail: Buffer;
}

export function encodeSetAttributes(sets: AttributeSets, s: number, nextHop: NextHopPlacement): EncodedAttributes {
  const head: Buffer[] = [];
  head.push(attribute(TRANSITIVE, ATTR.ORIGIN, Buffer.from([sets.origin(s)])));
  head.push(attribute(TRANSITIVE, ATTR.AS_PATH, asPathValue(sets.asPath(s))));
  if (nextHop.kind === 'next-hop') head.push(attribute(TRANSITIVE, ATTR.NEXT_HOP, uint32s([nextHop.address])));
  const med = sets.med(s);
  if (med !== undefined) head.push(attribute(OPTIONAL, ATTR.MULTI_EXIT_DISC, uint32s([med])));
  const communities = sets.communities(s);
  if (communities.length) head.push(attribute(OPTIONAL | TRANSITIVE, ATTR.COMMUNITIES, uint32s(communities)));
  if (nextHop.kind === 'mrt-mp-reach') {
    // RFC 6396 §4.3.4: only Next Hop Address Length and Next Hop Address; AFI, SAFI, NLRI are in the entry header.
    head.push(attribute(OPTIONAL, ATTR.MP_REACH_NLRI, Buffer.concat([Buffer.from([nextHop.address.length]), nextHop.address])));
  }
  const large = sets.largeCommunities(s);
  const tail = large.length ? attribute(OPTIONAL | TRANSITIVE, ATTR.LARGE_COMMUNITY, uint32s(large.flat())) : Buffer.alloc(0);
  return { head: Buffer.concat(head), tail };
}

/** One attribute with its header; the Extended Length bit only when the value needs it. */
export function attribute(flags: number, type: number, value: Buffer): Buffer {
  const extended = value.length > 255;
  const header = Buffer.alloc(extended ? 4 : 3);
  header[0] = flags | (extended ? EXTENDED_LENGTH : 0);
  header[1] = type;
  if (extended) header.writeUInt16BE(value.length, 2);
  else header[2] = value.length;
  return Buffer.concat([header, value]);
}

/** AS_SEQUENCE segments of at most 255 four-octet ASes; an empty path is an empty value. */
function asPathValue(asns: readonly number[]): Buffer {
  const parts: Buffer[] = [];
  for (let from = 0; from < asns.length; from += MAX_SEGMENT_ASNS) {
    const segment = asns.slice(from, from + MAX_SEGMENT_ASNS);
    parts.push(Buffer.from([AS_SEQUENCE, segment.length]), uint32s(segment));
  }
  return Buffer.concat(parts);
}

function uint32s(values: readonly number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) b.writeUInt32BE(values[i]!, i * 4);
  return b;
}

/** An IPv6 address text as 16 bytes (for the fixed next hops the bench uses). */
export function ipv6Bytes(text: string): Buffer {
  const [left, right] = text.includes('::') ? text.split('::') : [text, undefined];
  const head = left ? left.split(':') : [];
  const tail = right ? right.split(':') : [];
  const fill = right === undefined ? 0 : 8 - head.length - tail.length;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) throw new Error(`not an IPv6 address: ${text}`);
  const b = Buffer.alloc(16);
  groups.forEach((g, i) => b.writeUInt16BE(parseInt(g, 16), i * 2));
  return b;
}

/** The NLRI bytes of one prefix (RFC 4271 §4.3, RFC 4760 §5): length, then only the octets it covers. */
export function writeIpv4Nlri(b: Buffer, at: number, address: number, length: number): number {
  b[at++] = length;
  const octets = (length + 7) >> 3;
  for (let k = 0; k < octets; k++) b[at++] = (address >>> (24 - 8 * k)) & 255;
  return at;
}

/** `high48` holds the top 48 bits; the table's IPv6 prefixes are at most /48. */
export function writeIpv6Nlri(b: Buffer, at: number, high48: number, length: number): number {
  b[at++] = length;
  const octets = (length + 7) >> 3;
  for (let k = 0; k < octets; k++) b[at++] = Math.floor(high48 / 2 ** (40 - 8 * k)) % 256;
  return at;
}

export function nlriLength(prefixLength: number): number {
  return 1 + ((prefixLength + 7) >> 3);
}
