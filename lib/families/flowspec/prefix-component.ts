/**
 * Destination / source prefix components (types 1 and 2).
 *
 * IPv4, RFC 8955 §4.2.2.1: <type, length, prefix> with the prefix in the fewest octets that hold
 * `length` bits, as in RFC 4271 NLRI.
 *
 * IPv6, RFC 8956 §3.1: <type, length, offset, pattern, padding>. Only bits [offset, length) of the
 * address are matched and only those are sent: the pattern holds length - offset bits, padded to
 * an octet. "If length = 0 and offset = 0, this component matches every address; otherwise, length
 * MUST be in the range offset < length < 129 or the component is malformed."
 * (ExaBGP 4.2 and GoBGP send the whole prefix instead of the pattern; BIRD and this code follow the RFC.
 * `whole` reads and writes that form, for a neighbor configured to: <length, offset, the address's
 * first ceil(length / 8) octets>, the bits before the offset cleared, as in rxbgp's canonical text.)
 *
 * Decoders return the offset after the component, or why it is malformed.
 */
import { formatIpv4Number, formatIpv6 } from '../../wire/address';
import { ipv4Mask, packedAddress, packedLength, parseIpv4PrefixPacked } from '../../wire/nlri/ipv4-prefix';
import { parseIpv6PrefixInto } from '../../wire/nlri/ipv6-prefix';
import type { Writer } from '../../wire/writer';
import type { PrefixComponent } from './types';

/** One address being built or read: coding is synchronous, so it is never shared. */
const address = new Uint8Array(16);
const words = new Uint16Array(8);

export function decodeIpv4Prefix(buf: Buffer, at: number, end: number, type: 1 | 2, out: PrefixComponent[]): number | string {
  if (at >= end) return 'the prefix length runs past the end of the NLRI';
  const length = buf[at];
  if (length > 32) return `IPv4 prefix length ${length} > 32`;
  const octets = (length + 7) >> 3;
  const next = at + 1 + octets;
  if (next > end) return 'the prefix runs past the end of the NLRI';
  let value = 0;
  for (let i = 0; i < 4; i++) value = value * 256 + (i < octets ? buf[at + 1 + i] : 0);
  // Bits past the length are irrelevant (RFC 4271 §4.3): cleared, so the text is canonical.
  out.push({ kind: 'prefix', type, prefix: `${formatIpv4Number((value & ipv4Mask(length)) >>> 0)}/${length}`, offset: 0 });
  return next;
}

export function decodeIpv6Prefix(buf: Buffer, at: number, end: number, type: 1 | 2, out: PrefixComponent[], whole = false): number | string {
  if (at + 2 > end) return 'the prefix length and offset run past the end of the NLRI';
  const length = buf[at];
  const offset = buf[at + 1];
  if (length > 128) return `IPv6 prefix length ${length} > 128`;
  if (offset >= length && !(length === 0 && offset === 0)) return `IPv6 prefix offset ${offset} is not below its length ${length}`;
  if (whole && offset > 0) return decodeWholeIpv6Prefix(buf, at, end, type, out, length, offset);
  const bits = length - offset;
  const octets = (bits + 7) >> 3;
  const next = at + 2 + octets;
  if (next > end) return 'the prefix pattern runs past the end of the NLRI';
  address.fill(0);
  // Pattern bit i is address bit offset + i.
  const byte = offset >> 3;
  const shift = offset & 7;
  for (let k = 0; k < octets; k++) {
    const p = buf[at + 2 + k];
    address[byte + k] |= p >> shift;
    if (shift !== 0 && byte + k + 1 < 16) address[byte + k + 1] |= (p << (8 - shift)) & 0xff;
  }
  clearFrom(length);
  out.push({ kind: 'prefix', type, prefix: `${formatIpv6(address)}/${length}`, offset });
  return next;
}

/** The whole-prefix form: the address's first ceil(length / 8) octets; bits before the offset are not matched, so cleared. */
function decodeWholeIpv6Prefix(buf: Buffer, at: number, end: number, type: 1 | 2, out: PrefixComponent[], length: number, offset: number): number | string {
  const octets = (length + 7) >> 3;
  const next = at + 2 + octets;
  if (next > end) return 'the prefix runs past the end of the NLRI';
  address.fill(0);
  for (let k = 0; k < octets; k++) address[k] = buf[at + 2 + k];
  clearFrom(length);
  clearBefore(offset);
  out.push({ kind: 'prefix', type, prefix: `${formatIpv6(address)}/${length}`, offset });
  return next;
}

