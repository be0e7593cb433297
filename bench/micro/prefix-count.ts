/** How many prefixes a decoded UPDATE announces, read without turning any prefix into text. */
import { nlriCount, packedIpv4Of } from '../../lib/wire/nlri';
import type { NlriList, UpdateMessage } from '../../lib/wire/types';

/**
 * Prefixes in one NLRI list, without making their text: the decoder may hold IPv4 unicast lists
 * packed and build `prefixes` only on first read (lib/wire/nlri/packed-ipv4.ts).
 */
export function listCount(list: NlriList): number {
  return nlriCount(list);
}

/** True when the decoder handed this list over packed (its text not made yet, or made and cached). */
export function isPacked(list: NlriList): boolean {
  return packedIpv4Of(list) !== undefined;
}

/** Prefixes announced by one UPDATE, over all its families. */
export function announcedCount(update: UpdateMessage): number {
  let n = 0;
  for (const list of update.announced) n += listCount(list);
  return n;
}
