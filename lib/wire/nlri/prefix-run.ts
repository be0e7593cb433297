/**
 * The loops of NlriCodec for families whose NLRI are read and written one at a time as text
 * (IPv6 unicast, IPv4 unicast under ADD-PATH): walk the field, add RFC 7911 path identifiers,
 * collect the parallel arrays of NlriList (no object per prefix).
 */
import { invalidNetworkField } from './invalid-network-field';
import type { NlriRun, NlriSource } from './nlri-codec';
import type { Writer } from '../writer';

/** Reads one NLRI at `at` onto `out` and returns the offset after it (BgpError 3/10 when malformed). */
export type DecodeOne = (buf: Buffer, at: number, end: number, out: string[]) => number;
/** Writes one NLRI given as canonical text (plain Error when it is not one). */
export type EncodeOne = (w: Writer, text: string) => void;

export function decodePrefixField<T extends object>(
  decodeOne: DecodeOne,
  target: T,
  buf: Buffer,
  start: number,
  end: number,
  addPath: boolean,
): T & NlriRun {
  const out = target as T & { prefixes: string[]; pathIds?: number[] };
  const prefixes: string[] = [];
  out.prefixes = prefixes;
  if (!addPath) {
    let at = start;
    while (at < end) at = decodeOne(buf, at, end, prefixes);
    return out;
  }
  const pathIds: number[] = [];
  let at = start;
  while (at < end) {
    if (at + 5 > end) throw invalidNetworkField('ADD-PATH identifier runs past the end of its field');
    pathIds.push(((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0);
    at = decodeOne(buf, at + 4, end, prefixes);
  }
  if (prefixes.length > 0) out.pathIds = pathIds;
  return out;
}

export function encodePrefixRange(
  encodeOne: EncodeOne,
  w: Writer,
  list: NlriSource,
  addPath: boolean,
  from: number,
  to: number,
  limit: number,
): number {
  const { prefixes, pathIds } = list;
  let i = from;
  for (; i < to; i++) {
    const mark = w.pos;
    if (addPath) w.u32(pathIds?.[i] ?? 0);
    encodeOne(w, prefixes[i]);
    if (w.pos > limit) {
      w.pos = mark;
      break;
    }
  }
  return i;
}
