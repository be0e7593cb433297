/**
 * The bytes a set of path attributes was decoded from, kept as a string key on the decoded object.
 *
 * A full table shares a few hundred thousand attribute sets among a million prefixes, and an
 * Adj-RIB-In interns each set once. Keying the set by its wire bytes costs one flat one-byte string
 * of ~60 characters, where a key built from the decoded fields costs a tree of concatenated strings
 * several times that size, and the bytes decode back to the same attributes whenever they are
 * needed (`show adj-rib-in`), so the RIB need not keep the decoded objects at all.
 *
 * The key leaves out MP_REACH_NLRI and MP_UNREACH_NLRI (RFC 4760): they carry the NLRI, which
 * differs from one UPDATE to the next; their next hop is part of the route, kept beside the key.
 * It is attached only to a clean decode (no RFC 7606 action) with 4-octet AS numbers, where the
 * bytes alone say what the attributes are. It is a non-enumerable symbol property, so a copy made
 * with a spread, or any new attributes object, does not carry it: only the decoded object does.
 */
import type { PathAttributes } from '../types';

const WIRE_KEY = Symbol('rxbgp.attributeWireKey');

type WithWireKey = PathAttributes & { [WIRE_KEY]?: string };

/** The wire key of `attributes`, when they were decoded cleanly from an UPDATE. */
export function wireKeyOf(attributes: PathAttributes): string | undefined {
  return (attributes as WithWireKey)[WIRE_KEY];
}

export function attachWireKey(attributes: PathAttributes, key: string): void {
  Object.defineProperty(attributes, WIRE_KEY, { value: key, enumerable: false, configurable: true, writable: false });
}

/** Scratch space for joining the runs around the MP attributes; grown when an UPDATE is larger. */
let scratch = Buffer.allocUnsafe(4096);

/**
 * The key of buf[start, end) without the TLVs at [skipStart1, skipEnd1) and [skipStart2,
 * skipEnd2) (pass equal bounds for none; the two may come in either order). One flat string.
 */
export function wireKeyOfRange(buf: Buffer, start: number, end: number, skipStart1: number, skipEnd1: number, skipStart2: number, skipEnd2: number): string {
  if (skipStart1 === skipEnd1 && skipStart2 === skipEnd2) return buf.toString('latin1', start, end);
  if (skipStart2 < skipStart1) {
    [skipStart1, skipStart2] = [skipStart2, skipStart1];
    [skipEnd1, skipEnd2] = [skipEnd2, skipEnd1];
  }
  // One skipped TLV at either end leaves one run: no copy.
  if (skipStart2 === skipEnd2 || skipStart1 === skipEnd1) {
    const s = skipStart1 === skipEnd1 ? skipStart2 : skipStart1;
    const e = skipStart1 === skipEnd1 ? skipEnd2 : skipEnd1;
    if (s === start) return buf.toString('latin1', e, end);
    if (e === end) return buf.toString('latin1', start, s);
  }
  if (scratch.length < end - start) scratch = Buffer.allocUnsafe(end - start);
  let n = buf.copy(scratch, 0, start, skipStart1);
  n += buf.copy(scratch, n, skipEnd1, skipStart2);
  n += buf.copy(scratch, n, skipEnd2, end);
  return scratch.toString('latin1', 0, n);
}