/** Zeroes the address bits before `bit`. */
function clearBefore(bit: number): void {
  const byte = bit >> 3;
  for (let i = 0; i < byte && i < 16; i++) address[i] = 0;
  if (byte < 16 && bit & 7) address[byte] &= 0xff >> (bit & 7);
}

/** Zeroes the address bits from `bit` on (padding "MUST be ignored on decoding"). */
function clearFrom(bit: number): void {
  if (bit >= 128) return;
  const byte = bit >> 3;
  address[byte] &= (0xff << (8 - (bit & 7))) & 0xff;
  for (let i = byte + 1; i < 16; i++) address[i] = 0;
}

/** Writes <length, prefix> for "a.b.c.d/len" (host bits must be clear). Throws a plain Error otherwise. */
export function encodeIpv4Prefix(w: Writer, component: PrefixComponent): void {
  const packed = parseIpv4PrefixPacked(component.prefix);
  if (packed < 0) throw new Error(`"${component.prefix}" is not an IPv4 prefix (a.b.c.d/len, host bits clear)`);
  if (component.offset !== 0) throw new Error('an IPv4 prefix component has no offset (RFC 8955 §4.2.2.1)');
  const value = packedAddress(packed);
  const length = packedLength(packed);
  w.u8(length);
  const octets = (length + 7) >> 3;
  for (let i = 0; i < octets; i++) w.u8((value >>> (24 - 8 * i)) & 255);
}

/** Writes <length, offset, pattern> for "x::/len" and its offset: bits [offset, length) only. */
export function encodeIpv6Prefix(w: Writer, component: PrefixComponent, whole = false): void {
  const length = parseIpv6PrefixInto(component.prefix, words);
  if (length < 0) throw new Error(`"${component.prefix}" is not an IPv6 prefix (x:x::x/len, host bits clear)`);
  const offset = component.offset;
  if (!Number.isInteger(offset) || offset < 0 || (offset >= length && !(length === 0 && offset === 0))) {
    throw new Error(`IPv6 prefix offset ${offset} must be below the prefix length ${length} (RFC 8956 §3.1)`);
  }
  for (let i = 0; i < 8; i++) {
    address[2 * i] = words[i] >> 8;
    address[2 * i + 1] = words[i] & 0xff;
  }
  w.u8(length).u8(offset);
  if (whole && offset > 0) {
    clearBefore(offset);
    const octets = (length + 7) >> 3;
    for (let k = 0; k < octets; k++) w.u8(address[k]);
    return;
  }
  const bits = length - offset;
  const octets = (bits + 7) >> 3;
  const byte = offset >> 3;
  const shift = offset & 7;
  for (let k = 0; k < octets; k++) {
    const high = address[byte + k] << shift;
    const low = shift !== 0 && byte + k + 1 < 16 ? address[byte + k + 1] >> (8 - shift) : 0;
    let p = (high | low) & 0xff;
    // Padding bits after the pattern MUST be 0.
    if (k === octets - 1 && bits & 7) p &= (0xff << (8 - (bits & 7))) & 0xff;
    w.u8(p);
  }
}

/**
 * The canonical text of an IPv6 prefix with an offset: the bits before the offset are not matched
 * and not sent, so they are cleared ("2001:db8::1:0:0/96" offset 64 is "::1:0:0/96").
 * Undefined when the text is not an IPv6 prefix with host bits clear.
 */
export function canonicalIpv6Prefix(text: string, offset: number): string | undefined {
  const length = parseIpv6PrefixInto(text, words);
  if (length < 0) return undefined;
  for (let i = 0; i < 8; i++) {
    address[2 * i] = words[i] >> 8;
    address[2 * i + 1] = words[i] & 0xff;
  }
  const byte = offset >> 3;
  for (let i = 0; i < byte && i < 16; i++) address[i] = 0;
  if (byte < 16 && offset & 7) address[byte] &= 0xff >> (offset & 7);
  return `${formatIpv6(address)}/${length}`;
}
