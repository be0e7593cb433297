/**
 * Whether a received FlowSpec rule is feasible: RFC 8955 §6 as revised by RFC 9117 §4. Pure: the
 * caller looks up the facts (best-unicast.ts, more-specifics.ts), this decides and says why.
 *
 *   a) the rule has a destination prefix;
 *   RFC 9117 §4.2: from an eBGP neighbor, the rule's AS_PATH starts with that neighbor's AS;
 *   b) 1. its originator (ORIGINATOR_ID, RFC 4456, else the neighbor it came from) is the
 *         originator of the best-match unicast route for that destination, or
 *      2. its AS_PATH is empty or holds only AS_CONFED_SEQUENCE segments (RFC 9117 §4.1: on by
 *         default, for rules a controller inside the AS injects);
 *   c) no unicast route more specific than the destination came from a neighboring AS other than
 *      the best-match route's (with no best-match route, any more-specific route fails it).
 */
import type { AsPathSegment } from '../../wire/types';
import { leftmostAs, pathFromInsideAs } from './validation-peer';

export interface RuleFacts {
  /** The rule's destination prefix text, undefined when it has none. */
  readonly destination: string | undefined;
  readonly asPath: readonly AsPathSegment[] | undefined;
  /** The neighbor it came from: eBGP or not, its AS. */
  readonly ebgp: boolean;
  readonly peerAs: number;
  readonly peerName: string;
  /** The rule's originator: its ORIGINATOR_ID (`reflected`), else the address of the neighbor it came from (validation-peer.ts originatorOf). */
  readonly originator: string;
  readonly reflected?: boolean;
  /** The best-match unicast route, if any covers the destination, and its originator (the same way). */
  readonly best?: { readonly prefix: string; readonly peerName: string; readonly originator: string; readonly reflected?: boolean; readonly neighboringAs: number };
  /** A neighboring AS other than the best route's with a more specific route, if any. */
  readonly moreSpecificAs?: number;
}

export type Verdict = { readonly feasible: true } | { readonly feasible: false; readonly rule: 'a' | 'b' | 'c' | 'as-path'; readonly why: string };

const FEASIBLE: Verdict = { feasible: true };

export function feasibility(f: RuleFacts): Verdict {
  if (f.destination === undefined) return { feasible: false, rule: 'a', why: 'no destination prefix (RFC 8955 §6 a)' };
  if (f.ebgp) {
    const left = leftmostAs(f.asPath);
    if (left !== f.peerAs) return { feasible: false, rule: 'as-path', why: `AS_PATH ${left === undefined ? 'is empty' : `starts with AS${left}`}, not the eBGP neighbor's AS${f.peerAs} (RFC 9117 §4.2)` };
  }
  const inside = pathFromInsideAs(f.asPath);
  if (f.best?.originator !== f.originator && !inside) {
    const best = f.best ? `comes from ${originated(f.best.peerName, f.best.originator, f.best.reflected)} (${f.best.prefix})` : 'does not exist';
    return { feasible: false, rule: 'b', why: `the best unicast route for ${f.destination} ${best}, not from ${originated(f.peerName, f.originator, f.reflected)} (RFC 8955 §6 b)` };
  }
  if (f.moreSpecificAs !== undefined) {
    const than = f.best ? `the best route's AS${f.best.neighboringAs}` : 'no covering route';
    return { feasible: false, rule: 'c', why: `a route more specific than ${f.destination} comes from AS${f.moreSpecificAs}, not ${than} (RFC 8955 §6 c)` };
  }
  return FEASIBLE;
}

/** "B", or "B (originator 192.0.2.9)" when a route reflector's ORIGINATOR_ID names the originator. */
function originated(peerName: string, originator: string, reflected = false): string {
  return reflected ? `${peerName} (originator ${originator})` : peerName;
}
