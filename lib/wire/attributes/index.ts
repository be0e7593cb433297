/**
 * The path attribute registry: every codec listed once, explicitly, and the loops that read
 * and write the attribute TLVs (RFC 4271 §4.3) around them, applying RFC 7606: flag checks,
 * duplicates, overruns, unknown attributes, and the strongest error action.
 */
import { AttrAction, AttrError, BgpError } from '../errors';
import { AttrFlag, AttrType, ErrorCode, UpdateSubcode } from '../iana';
import type { CodecContext, UnknownAttribute } from '../types';
import type { Writer } from '../writer';
import { aggregator } from './aggregator';
import { aigp } from './aigp';
import { asPath } from './as-path';
import { as4Aggregator } from './as4-aggregator';
import { as4Path } from './as4-path';
import { atomicAggregate } from './atomic-aggregate';
import { readU16, type AttributeCodec, type DecodedParts, type UpdateParts } from './attribute-codec';
import { clusterList } from './cluster-list';
import { communities } from './communities';
import { extendedCommunities } from './extended-communities';
import { largeCommunities } from './large-communities';
import { localPref } from './local-pref';
import { mpReachNlri } from './mp-reach-nlri';
import { mpUnreachNlri } from './mp-unreach-nlri';
import { multiExitDisc } from './multi-exit-disc';
import { nextHop } from './next-hop';
import { origin } from './origin';
import { originatorId } from './originator-id';
import { prefixSid } from './prefix-sid';
import { KEPT_FLAGS } from './unknown-attribute';
import { attachWireKey, wireKeyOfRange } from './wire-key';

export type { AttributeCodec, DecodedParts, UpdateParts, MutablePathAttributes } from './attribute-codec';
export { propagateUnknown } from './unknown-attribute';
export { mergeAs4 } from './as4-merge';
export { wireKeyOf } from './wire-key';
export { writeMpReachHead, familyCodec } from './mp-reach-nlri';

/** Every attribute rxbgp understands. Anything else is kept raw (UnknownAttribute). */
export const ATTRIBUTE_CODECS: readonly AttributeCodec<unknown>[] = [
  origin,
  asPath,
  nextHop,
  multiExitDisc,
  localPref,
  atomicAggregate,
  aggregator,
  communities,
  originatorId,
  clusterList,
  mpReachNlri,
  mpUnreachNlri,
  extendedCommunities,
  as4Path,
  as4Aggregator,
  aigp,
  largeCommunities,
  prefixSid,
];

/** Codecs indexed by type code; a code listed twice is a bug and throws. */
export function buildAttributeRegistry(codecs: readonly AttributeCodec<unknown>[]): ReadonlyArray<AttributeCodec<unknown> | undefined> {
  const byCode = new Array<AttributeCodec<unknown> | undefined>(256).fill(undefined);
  for (const codec of codecs) {
    if (byCode[codec.code]) throw new Error(`attribute type ${codec.code} (${codec.name}) registered twice`);
    byCode[codec.code] = codec;
  }
  return byCode;
}

const byCode = buildAttributeRegistry(ATTRIBUTE_CODECS);
/** RFC 4271 §5: "SHOULD order path attributes ... in ascending order of attribute type". */
const inTypeOrder = [...ATTRIBUTE_CODECS].sort((a, b) => a.code - b.code);

/** The codec of a type code, if rxbgp knows it. */
export function attributeCodec(code: number): AttributeCodec<unknown> | undefined {
  return byCode[code];
}

// ---------------------------------------------------------------- decoding

export interface DecodedAttributeList {
  readonly parts: DecodedParts;
  /** Strongest RFC 7606 action met: 0 (none), DISCARD or TREAT_AS_WITHDRAW. Session resets throw. */
  readonly action: number;
  /** Type codes of attributes present on the wire but dropped (malformed or repeated). */
  readonly discarded: number[];
}

/** Which type codes were met in the current list: a generation stamp avoids clearing 256 slots per UPDATE. */
const seen = new Uint32Array(256);
let generation = 0;

/**
 * Reads the Path Attributes field buf[start, end). `nlriLocated` says whether the UPDATE has
 * a non-empty Withdrawn Routes or NLRI field, which decides how an overrun is handled.
 * Throws BgpError when RFC 7606 still requires a session reset; never anything else.
 */
