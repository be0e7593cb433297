/**
 * IPv4 unicast NLRI held as packed numbers (`address * 64 + length`, ipv4-prefix.ts) instead of
 * text: a full table is ~1 M prefixes, and making a string per prefix that the RIB parses back
 * cost more than decoding the UPDATE itself (DESIGN.md: numbers, not strings, as prefix keys).
 *
 * A list decoded this way still has `prefixes: string[]`, made on first read and kept, so every
 * reader of the message model (JSON and text events, tests) sees the same plain data; the RIB,
 * the encoder and counting consumers read the packed numbers and never pay for the text.
 * The packed array is a hidden (non-enumerable) property: deep equality and JSON ignore it. JSON
 * reads `prefixes` like any enumerable property, so JSON.stringify gives the prefixes' text;
 * console.log shows them through inspectList() below instead of `[Getter/Setter]`.
 */
import { formatIpv4Number } from '../address';
import type { Writer } from '../writer';
import { invalidNetworkField } from './invalid-network-field';
import { LENGTH_SLOTS, packedAddress, packedLength } from './ipv4-prefix';
import { nlriValuesOf } from './nlri-values';

const PACKED = Symbol('rxbgp.packedIpv4');

/** Packed prefixes: a plain array, or a typed-array view when a whole table is sorted in one (adj-rib-out.ts). */
export type PackedIpv4 = ArrayLike<number>;

interface WithPacked {
  [PACKED]?: PackedIpv4;
}

/** The packed prefixes behind a list's text, or undefined when the list holds text only. */
export function packedIpv4Of(list: object): PackedIpv4 | undefined {
  return (list as WithPacked)[PACKED];
}

/** How many NLRI a list holds, without making their text. */
export function nlriCount(list: { readonly prefixes: readonly string[] }): number {
  const packed = packedIpv4Of(list);
  if (packed) return packed.length;
  const held = nlriValuesOf(list);
  return held ? held.values.length : list.prefixes.length;
}

/**
 * Node's util.inspect hook (console.log), by its global name so that wire/ needs no Node module.
 * Without it, a list whose text was not made yet prints as `prefixes: [Getter/Setter]`.
 */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The same for every list: shared descriptors, so attaching allocates nothing more per list (one
 * defineProperty each measured faster here than one defineProperties with both).
 */
const LAZY_PREFIXES: PropertyDescriptor = { configurable: true, enumerable: true, get: textOnFirstRead, set: replacePrefixes };
const INSPECT_HOOK: PropertyDescriptor = { configurable: true, enumerable: false, writable: false, value: inspectList };

/**
 * Gives `list` the packed prefixes and a `prefixes` property that turns them into canonical text
 * on first read. Assigning `prefixes` replaces the content and drops the packed form.
 */
export function attachPackedIpv4<T extends object>(list: T, packed: PackedIpv4): T & { prefixes: string[] } {
  Object.defineProperty(list, PACKED, { value: packed, configurable: true, enumerable: false, writable: false });
  Object.defineProperty(list, 'prefixes', LAZY_PREFIXES);
  Object.defineProperty(list, INSPECT, INSPECT_HOOK);
  return list as T & { prefixes: string[] };
}

/**
 * What console.log / util.inspect show for a packed list: the list's own fields, with `prefixes`
 * as `PackedPrefixes(3) [ '10.0.0.0/24', … ]`: text made for the prefixes shown only (at most
 * maxArrayLength, 100 by default), never for a whole table, and not kept. Node formats the object
 * returned in place of the list (depth, colours and line breaks as for any object).
 */
function inspectList(this: WithPacked & Record<string, unknown>, depth: number | null, options: { maxArrayLength?: number | null }): object {
  const view: Record<string, unknown> = {};
  for (const key of Object.keys(this)) {
    const lazy = key === 'prefixes' && Object.getOwnPropertyDescriptor(this, key)?.get === textOnFirstRead;
    // Below the depth shown, Node prints [PackedPrefixes]: no text is made for it.
    view[key] = lazy ? packedPrefixesView(this[PACKED]!, depth === null || depth >= 1 ? (options.maxArrayLength ?? 100) : 0) : this[key];
  }
  return view;
}

/**
 * An array as long as the list whose first `shown` entries are the prefixes' text (the rest holes
 * Node never reaches: it prints `... n more items`). A subclass, so Node names it PackedPrefixes.
 */
class PackedPrefixes extends Array<string> {}

function packedPrefixesView(packed: PackedIpv4, shown: number | null): PackedPrefixes {
  const view = new PackedPrefixes();
  const n = Math.min(packed.length, shown === null ? Infinity : Math.max(0, shown));
  for (let i = 0; i < n; i++) view.push(formatIpv4Packed(packed[i]));
  view.length = packed.length;
  return view;
}

function textOnFirstRead(this: WithPacked): string[] {
  const packed = this[PACKED]!;
  const text = new Array<string>(packed.length);
  for (let i = 0; i < packed.length; i++) text[i] = formatIpv4Packed(packed[i]);
  Object.defineProperty(this, 'prefixes', { configurable: true, enumerable: true, writable: true, value: text });
  return text;
}

function replacePrefixes(this: WithPacked, value: string[]): void {
  delete this[PACKED];
  Object.defineProperty(this, 'prefixes', { configurable: true, enumerable: true, writable: true, value });
}

/** "a.b.c.d/len" of a packed prefix. */
export function formatIpv4Packed(packed: number): string {
  return `${formatIpv4Number(packedAddress(packed))}/${packedLength(packed)}`;
}

/**
 * Reads the IPv4 NLRI in buf[start, end) (RFC 4271 §4.3: a length octet, then the fewest octets
 * holding that many bits) onto `out`. Bits past the length are cleared, as they are irrelevant.
 * Throws BgpError 3/10 (RFC 7606 §5.3) when a length exceeds 32 or a prefix runs past `end`.
 */
export function decodeIpv4Packed(buf: Buffer, start: number, end: number, out: number[]): void {
  let at = start;
  while (at < end) {
    const length = buf[at];
    if (length > 32) throw invalidNetworkField(`IPv4 prefix length ${length} > 32`);
    const octets = (length + 7) >> 3;
    const next = at + 1 + octets;
    if (next > end) throw invalidNetworkField('IPv4 prefix runs past the end of its field');
    let address: number;
    switch (octets) {
      case 0:
        address = 0;
        break;
      case 1:
        address = buf[at + 1] << 24;
        break;
      case 2:
        address = (buf[at + 1] << 24) | (buf[at + 2] << 16);
        break;
      case 3:
        address = (buf[at + 1] << 24) | (buf[at + 2] << 16) | (buf[at + 3] << 8);
        break;
      default:
        address = (buf[at + 1] << 24) | (buf[at + 2] << 16) | (buf[at + 3] << 8) | buf[at + 4];
    }
    const mask = length === 0 ? 0 : -1 << (32 - length);
    out.push(((address & mask) >>> 0) * LENGTH_SLOTS + length);
    at = next;
  }
}

/** Writes one packed prefix as NLRI (length octet, then the fewest octets that hold it). */
export function encodeIpv4Packed(w: Writer, packed: number): void {
  const address = packedAddress(packed);
  const length = packedLength(packed);
  w.u8(length);
  if (length > 0) w.u8(address >>> 24);
  if (length > 8) w.u8((address >>> 16) & 255);
  if (length > 16) w.u8((address >>> 8) & 255);
  if (length > 24) w.u8(address & 255);
}
