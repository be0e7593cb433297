/**
 * NLRI codecs keyed by (AFI, SAFI), and the loops that walk a whole NLRI field with
 * RFC 7911 ADD-PATH identifiers. Adding a family = one file + one line in NLRI_CODECS.
 */
import { familyKey } from '../types';
import type { Writer } from '../writer';
import { invalidNetworkField } from './invalid-network-field';
import { ipv4Unicast } from './ipv4-unicast';
import { ipv6Unicast } from './ipv6-unicast';
import type { NlriCodec } from './nlri-codec';
import { attachPackedIpv4, decodeIpv4Packed, encodeIpv4Packed, nlriCount, packedIpv4Of } from './packed-ipv4';

export type { NlriCodec } from './nlri-codec';
export { ipv4Unicast } from './ipv4-unicast';
export { ipv6Unicast } from './ipv6-unicast';
export { attachPackedIpv4, formatIpv4Packed, nlriCount, packedIpv4Of } from './packed-ipv4';

/** Every NLRI family rxbgp can decode and encode. */
export const NLRI_CODECS: readonly NlriCodec[] = [ipv4Unicast, ipv6Unicast];

/** Builds the (AFI, SAFI) lookup; a family listed twice is a bug and throws. */
export function buildNlriRegistry(codecs: readonly NlriCodec[]): ReadonlyMap<number, NlriCodec> {
  const registry = new Map<number, NlriCodec>();
  for (const codec of codecs) {
    const key = familyKey(codec.afi, codec.safi);
    if (registry.has(key)) throw new Error(`NLRI family ${codec.afi}/${codec.safi} (${codec.name}) registered twice`);
    registry.set(key, codec);
  }
  return registry;
}

const registry = buildNlriRegistry(NLRI_CODECS);

/** The codec of a family, or undefined when rxbgp does not know it. */
export function nlriCodec(afi: number, safi: number): NlriCodec | undefined {
  return registry.get(familyKey(afi, safi));
}

/** One decoded NLRI field: canonical texts and, with ADD-PATH, their path identifiers. */
export interface NlriRun {
  readonly prefixes: string[];
  readonly pathIds?: number[];
}

/**
 * Decodes every NLRI in buf[start, end) onto `target` (which gets `prefixes` and, with ADD-PATH,
 * `pathIds`). With `addPath`, each is preceded by a 4-octet Path Identifier (RFC 7911 §3).
 * IPv4 unicast without path ids is held packed, its text made on first read (packed-ipv4.ts).
 * Throws BgpError 3/10 when the field is malformed.
 */
export function decodeNlriInto<T extends object>(target: T, codec: NlriCodec, buf: Buffer, start: number, end: number, addPath: boolean): T & NlriRun {
  const out = target as T & { prefixes: string[]; pathIds?: number[] };
  if (!addPath && codec === ipv4Unicast) {
    const packed: number[] = [];
    decodeIpv4Packed(buf, start, end, packed);
    return attachPackedIpv4(target, packed);
  }
  const prefixes: string[] = [];
  out.prefixes = prefixes;
  if (!addPath) {
    let at = start;
    while (at < end) at = codec.decodeOne(buf, at, end, prefixes);
    return out;
  }
  const pathIds: number[] = [];
  let at = start;
  while (at < end) {
    if (at + 5 > end) throw invalidNetworkField('ADD-PATH identifier runs past the end of its field');
    pathIds.push(((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0);
    at = codec.decodeOne(buf, at + 4, end, prefixes);
  }
  if (prefixes.length > 0) out.pathIds = pathIds;
  return out;
}

/** decodeNlriInto a new object: `{ prefixes, pathIds? }`. */
export function decodeNlriRun(codec: NlriCodec, buf: Buffer, start: number, end: number, addPath: boolean): NlriRun {
  return decodeNlriInto({}, codec, buf, start, end, addPath);
}

/**
 * Writes list.prefixes[from, to). With `addPath`, each gets its Path Identifier from
 * `list.pathIds` (0 when the list has none: a single path needs no distinguishing id).
 * Packed IPv4 lists are written from their numbers, without making text.
 */
export function encodeNlriRun(
  w: Writer,
  codec: NlriCodec,
  list: { readonly prefixes: readonly string[]; readonly pathIds?: readonly number[] },
  addPath: boolean,
  from = 0,
  to = nlriCount(list),
): void {
  const packed = codec === ipv4Unicast ? packedIpv4Of(list) : undefined;
  const pathIds = list.pathIds;
  if (packed) {
    for (let i = from; i < to; i++) {
      if (addPath) w.u32(pathIds?.[i] ?? 0);
      encodeIpv4Packed(w, packed[i]);
    }
    return;
  }
  const prefixes = list.prefixes;
  for (let i = from; i < to; i++) {
    if (addPath) w.u32(pathIds?.[i] ?? 0);
    codec.encodeOne(w, prefixes[i]);
  }
}