export function decodePathAttributes(
  buf: Buffer,
  start: number,
  end: number,
  ctx: CodecContext,
  nlriLocated: boolean,
): DecodedAttributeList {
  if (++generation === 0xffffffff) {
    seen.fill(0);
    generation = 1;
  }
  const parts: DecodedParts = { attributes: {} };
  const discarded: number[] = [];
  let action = 0;
  let unknown: UnknownAttribute[] | undefined;
  let ignored = false;
  // Where MP_REACH_NLRI and MP_UNREACH_NLRI sit, to leave them out of the wire key.
  let reachStart = start;
  let reachEnd = start;
  let unreachStart = start;
  let unreachEnd = start;
  let at = start;
  while (at < end) {
    const flags = buf[at];
    const headerLength = flags & AttrFlag.EXTENDED_LENGTH ? 4 : 3;
    const valueStart = at + headerLength;
    const valueEnd = valueStart > end ? end + 1 : valueStart + (headerLength === 4 ? readU16(buf, at + 2) : buf[at + 2]);
    if (valueEnd > end) {
      // RFC 7606 §4: an attribute (or its header) overrunning the Total Path Attribute Length
      // => treat-as-withdraw, the NLRI field being found from that total. But §2: treat-as-
      // withdraw needs every NLRI located; if no NLRI-bearing field was seen yet, one may be
      // lost in the unparsed bytes, so RFC 4271's session reset still applies.
      if (!nlriLocated && !parts.mpReach && !parts.mpUnreach) throw malformedAttributeList('attribute runs past the path attributes');
      action = Math.max(action, AttrAction.TREAT_AS_WITHDRAW);
      break;
    }
    const type = buf[at + 1];
    const tlvStart = at;
    at = valueEnd;

    if (seen[type] === generation) {
      // RFC 7606 §3.g: a repeated MP_REACH/MP_UNREACH resets the session; any other repeat
      // is discarded, the first occurrence kept.
      if (type === AttrType.MP_REACH_NLRI || type === AttrType.MP_UNREACH_NLRI) {
        throw malformedAttributeList(`attribute ${type} appears twice`);
      }
      action = Math.max(action, AttrAction.DISCARD);
      discarded.push(type);
      continue;
    }
    seen[type] = generation;
    if (type === AttrType.MP_REACH_NLRI) {
      reachStart = tlvStart;
      reachEnd = valueEnd;
    } else if (type === AttrType.MP_UNREACH_NLRI) {
      unreachStart = tlvStart;
      unreachEnd = valueEnd;
    }

    const codec = byCode[type];
    if (!codec) {
      // RFC 4271 §6.3: an unrecognized well-known attribute resets the session, with the
      // attribute as data. Optional ones are kept for pass-through (RFC 4271 §9).
      if ((flags & AttrFlag.OPTIONAL) === 0) {
        throw new BgpError(ErrorCode.UPDATE_MESSAGE, UpdateSubcode.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, copy(buf, tlvStart, valueEnd), `unrecognized well-known attribute ${type}`);
      }
      (unknown ??= []).push({ flags: flags & KEPT_FLAGS, type, value: copy(buf, valueStart, valueEnd) });
      continue;
    }
    if (codec.ignored?.(ctx)) {
      // Skipped before any check, as RFC 7311 §3 asks of an AIGP on a session not enabled for it;
      // the wire key is left off, since re-decoding the bytes elsewhere would bring it back.
      ignored = true;
      continue;
    }
    try {
      if ((flags & (AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE)) !== codec.flags) {
        // RFC 7606 §3.c: conflicting Optional/Transitive bits make the attribute malformed.
        throw new AttrError(type, codec.malformed, UpdateSubcode.ATTRIBUTE_FLAGS_ERROR, undefined, `${codec.name}: flags 0x${flags.toString(16)}`);
      }
      codec.store(parts, codec.decode(buf, valueStart, valueEnd, ctx));
    } catch (error) {
      if (!(error instanceof AttrError)) throw error;
      // RFC 7606: some attributes are handled by where they come from (LOCAL_PREF, §7.5).
      const approach = ctx.external && codec.malformedFromExternal !== undefined ? codec.malformedFromExternal : error.action;
      if (approach === AttrAction.SESSION_RESET) throw resetFor(error, buf, tlvStart, valueEnd);
      action = Math.max(action, approach);
      discarded.push(type);
    }
  }
  if (unknown) parts.attributes.unknown = unknown;
  // Only where the bytes alone say what the attributes are (wire-key.ts): nothing dropped or
  // ignored, and no 2-octet AS path that RFC 6793 merging may still rewrite.
  if (action === 0 && ctx.asn4 && !ignored) attachWireKey(parts.attributes, wireKeyOfRange(buf, start, end, reachStart, reachEnd, unreachStart, unreachEnd));
  return { parts, action, discarded };
}

/** RFC 4271 §6.3 "Malformed Attribute List": no data. */
export function malformedAttributeList(why: string): BgpError {
  return new BgpError(ErrorCode.UPDATE_MESSAGE, UpdateSubcode.MALFORMED_ATTRIBUTE_LIST, Buffer.alloc(0), why);
}

