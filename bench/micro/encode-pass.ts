/**
 * One encode pass: the decoded UPDATEs' (attributes, announced prefixes) groups packed back into
 * UPDATE messages with lib/wire/update-pack.ts packUpdates, the call rxbgp's sender makes per
 * Adj-RIB-Out group (lib/session/rib-sender.ts).
 */
import { decodeMessage } from '../../lib/wire/message';
import type { Announced, CodecContext, PathAttributes, UpdateMessage } from '../../lib/wire/types';
import { packUpdates } from '../../lib/wire/update-pack';
import { announcedCount, listCount } from './prefix-count';

/** One attribute set and the prefixes of one family announced with it. */
export interface EncodeGroup {
  readonly attributes: PathAttributes;
  readonly announced: Announced;
}

/** One group per announced list of each UPDATE, in order (no withdrawals: a table transfer has none). */
export function encodeGroups(updates: readonly UpdateMessage[]): EncodeGroup[] {
  const groups: EncodeGroup[] = [];
  for (const u of updates) for (const announced of u.announced) if (listCount(announced) > 0) groups.push({ attributes: u.attributes, announced });
  return groups;
}

/** Prefixes the groups hold. */
export function groupPrefixes(groups: readonly EncodeGroup[]): number {
  let n = 0;
  for (const g of groups) n += listCount(g.announced);
  return n;
}

export interface EncodeCount {
  readonly messages: number;
  readonly bytes: number;
}

/** Packs every group into messages of at most `maxLength` octets; returns how many and their size. */
export function encodePass(groups: readonly EncodeGroup[], ctx: CodecContext, maxLength: number): EncodeCount {
  let messages = 0;
  let bytes = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const out = packUpdates(g.attributes, g.announced, undefined, ctx, maxLength);
    messages += out.length;
    for (let k = 0; k < out.length; k++) bytes += out[k].length;
  }
  return { messages, bytes };
}

/**
 * Packs every group once more and decodes what came out: the prefixes it announces. Run after the
 * timed passes, to check that the encoder wrote every prefix.
 */
export function encodedPrefixCount(groups: readonly EncodeGroup[], ctx: CodecContext, maxLength: number): number {
  let prefixes = 0;
  for (const g of groups) {
    for (const frame of packUpdates(g.attributes, g.announced, undefined, ctx, maxLength)) {
      const message = decodeMessage(frame, ctx);
      if (message.type !== 'update') throw new Error(`packUpdates wrote a ${message.type} message`);
      prefixes += announcedCount(message);
    }
  }
  return prefixes;
}
