/**
 * What the words of one flow command say, before the rule is built: match statements are kept as
 * words (their meaning can depend on the family, which a later word may decide), actions are
 * already community values.
 */
import type { RouteDistinguisher } from './types';

/** A word and its index in the cursor, for errors that point at it. */
export interface Word {
  readonly text: string;
  readonly index: number;
}

export interface MatchStatement {
  /** The keyword as written ("source", "destination-port", ...) and where. */
  readonly keyword: Word;
  readonly items: readonly Word[];
  /** `offset N` after an IPv6 prefix. */
  readonly offset?: Word;
}

export interface FlowDraft {
  readonly matches: MatchStatement[];
  readonly extendedCommunities: bigint[];
  readonly ipv6ExtendedCommunities: bigint[];
  readonly communities: number[];
  readonly largeCommunities: Array<[number, number, number]>;
  rd?: RouteDistinguisher;
  /** An address, or "self". */
  nextHop?: string;
  /** A name given to a block (`route NAME { ... }`), kept for show output. */
  name?: string;
}

export function emptyDraft(): FlowDraft {
  return { matches: [], extendedCommunities: [], ipv6ExtendedCommunities: [], communities: [], largeCommunities: [] };
}

/** Adds a value once (repeating an action does not repeat its community). */
export function addOnce<T>(list: T[], value: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
  if (!list.some((v) => same(v, value))) list.push(value);
}