/** Subcodes whose NOTIFICATION data is the erroneous attribute (type, length, value), RFC 4271 §6.3. */
const DATA_IS_ATTRIBUTE = new Set<number>([
  UpdateSubcode.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE,
  UpdateSubcode.ATTRIBUTE_FLAGS_ERROR,
  UpdateSubcode.ATTRIBUTE_LENGTH_ERROR,
  UpdateSubcode.INVALID_ORIGIN_ATTRIBUTE,
  UpdateSubcode.INVALID_NEXT_HOP_ATTRIBUTE,
  UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR,
]);

function resetFor(error: AttrError, buf: Buffer, tlvStart: number, tlvEnd: number): BgpError {
  const data = DATA_IS_ATTRIBUTE.has(error.subcode) ? copy(buf, tlvStart, tlvEnd) : Buffer.alloc(0);
  return new BgpError(ErrorCode.UPDATE_MESSAGE, error.subcode, data, error.message);
}

/** A copy, so nothing kept pins the socket chunk it came from. */
function copy(buf: Buffer, start: number, end: number): Buffer {
  return Buffer.from(buf.subarray(start, end));
}

// ---------------------------------------------------------------- encoding

const NO_UNKNOWN: readonly UnknownAttribute[] = [];

/**
 * Writes the attributes of `parts` whose type code is in [fromCode, toCode], in ascending
 * type order, unknown ones interleaved by their code. The Extended Length bit of a known
 * attribute is set only when its value exceeds 255 octets; an unknown one keeps the bit it was
 * received or given with, so decoded messages round-trip byte for byte.
 */
export function encodePathAttributes(w: Writer, parts: UpdateParts, ctx: CodecContext, fromCode = 0, toCode = 255): void {
  const unknown = inOrder(parts.attributes.unknown);
  let u = 0;
  for (const codec of inTypeOrder) {
    if (codec.code < fromCode || codec.code > toCode) continue;
    const value = codec.pick(parts, ctx);
    if (value === undefined) continue;
    for (; u < unknown.length && unknown[u].type < codec.code; u++) writeUnknown(w, unknown[u], fromCode, toCode);
    const flagsAt = beginAttribute(w, codec.flags, codec.code);
    codec.encode(w, value, ctx);
    endAttribute(w, flagsAt, codec.flags);
  }
  for (; u < unknown.length; u++) writeUnknown(w, unknown[u], fromCode, toCode);
}

/** Writes flags, type and a one-octet length placeholder; returns where the flags are. */
export function beginAttribute(w: Writer, flags: number, code: number): number {
  const flagsAt = w.pos;
  w.u8(flags).u8(code);
  w.reserve(1);
  return flagsAt;
}

/** Patches the length of the attribute begun at `flagsAt`, widening it to two octets (Extended Length) past 255. */
export function endAttribute(w: Writer, flagsAt: number, flags: number): void {
  const valueStart = flagsAt + 3;
  const length = w.pos - valueStart;
  if (length <= 255) {
    w.patch(flagsAt + 2, 1, length);
    return;
  }
  if (length > 0xffff) throw new Error(`an attribute value of ${length} octets does not fit a 2-octet length`);
  w.shift(valueStart, 1);
  w.patch(flagsAt, 1, flags | AttrFlag.EXTENDED_LENGTH);
  w.patch(flagsAt + 2, 2, length);
}

/**
 * An unknown attribute with its flags as kept or given: the Extended Length bit, when set, gives
 * a 2-octet length even for a short value (RFC 4271 §4.3 allows either form); past 255 octets
 * it is set whatever the flags say.
 */
function writeUnknown(w: Writer, attribute: UnknownAttribute, fromCode: number, toCode: number): void {
  if (attribute.type < fromCode || attribute.type > toCode) return;
  const length = attribute.value.length;
  if (length > 0xffff) throw new Error(`an attribute value of ${length} octets does not fit a 2-octet length`);
  const flags = (attribute.flags & KEPT_FLAGS) | (length > 255 ? AttrFlag.EXTENDED_LENGTH : 0);
  w.u8(flags).u8(attribute.type);
  if (flags & AttrFlag.EXTENDED_LENGTH) w.u16(length);
  else w.u8(length);
  w.bytes(attribute.value);
}

function inOrder(unknown: readonly UnknownAttribute[] | undefined): readonly UnknownAttribute[] {
  if (!unknown) return NO_UNKNOWN;
  for (let i = 1; i < unknown.length; i++) {
    if (unknown[i].type < unknown[i - 1].type) return [...unknown].sort((a, b) => a.type - b.type);
  }
  return unknown;
}
