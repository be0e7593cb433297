/**
 * MP_REACH_NLRI, RFC 4760 §3: optional non-transitive.
 *   AFI (2) | SAFI (1) | Length of Next Hop (1) | Next Hop | Reserved (1) | NLRI
 * NLRI are decoded by the family's codec (nlri/), with ADD-PATH ids when negotiated.
 */
import { AttrAction, AttrError } from '../errors';
import { Afi, AttrFlag, AttrType, Safi, UpdateSubcode } from '../iana';
import { encodeNlriRun, nlriCodec, type NlriCodec } from '../nlri';
import { familyKey, type Announced, type CodecContext } from '../types';
import type { Writer } from '../writer';
import { malformed, readU16, type AttributeCodec } from './attribute-codec';

export const mpReachNlri: AttributeCodec<Announced> = {
  code: AttrType.MP_REACH_NLRI,
  name: 'MP_REACH_NLRI',
  flags: AttrFlag.OPTIONAL,
  // RFC 7606 §7.11: a malformed MP_REACH_NLRI => "AFI/SAFI disable" or session reset; the
  // session is reset with Optional Attribute Error, as RFC 4760 §7 prescribes.
  malformed: AttrAction.SESSION_RESET,

  decode(buf, start, end, ctx) {
    if (end - start < 5) throw malformed(mpReachNlri, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, 'too short for AFI, SAFI and next hop length');
    const afi = readU16(buf, start);
    const safi = buf[start + 2];
    const nextHopEnd = start + 4 + buf[start + 3];
    // The Reserved octet (RFC 4760 §3, "MUST be ignored upon receipt") follows the next hop.
    if (nextHopEnd + 1 > end) throw malformed(mpReachNlri, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, 'next hop runs past the attribute');
    const nlriStart = nextHopEnd + 1;
    const codec = nlriCodec(afi, safi, ctx);
    if (!codec) return unknownFamily(afi, safi, nlriStart, end);
    const nextHop = codec.decodeNextHop(buf, start + 4, nextHopEnd);
    if (!nextHop) {
      throw malformed(mpReachNlri, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `next hop length ${nextHopEnd - start - 4} is not valid for ${codec.name}`);
    }
    return codec.decodeField({ afi, safi, ...mpFlag(afi, safi), nextHop }, buf, nlriStart, end, ctx.addPath.has(familyKey(afi, safi)));
  },
  store: (into, value) => {
    into.mpReach = value;
  },
  pick: (parts) => parts.mpReach,
  encode(w, value, ctx) {
    const codec = familyCodec(value.afi, value.safi, ctx);
    writeMpReachHead(w, codec, value.nextHop);
    encodeNlriRun(w, codec, value, ctx.addPath.has(familyKey(value.afi, value.safi)));
  },
};

/** AFI, SAFI, next hop and Reserved: everything before the NLRI (also used by the packer). */
export function writeMpReachHead(w: Writer, codec: NlriCodec, nextHop: readonly string[]): void {
  w.u16(codec.afi).u8(codec.safi);
  const lengthAt = w.reserve(1);
  codec.encodeNextHop(w, nextHop);
  w.patch(lengthAt, 1, w.pos - lengthAt - 1);
  w.u8(0); // Reserved
}

/** IPv4 unicast remembers it travelled in MP attributes, so it is re-encoded the same way. */
export function mpFlag(afi: number, safi: number): { mp?: true } {
  return afi === Afi.IPV4 && safi === Safi.UNICAST ? { mp: true } : {};
}

/** The codec of a family we are asked to send; not knowing it is a bug of the caller. */
export function familyCodec(afi: number, safi: number, ctx: Pick<CodecContext, 'nlri'>): NlriCodec {
  const codec = nlriCodec(afi, safi, ctx);
  if (!codec) throw new Error(`no NLRI codec for AFI ${afi} / SAFI ${safi}`);
  return codec;
}

/**
 * A family without a codec cannot be parsed. Empty, it still says something (an End-of-RIB
 * or an empty announcement) and is kept; with NLRI, the attribute is discarded: its routes
 * were never understood, so there is nothing to withdraw either.
 */
function unknownFamily(afi: number, safi: number, nlriStart: number, end: number): Announced {
  if (nlriStart < end) {
    throw new AttrError(AttrType.MP_REACH_NLRI, AttrAction.DISCARD, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, undefined, `MP_REACH_NLRI: no codec for AFI ${afi} / SAFI ${safi}`);
  }
  return { afi, safi, prefixes: [], nextHop: [] };
}
