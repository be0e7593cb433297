/**
 * One decode pass over the captured UPDATEs with the decoder rxbgp's session uses
 * (lib/wire/message.ts decodeMessage). Each pass returns what it decoded, counted, so the caller
 * can check the total against N: the work cannot be optimised away and a wrong decode is caught.
 */
import { decodeMessage } from '../../lib/wire/message';
import type { CodecContext, UpdateMessage } from '../../lib/wire/types';
import { announcedCount, listCount } from './prefix-count';

/** Decodes every message as an UPDATE; returns the prefixes they announce. */
export function decodePass(updates: readonly Buffer[], ctx: CodecContext): number {
  let prefixes = 0;
  for (let i = 0; i < updates.length; i++) prefixes += announcedCount(asUpdate(decodeMessage(updates[i], ctx), i));
  return prefixes;
}

export interface TextPassCount {
  readonly prefixes: number;
  /** Characters of every prefix text read: using them is what makes the text be built. */
  readonly characters: number;
}

/**
 * Decodes every UPDATE and reads every announced prefix as text (`prefixes[i]`), as a consumer
 * that needs the strings (JSON, logs) does.
 */
export function decodeTextPass(updates: readonly Buffer[], ctx: CodecContext): TextPassCount {
  let prefixes = 0;
  let characters = 0;
  for (let i = 0; i < updates.length; i++) {
    const update = asUpdate(decodeMessage(updates[i], ctx), i);
    for (const list of update.announced) {
      const n = listCount(list);
      const texts = list.prefixes;
      for (let k = 0; k < n; k++) characters += texts[k].length;
      prefixes += n;
    }
  }
  return { prefixes, characters };
}

/** Every UPDATE decoded, kept (the encode passes' input; not timed). */
export function decodeUpdates(updates: readonly Buffer[], ctx: CodecContext): UpdateMessage[] {
  return updates.map((frame, i) => asUpdate(decodeMessage(frame, ctx), i));
}

function asUpdate(message: ReturnType<typeof decodeMessage>, index: number): UpdateMessage {
  if (message.type !== 'update') throw new Error(`message ${index} decoded as ${message.type}, not an UPDATE`);
  return message;
}
