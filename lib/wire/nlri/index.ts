/**
 * NLRI codecs keyed by (AFI, SAFI). Wire itself knows the two families RFC 4271 and RFC 4760
 * need for plain IP (WIRE_NLRI_CODECS); every other family is a codec in its own folder under
 * lib/families/ and reaches MP_REACH/MP_UNREACH through CodecContext.nlri (wire may not import
 * families). A context without `nlri` uses WIRE_NLRI_CODECS.
 */
import { familyKey, type CodecContext } from '../types';
import type { Writer } from '../writer';
import { ipv4Unicast } from './ipv4-unicast';
import { ipv6Unicast } from './ipv6-unicast';
import type { NlriCodec, NlriCodecs, NlriRun, NlriSource } from './nlri-codec';

export type { NlriCodec, NlriCodecs, NlriRun, NlriSource } from './nlri-codec';
export { ipv4Unicast } from './ipv4-unicast';
export { ipv6Unicast } from './ipv6-unicast';
export { attachPackedIpv4, formatIpv4Packed, nlriCount, packedIpv4Of } from './packed-ipv4';
export { attachNlriValues, nlriValuesOf, type NlriValues } from './nlri-values';
export { copyNlri } from './copy-nlri';

/** The families wire can decode and encode on its own. */
export const NLRI_CODECS: readonly NlriCodec[] = [ipv4Unicast, ipv6Unicast];

/** Builds the (AFI, SAFI) lookup; a family listed twice is a bug and throws (STYLE.md "Codec registry"). */
export function buildNlriRegistry(codecs: readonly NlriCodec[]): NlriCodecs {
  const registry = new Map<number, NlriCodec>();
  for (const codec of codecs) {
    const key = familyKey(codec.afi, codec.safi);
    const known = registry.get(key);
    if (known) throw new Error(`NLRI family ${codec.afi}/${codec.safi} (${codec.name}) registered twice (already as ${known.name})`);
    registry.set(key, codec);
  }
  return registry;
}

export const WIRE_NLRI_CODECS: NlriCodecs = buildNlriRegistry(NLRI_CODECS);

/** The codec of a family in this context (its `nlri`, else wire's own), or undefined when unknown. */
export function nlriCodec(afi: number, safi: number, ctx?: Pick<CodecContext, 'nlri'>): NlriCodec | undefined {
  return (ctx?.nlri ?? WIRE_NLRI_CODECS).get(familyKey(afi, safi));
}

/** codec.decodeField onto a new object: `{ prefixes, pathIds? }`. */
export function decodeNlriRun(codec: NlriCodec, buf: Buffer, start: number, end: number, addPath: boolean): NlriRun {
  return codec.decodeField({}, buf, start, end, addPath);
}

/** Writes list[from, to) with no size limit (encodeRange for a whole field). */
export function encodeNlriRun(w: Writer, codec: NlriCodec, list: NlriSource, addPath: boolean, from = 0, to = codec.count(list), withdrawn = false): void {
  codec.encodeRange(w, list, addPath, from, to, Infinity, withdrawn);
}
