/**
 * The contract every path attribute implements. A codec reads and writes only its VALUE;
 * the registry (index.ts) owns the TLV header (flags, type code, length, RFC 4271 §4.3),
 * flag checks, duplicates and RFC 7606 bookkeeping.
 */
import { AttrError, type AttrAction } from '../errors';
import type { Announced, CodecContext, NlriList, PathAttributes } from '../types';
import type { Writer } from '../writer';

export type MutablePathAttributes = { -readonly [K in keyof PathAttributes]: PathAttributes[K] };

/** What an UPDATE's attributes are written from. */
export interface UpdateParts {
  readonly attributes: PathAttributes;
  /** IPv4 unicast NLRI of the classic field: its nextHop[0] backs up attributes.nextHop. */
  readonly nlri?: Announced;
  readonly mpReach?: Announced;
  readonly mpUnreach?: NlriList;
}

/** What the attribute decoders fill in. */
export interface DecodedParts {
  readonly attributes: MutablePathAttributes;
  mpReach?: Announced;
  mpUnreach?: NlriList;
}

export interface AttributeCodec<V> {
  /** Attribute Type Code (iana.ts AttrType). */
  readonly code: number;
  /** Name as the RFCs spell it, for errors and logs. */
  readonly name: string;
  /** The Optional (0x80) and Transitive (0x40) bits this attribute must carry (RFC 4271 §5). */
  readonly flags: number;
  /**
   * RFC 7606 approach when this attribute is malformed; also used when its Optional or
   * Transitive bit is wrong (RFC 7606 §3.c: "unless the specification for the attribute
   * mandates different handling").
   */
  readonly malformed: AttrAction;
  /** RFC 7606's approach for a malformed value from an external peer, when it differs (LOCAL_PREF, §7.5). */
  readonly malformedFromExternal?: AttrAction;
  /**
   * True when this session does not take the attribute at all (RFC 7311 AIGP_SESSION disabled):
   * the decoder skips it as it would an unknown non-transitive attribute, without an error.
   */
  ignored?(ctx: CodecContext): boolean;
  /** Reads the value in buf[start, end). Throws AttrError (or BgpError for NLRI syntax errors). */
  decode(buf: Buffer, start: number, end: number, ctx: CodecContext): V;
  /** Puts a decoded value where it belongs in the message being built. */
  store(into: DecodedParts, value: V): void;
  /** The value to send in this UPDATE, or undefined when the attribute is absent. */
  pick(parts: UpdateParts, ctx: CodecContext): V | undefined;
  /** Writes the value only. Throws a plain Error when the value cannot be encoded. */
  encode(w: Writer, value: V, ctx: CodecContext): void;
}

/** The AttrError a codec throws for a malformed value: its own RFC 7606 action, and `subcode` for logs or reset. */
export function malformed(
  codec: Pick<AttributeCodec<unknown>, 'code' | 'name' | 'malformed'>,
  subcode: number, why: string): AttrError {
  return new AttrError(codec.code, codec.malformed, subcode, undefined, `${codec.name}: ${why}`);
}

/** Unsigned 32-bit integer at `at` (the caller has checked the length). */
export function readU32(buf: Buffer, at: number): number {
  return ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
}

/** Unsigned 16-bit integer at `at` (the caller has checked the length). */
export function readU16(buf: Buffer, at: number): number {
  return (buf[at] << 8) | buf[at + 1];
}
