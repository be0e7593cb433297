/**
 * AS_PATH as ExaBGP prints it: the segments of each kind flattened into one list per kind,
 * "as-path" and "confederation-path" always present ("[]" when empty), "as-set" and
 * "confederation-set" only when non-empty (exabgp/bgp/message/update/attribute/aspath.py).
 */
import { AsPathSegmentType } from '../../wire/iana';
import type { AsPathSegment } from '../../wire/types';

/** ExaBGP's view of a path: one flat list per segment kind. */
export interface FlatAsPath {
  readonly sequence: readonly number[];
  readonly set: readonly number[];
  readonly confedSequence: readonly number[];
  readonly confedSet: readonly number[];
}

export function flattenAsPath(segments: readonly AsPathSegment[]): FlatAsPath {
  const sequence: number[] = [];
  const set: number[] = [];
  const confedSequence: number[] = [];
  const confedSet: number[] = [];
  for (const segment of segments) {
    const target =
      segment.type === AsPathSegmentType.AS_SEQUENCE
        ? sequence
        : segment.type === AsPathSegmentType.AS_SET
          ? set
          : segment.type === AsPathSegmentType.AS_CONFED_SEQUENCE
            ? confedSequence
            : segment.type === AsPathSegmentType.AS_CONFED_SET
              ? confedSet
              : undefined;
    if (target) for (const asn of segment.asns) target.push(asn);
  }
  return { sequence, set, confedSequence, confedSet };
}

/**
 * ExaBGP's AS_PATH + AS4_PATH merge (Attributes.merge_attributes), done whenever both are
 * present. It works on the flat lists, drops confederation segments, and keeps nothing of
 * a kind whose AS4 list is empty (Python's `x[:-0]` is `[]`). When the AS_PATH was already
 * merged per RFC 6793 §4.2.3 (2-octet session) its tail already equals AS4_PATH, so merging
 * again gives the same sequence.
 */
export function mergeAs4Path(asPath: FlatAsPath, as4Path: FlatAsPath): FlatAsPath {
  return {
    sequence: mergeKind(asPath.sequence, as4Path.sequence, asPath.sequence),
    set: mergeKind(asPath.set, as4Path.set, as4Path.set),
    confedSequence: [],
    confedSet: [],
  };
}

/** One kind of the merge: `shorter` is what ExaBGP keeps when the AS_PATH list is the shorter one. */
function mergeKind(two: readonly number[], four: readonly number[], shorter: readonly number[]): readonly number[] {
  if (two.length < four.length) return shorter;
  if (four.length === 0) return [];
  return [...two.slice(0, two.length - four.length), ...four];
}

function list(asns: readonly number[]): string {
  return `[ ${asns.join(', ')} ]`;
}

/** The "as-path", "as-set", "confederation-path", "confederation-set" members, comma-joined. */
export function asPathMembers(path: FlatAsPath): string {
  let out = `"as-path": ${path.sequence.length ? list(path.sequence) : '[]'}`;
  if (path.set.length) out += `, "as-set": ${list(path.set)}`;
  out += `, "confederation-path": ${path.confedSequence.length ? list(path.confedSequence) : '[]'}`;
  if (path.confedSet.length) out += `, "confederation-set": ${list(path.confedSet)}`;
  return out;
}

/** ASPath.__repr__ (used for an AS4_PATH printed as an unknown attribute): "[ 1 2 ( 3 4 ) ]". */
export function asPathText(path: FlatAsPath): string {
  const text = (seq: readonly number[], set: readonly number[]): string => {
    if (seq.length === 1) return set.length ? `[ ${seq[0]} ( ${set.join(' ')} ) ]` : `[ ${seq[0]} ]`;
    if (seq.length > 1) return set.length ? `[ ${seq.join(' ')} ( ${set.join(' ')} ) ]` : `[ ${seq.join(' ')} ]`;
    return set.length ? `[ ( ${set.join(' ')} )]` : '[ ]';
  };
  const main = text(path.sequence, path.set);
  return path.confedSequence.length || path.confedSet.length ? main + text(path.confedSequence, path.confedSet) : main;
}
