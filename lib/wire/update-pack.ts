/**
 * Packs a batch of routes that share one attribute set into as few UPDATE messages as fit
 * (the hot path of sending a full table): the attributes are encoded once, then each message
 * is the same attribute bytes followed by as many NLRI as `maxLength` allows, written straight
 * into one reused Writer.
 */
import { encodePathAttributes, familyCodec, writeMpReachHead, type UpdateParts } from './attributes';
import { beginMessage, endMessage } from './header';
import { AttrFlag, AttrType, HEADER_LENGTH, MessageType } from './iana';
import { ipv4Unicast, nlriCount, type NlriCodec } from './nlri';
import { familyKey, type Announced, type CodecContext, type NlriList, type PathAttributes } from './types';
import { isClassic } from './update';
import { Writer } from './writer';

/** One scratch writer per process: packing is synchronous, so it is never shared mid-message. */
const scratch = new Writer(1 << 16);
const attributeScratch = new Writer(4096);

/** Smallest maxLength worth packing into: a header, two length fields and a few routes. */
const MIN_MAX_LENGTH = HEADER_LENGTH + 4 + 64;

/**
 * Whole UPDATE messages (with the 19-octet header) that withdraw `withdrawn`, then announce
 * `announced` with `attrs`. `maxLength` is 4096, or 65535 once extended messages (RFC 8654)
 * are negotiated. Prefixes keep their order. Throws a plain Error on an invalid prefix or
 * address, or when the attributes alone leave no room for a single NLRI. With `counts`, the
 * number of prefixes of each message is pushed to it (senders count what they have written).
 */
export function packUpdates(
  attrs: PathAttributes,
  announced: Announced | undefined,
  withdrawn: NlriList | undefined,
  ctx: CodecContext,
  maxLength: number,
  counts?: number[],
): Buffer[] {
  if (!(maxLength >= MIN_MAX_LENGTH && maxLength <= 0xffff)) throw new Error(`maxLength ${maxLength} out of range`);
  const out: Buffer[] = [];
  if (withdrawn && nlriCount(withdrawn) > 0) {
    if (isClassic(withdrawn)) packClassicWithdrawn(out, withdrawn, ctx, maxLength, counts);
    else packMpUnreach(out, withdrawn, ctx, maxLength, counts);
  }
  if (announced && nlriCount(announced) > 0) {
    if (isClassic(announced)) packClassicAnnounced(out, attrs, announced, ctx, maxLength, counts);
    else packMpReach(out, attrs, announced, ctx, maxLength, counts);
  }
  return out;
}

/** RFC 4271 §4.3 Withdrawn Routes field, no attributes. */
function packClassicWithdrawn(out: Buffer[], list: NlriList, ctx: CodecContext, maxLength: number, counts: number[] | undefined): void {
  const addPath = ctx.addPath.has(familyKey(list.afi, list.safi));
  const w = scratch;
  for (let i = 0, count = nlriCount(list); i < count; ) {
    const start = beginMessage(w.reset(), MessageType.UPDATE);
    const lengthAt = w.reserve(2);
    // Leave room for the Total Path Attribute Length that follows.
    const first = i;
    i = fill(w, ipv4Unicast, list, addPath, i, maxLength - 2);
    counts?.push(i - first);
    w.patch(lengthAt, 2, w.pos - lengthAt - 2);
    w.u16(0);
    out.push(finish(w, start, maxLength));
  }
}

/** RFC 4271 §4.3: the attributes once, then the NLRI field. */
function packClassicAnnounced(out: Buffer[], attrs: PathAttributes, list: Announced, ctx: CodecContext, maxLength: number, counts: number[] | undefined): void {
  const addPath = ctx.addPath.has(familyKey(list.afi, list.safi));
  // NEXT_HOP comes from attrs.nextHop, else from the list's own next hop.
  const attributes = encodeOnce({ attributes: attrs, nlri: list }, ctx, 0, 255);
  const w = scratch;
  for (let i = 0, count = nlriCount(list); i < count; ) {
    const start = beginMessage(w.reset(), MessageType.UPDATE);
    w.u16(0).u16(attributes.length).bytes(attributes);
    const first = i;
    i = fill(w, ipv4Unicast, list, addPath, i, maxLength);
    counts?.push(i - first);
    out.push(finish(w, start, maxLength));
  }
}

