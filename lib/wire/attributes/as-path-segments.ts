/**
 * AS path segments shared by AS_PATH (RFC 4271 §4.3, 2 or 4 octets per AS by RFC 6793) and
 * AS4_PATH (RFC 6793, always 4 octets): a list of <type, count, ASes> with types SET 1,
 * SEQUENCE 2 (RFC 4271), CONFED_SEQUENCE 3, CONFED_SET 4 (RFC 5065).
 */
import { AsPathSegmentType, AS_TRANS, UpdateSubcode } from '../iana';
import type { AsPathSegment } from '../types';
import type { Writer } from '../writer';
import { malformed, readU16, readU32, type AttributeCodec } from './attribute-codec';

/** Most ASes one segment can hold (its count is one octet). */
export const MAX_SEGMENT_ASES = 255;

/**
 * Reads segments of `asSize`-octet ASes. RFC 7606 §7.2 names the malformations: unknown
 * segment type, a segment running past the attribute, a lone trailing octet, and a
 * segment with zero ASes. RFC 7607 §2 adds AS 0 anywhere in the path.
 */
export function decodeSegments(
  codec: Pick<AttributeCodec<unknown>, 'code' | 'name' | 'malformed'>,
  buf: Buffer,
  start: number,
  end: number,
  asSize: 2 | 4,
): AsPathSegment[] {
  const segments: AsPathSegment[] = [];
  let at = start;
  while (at < end) {
    if (at + 2 > end) throw malformed(codec, UpdateSubcode.MALFORMED_AS_PATH, 'one octet left, no room for a segment header');
    const type = buf[at];
    const count = buf[at + 1];
    if (type < AsPathSegmentType.AS_SET || type > AsPathSegmentType.AS_CONFED_SET) {
      throw malformed(codec, UpdateSubcode.MALFORMED_AS_PATH, `unknown segment type ${type}`);
    }
    if (count === 0) throw malformed(codec, UpdateSubcode.MALFORMED_AS_PATH, 'segment with zero ASes');
    at += 2;
    if (at + count * asSize > end) throw malformed(codec, UpdateSubcode.MALFORMED_AS_PATH, 'segment runs past the attribute');
    const asns = new Array<number>(count);
    for (let i = 0; i < count; i++, at += asSize) {
      const asn = asSize === 4 ? readU32(buf, at) : readU16(buf, at);
      if (asn === 0) throw malformed(codec, UpdateSubcode.MALFORMED_AS_PATH, 'AS 0 in the path (RFC 7607)');
      asns[i] = asn;
    }
    segments.push({ type, asns });
  }
  return segments;
}

/**
 * Writes segments with `asSize`-octet ASes; in 2-octet form an AS above 65535 becomes
 * AS_TRANS (RFC 6793 §4.2.2). A segment longer than 255 ASes is split into several of the
 * same type, since the count is one octet.
 */
export function encodeSegments(w: Writer, segments: readonly AsPathSegment[], asSize: 2 | 4): void {
  for (const segment of segments) {
    const { asns } = segment;
    for (let from = 0; from < asns.length; from += MAX_SEGMENT_ASES) {
      const to = Math.min(asns.length, from + MAX_SEGMENT_ASES);
      w.u8(segment.type);
      w.u8(to - from);
      for (let i = from; i < to; i++) {
        if (asSize === 4) w.u32(asns[i]);
        else w.u16(asns[i] > 0xffff ? AS_TRANS : asns[i]);
      }
    }
  }
}

/** True when some AS of the path does not fit in 2 octets. */
export function hasFourOctetAs(segments: readonly AsPathSegment[]): boolean {
  for (const segment of segments) for (const asn of segment.asns) if (asn > 0xffff) return true;
  return false;
}

/** Confederation segments (RFC 5065) are local to a confederation and never counted or carried in AS4_PATH. */
export function isConfedSegment(segment: AsPathSegment): boolean {
  return segment.type === AsPathSegmentType.AS_CONFED_SEQUENCE || segment.type === AsPathSegmentType.AS_CONFED_SET;
}

/** Path length as RFC 4271 §9.1.2.2 and RFC 6793 §4.2.3 count it: a SET counts 1, confederation segments 0. */
export function pathLength(segments: readonly AsPathSegment[]): number {
  let n = 0;
  for (const segment of segments) {
    if (segment.type === AsPathSegmentType.AS_SEQUENCE) n += segment.asns.length;
    else if (segment.type === AsPathSegmentType.AS_SET) n += 1;
  }
  return n;
}
