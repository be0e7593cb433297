/**
 * RFC 6793 §4.2.3: on a session where the peer is an "OLD" (2-octet AS) speaker, rebuild the
 * real AS path and aggregator from AS_PATH / AGGREGATOR (with AS_TRANS placeholders) and
 * AS4_PATH / AS4_AGGREGATOR. as4Path / as4Aggregator are left as received.
 */
import { AsPathSegmentType, AS_TRANS } from '../iana';
import type { AsPathSegment } from '../types';
import type { MutablePathAttributes } from './attribute-codec';
import { isConfedSegment, MAX_SEGMENT_ASES, pathLength } from './as-path-segments';

export function mergeAs4(attributes: MutablePathAttributes): void {
  const { aggregator, as4Aggregator, asPath, as4Path } = attributes;
  if (aggregator && as4Aggregator) {
    // "If the AS number in the AGGREGATOR attribute is not AS_TRANS, then ... the AS4_AGGREGATOR
    // attribute and the AS4_PATH attribute SHALL be ignored": some OLD speaker aggregated
    // after the NEW one, so both AS4 attributes are stale.
    if (aggregator.asn !== AS_TRANS) return;
    attributes.aggregator = as4Aggregator;
  }
  // RFC 6793 §4.2.3 ignores an AS4_AGGREGATOR without AGGREGATOR: nothing to do for it.
  if (!asPath || !as4Path) return;
  // RFC 6793 §6: confederation segments MUST NOT be in AS4_PATH; a receiver drops them.
  const as4 = as4Path.some(isConfedSegment) ? as4Path.filter((segment) => !isConfedSegment(segment)) : as4Path;
  const length = pathLength(asPath);
  const length4 = pathLength(as4);
  // "if the number of AS numbers in the AS_PATH attribute is less than the number of AS
  // numbers in the AS4_PATH attribute, then the AS4_PATH attribute SHALL be ignored".
  if (length < length4) return;
  attributes.asPath = join(leading(asPath, length - length4), as4);
}

/**
 * The first `count` ASes of a path (a SET counts 1), with the confederation segments met on
 * the way: these are the hops OLD speakers added after the AS4_PATH was generated.
 */
function leading(path: readonly AsPathSegment[], count: number): AsPathSegment[] {
  const out: AsPathSegment[] = [];
  let left = count;
  for (const segment of path) {
    if (isConfedSegment(segment)) {
      out.push(segment);
      continue;
    }
    if (left === 0) break;
    if (segment.type === AsPathSegmentType.AS_SET) {
      out.push(segment);
      left -= 1;
    } else if (segment.asns.length <= left) {
      out.push(segment);
      left -= segment.asns.length;
    } else {
      out.push({ type: segment.type, asns: segment.asns.slice(0, left) });
      left = 0;
    }
  }
  return out;
}

/** Appends the AS4 path, gluing two AS_SEQUENCEs that meet into one when it still fits a segment. */
function join(head: AsPathSegment[], tail: readonly AsPathSegment[]): AsPathSegment[] {
  const last = head[head.length - 1];
  const first = tail[0];
  if (
    last &&
    first &&
    last.type === AsPathSegmentType.AS_SEQUENCE &&
    first.type === AsPathSegmentType.AS_SEQUENCE &&
    last.asns.length + first.asns.length <= MAX_SEGMENT_ASES
  ) {
    head[head.length - 1] = { type: AsPathSegmentType.AS_SEQUENCE, asns: [...last.asns, ...first.asns] };
    return head.concat(tail.slice(1));
  }
  return head.concat(tail);
}