/** RFC 4760 §4: an UPDATE holding only MP_UNREACH_NLRI. */
function packMpUnreach(out: Buffer[], list: NlriList, ctx: CodecContext, maxLength: number, counts: number[] | undefined): void {
  const codec = familyCodec(list.afi, list.safi, ctx);
  const addPath = ctx.addPath.has(familyKey(list.afi, list.safi));
  const w = scratch;
  for (let i = 0, count = codec.count(list); i < count; ) {
    const start = beginMessage(w.reset(), MessageType.UPDATE);
    w.u16(0);
    const attributesAt = w.reserve(2);
    const flagsAt = beginWideAttribute(w, AttrType.MP_UNREACH_NLRI);
    w.u16(codec.afi).u8(codec.safi);
    const first = i;
    i = fill(w, codec, list, addPath, i, maxLength, true);
    counts?.push(i - first);
    endWideAttribute(w, flagsAt);
    w.patch(attributesAt, 2, w.pos - attributesAt - 2);
    out.push(finish(w, start, maxLength));
  }
}

/**
 * RFC 4760 §3: the attributes with a type code below 14 and above 15 are encoded once, and
 * MP_REACH_NLRI is written between them (ascending type order) with as many NLRI as fit.
 */
function packMpReach(out: Buffer[], attrs: PathAttributes, list: Announced, ctx: CodecContext, maxLength: number, counts: number[] | undefined): void {
  const codec = familyCodec(list.afi, list.safi, ctx);
  const addPath = ctx.addPath.has(familyKey(list.afi, list.safi));
  const before = encodeOnce({ attributes: attrs }, ctx, 0, AttrType.MP_REACH_NLRI - 1);
  const after = encodeOnce({ attributes: attrs }, ctx, AttrType.MP_UNREACH_NLRI + 1, 255);
  const w = scratch;
  for (let i = 0, count = codec.count(list); i < count; ) {
    const start = beginMessage(w.reset(), MessageType.UPDATE);
    w.u16(0);
    const attributesAt = w.reserve(2);
    w.bytes(before);
    const flagsAt = beginWideAttribute(w, AttrType.MP_REACH_NLRI);
    writeMpReachHead(w, codec, list.nextHop);
    const first = i;
    i = fill(w, codec, list, addPath, i, maxLength - after.length);
    counts?.push(i - first);
    endWideAttribute(w, flagsAt);
    w.bytes(after);
    w.patch(attributesAt, 2, w.pos - attributesAt - 2);
    out.push(finish(w, start, maxLength));
  }
}

/** Encodes the attributes with codes in [from, to] into a kept copy. */
function encodeOnce(parts: UpdateParts, ctx: CodecContext, from: number, to: number): Buffer {
  encodePathAttributes(attributeScratch.reset(), parts, ctx, from, to);
  return attributeScratch.toBuffer();
}

/**
 * Writes the list's NLRI from index `i` while the message stays within `limit` octets; returns
 * the index of the first one left out (the family's encodeRange writes an NLRI, then undoes it
 * when it did not fit: cheaper than measuring every one first). Throws when not even one fits.
 */
function fill(w: Writer, codec: NlriCodec, list: NlriList, addPath: boolean, i: number, limit: number, withdrawn = false): number {
  const next = codec.encodeRange(w, list, addPath, i, codec.count(list), limit, withdrawn);
  if (next === i) throw new Error(`no room for ${list.prefixes[i]} within ${limit} octets: the attributes are too large`);
  return next;
}

/** Starts an MP attribute with a 2-octet length, since its final size is not known yet. */
function beginWideAttribute(w: Writer, code: number): number {
  const flagsAt = w.pos;
  w.u8(AttrFlag.OPTIONAL | AttrFlag.EXTENDED_LENGTH).u8(code);
  w.reserve(2);
  return flagsAt;
}

/**
 * Patches the length; when the value turned out to fit one octet, drops the Extended Length
 * bit and the extra octet so the bytes match encodeUpdateBody's canonical form.
 */
function endWideAttribute(w: Writer, flagsAt: number): void {
  const length = w.pos - flagsAt - 4;
  if (length > 255) {
    w.patch(flagsAt + 2, 2, length);
    return;
  }
  const bytes = w.view();
  bytes.copyWithin(flagsAt + 3, flagsAt + 4, w.pos);
  w.pos -= 1;
  bytes[flagsAt] = AttrFlag.OPTIONAL;
  bytes[flagsAt + 2] = length;
}

function finish(w: Writer, start: number, maxLength: number): Buffer {
  endMessage(w, start, maxLength);
  return w.toBuffer();
}
