/**
 * A neighbor as FlowSpec validation sees it: whose Adj-RIB-In holds unicast routes and rules, and
 * which AS it is in. lib/session's Neighbor is one; tests pass plain objects.
 */
import type { RibEntry } from '../../rib/adj-rib-in';
import type { AsPathSegment } from '../../wire/types';

export interface ValidationPeer {
  readonly name: string;
  readonly ribIn: {
    get(afi: number, safi: number, prefix: string, pathId?: number): RibEntry | undefined;
    familyEntries(afi: number, safi: number): IterableIterator<[string, RibEntry]>;
    familySize(afi: number, safi: number): number;
  };
  readonly settings: { readonly peerAs: number; readonly localAs: number };
  readonly endpoint: { readonly peerAddress: string };
}

export function isEbgp(peer: ValidationPeer): boolean {
  return peer.settings.peerAs !== peer.settings.localAs;
}

const AS_SET = 1;
const AS_SEQUENCE = 2;

/**
 * The AS a route entered our AS from (RFC 8955 §6 rule c's "neighboring AS"): the peer's AS for
 * an eBGP route; for an iBGP one the first AS of its AS_PATH after any confederation segments, or
 * our own AS when the path is empty (it started inside our AS).
 */
export function neighboringAs(peer: ValidationPeer, asPath: readonly AsPathSegment[] | undefined): number {
  if (isEbgp(peer)) return peer.settings.peerAs;
  for (const s of asPath ?? []) if ((s.type === AS_SEQUENCE || s.type === AS_SET) && s.asns.length) return s.asns[0];
  return peer.settings.localAs;
}

/** RFC 4271 §9.1.2.2 a): AS_PATH length, an AS_SET counting 1 and confederation segments 0 (RFC 5065 §5.3). */
export function asPathLength(asPath: readonly AsPathSegment[] | undefined): number {
  let n = 0;
  for (const s of asPath ?? []) n += s.type === AS_SEQUENCE ? s.asns.length : s.type === AS_SET ? 1 : 0;
  return n;
}

/** The leftmost AS of the AS_PATH (RFC 4271 §6.3's check on eBGP routes), or undefined when there is none. */
export function leftmostAs(asPath: readonly AsPathSegment[] | undefined): number | undefined {
  const first = asPath?.[0];
  return first && (first.type === AS_SEQUENCE || first.type === AS_SET) ? first.asns[0] : undefined;
}

/** RFC 9117 §4.1 rule b.2: an AS_PATH that is empty or holds only AS_CONFED_SEQUENCE segments (RFC 5065). */
export function pathFromInsideAs(asPath: readonly AsPathSegment[] | undefined): boolean {
  return (asPath ?? []).every((s) => s.type === 3);
}

/**
 * RFC 8955 §6: "By originator of a BGP route, we mean either the address of the originator in the
 * ORIGINATOR_ID attribute [RFC4456], or the source IP address of the BGP peer, if this path
 * attribute is not present." A route reflector passes on its clients' routes with their
 * ORIGINATOR_ID, so a rule and a unicast route reflected from one router have the same originator
 * whichever reflector each came through.
 */
export function originatorOf(peer: ValidationPeer, originatorId: string | undefined): string {
  return originatorId ?? peer.endpoint.peerAddress;
}
