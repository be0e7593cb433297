/**
 * Completes configured attributes for one session before they are encoded:
 * RFC 4271 §5.1.2 (eBGP: our AS first in AS_PATH), §5.1.5 (LOCAL_PREF only to internal peers),
 * §5.1.1/§5.1.2 (ORIGIN and AS_PATH are mandatory: default IGP and an empty path).
 */
import { AsPathSegmentType, Origin } from '../wire/iana';
import type { AsPathSegment, PathAttributes } from '../wire/types';

export function outgoingAttributes(attrs: PathAttributes, localAs: number, peerAs: number): PathAttributes {
  const ebgp = localAs !== peerAs;
  let asPath: readonly AsPathSegment[] = attrs.asPath ?? [];
  if (ebgp) asPath = prependAs(asPath, localAs);
  const out: { -readonly [K in keyof PathAttributes]: PathAttributes[K] } = { ...attrs, origin: attrs.origin ?? Origin.IGP, asPath };
  if (ebgp) delete out.localPref;
  else if (out.localPref === undefined) out.localPref = 100; // RFC 4271 §5.1.5: SHALL be included to internal peers
  return out;
}

function prependAs(path: readonly AsPathSegment[], asn: number): readonly AsPathSegment[] {
  const first = path[0];
  if (first && first.type === AsPathSegmentType.AS_SEQUENCE) {
    if (first.asns[0] === asn) return path; // already there as configured
    if (first.asns.length < 255) return [{ type: first.type, asns: [asn, ...first.asns] }, ...path.slice(1)];
  }
  return [{ type: AsPathSegmentType.AS_SEQUENCE, asns: [asn] }, ...path];
}
