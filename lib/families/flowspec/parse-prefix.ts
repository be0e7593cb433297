/**
 * The value of `source` / `destination` (and their -ipv4 / -ipv6 spellings): an IPv4 prefix
 * "a.b.c.d/len", or an IPv6 prefix "x::/len" with an optional offset written ExaBGP's way
 * "x::/len/offset" (RFC 8956 §3.1). A bare address is a host prefix. Host bits past the length are
 * refused (a rule for 10.0.0.1/24 is almost always a typo); IPv6 bits before the offset are not
 * matched, so they are cleared.
 */
import { formatIpv4Number, parseIpv4, parseIpv6 } from '../../wire/address';
import { packedAddress, packedLength, parseIpv4PrefixPacked } from '../../wire/nlri/ipv4-prefix';
import { canonicalIpv6Prefix } from './prefix-component';
import type { FlowAfi } from './types';

export interface ParsedFlowPrefix {
  readonly afi: FlowAfi;
  readonly prefix: string;
  readonly offset: number;
}

const LENGTH = /^\d{1,3}$/;

function clearHostBits(address: Buffer, length: number): Buffer {
  const out = Buffer.from(address);
  for (let bit = length; bit < out.length * 8; bit++) out[bit >> 3] &= ~(0x80 >> (bit & 7));
  return out;
}

/**
 * "a.b.c.d/len" as one flat string: the prefix is kept as long as its rule, and a template literal
 * would keep it as a tree of pieces.
 */
function ipv4PrefixText(packed: number): string {
  const a = packedAddress(packed);
  return [DECIMAL[a >>> 24], '.', DECIMAL[(a >>> 16) & 255], '.', DECIMAL[(a >>> 8) & 255], '.', DECIMAL[a & 255], '/', DECIMAL[packedLength(packed)]].join('');
}

/** "0".."255": an octet's or a length's text without a number-to-string conversion per rule. */
const DECIMAL = Array.from({ length: 256 }, (_, i) => String(i));

export function parseFlowPrefix(text: string): ParsedFlowPrefix | string {
  // Fast path (a DDoS rule stream is mostly IPv4 /32s and /24s): one char-code parse, no split or regex.
  if (text.indexOf(':') < 0) {
    const packed = parseIpv4PrefixPacked(text);
    if (packed >= 0) return { afi: 1, prefix: ipv4PrefixText(packed), offset: 0 };
  }
  const parts = text.split('/');
  if (parts.length > 3) return 'expected a prefix: a.b.c.d/len, x::/len or x::/len/offset';
  const [addressText, lengthText, offsetText] = parts;
  const v4 = parseIpv4(addressText);
  if (v4 !== undefined) {
    if (offsetText !== undefined) return 'an IPv4 prefix has no offset (only IPv6 rules do, RFC 8956 §3.1)';
    if (lengthText !== undefined && (!LENGTH.test(lengthText) || Number(lengthText) > 32)) return `prefix length "${lengthText}" must be 0..32`;
    const length = lengthText === undefined ? 32 : Number(lengthText);
    const packed = parseIpv4PrefixPacked(`${addressText}/${length}`);
    if (packed < 0) {
      const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
      return `"${text}" has host bits set (did you mean ${formatIpv4Number((v4 & mask) >>> 0)}/${length}?)`;
    }
    return { afi: 1, prefix: ipv4PrefixText(packed), offset: 0 };
  }
  const v6 = parseIpv6(addressText);
  if (!v6) return `"${addressText}" is not an IPv4 or IPv6 address`;
  if (lengthText !== undefined && (!LENGTH.test(lengthText) || Number(lengthText) > 128)) return `prefix length "${lengthText}" must be 0..128`;
  const length = lengthText === undefined ? 128 : Number(lengthText);
  if (offsetText !== undefined && (!LENGTH.test(offsetText) || Number(offsetText) > 127)) return `prefix offset "${offsetText}" must be 0..127`;
  const offset = offsetText === undefined ? 0 : Number(offsetText);
  return ipv6WithOffset(text, v6, length, offset);
}

/** The IPv6 prefix with its offset checked (offset < length, or both 0) and the bits before it cleared. */
export function ipv6WithOffset(text: string, address: Buffer, length: number, offset: number): ParsedFlowPrefix | string {
  if (offset >= length && !(offset === 0 && length === 0)) return `the offset ${offset} must be below the prefix length ${length} (RFC 8956 §3.1)`;
  const cleared = clearHostBits(address, length);
  if (!cleared.equals(address)) {
    const canonical = canonicalIpv6Prefix(`${formatV6(cleared)}/${length}`, 0);
    return `"${text}" has host bits set (did you mean ${canonical}?)`;
  }
  const prefix = canonicalIpv6Prefix(`${formatV6(address)}/${length}`, offset);
  if (prefix === undefined) return `"${text}" is not an IPv6 prefix`;
  return { afi: 2, prefix, offset };
}

function formatV6(address: Buffer): string {
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(address.readUInt16BE(i).toString(16));
  return words.join(':');
}
