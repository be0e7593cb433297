/**
 * The values after a keyword: `[ a b c ]`, or without brackets. In a block (`match { ... }`) a list
 * without brackets runs to the `;`; on one line it runs to the next keyword or the end of the
 * line. Every item is kept (ExaBGP 4.2 keeps only the first of a list without brackets).
 */
import type { Word } from './flow-draft';
import { isFlowKeyword } from './flow-keywords';
import type { FlowCursor } from './text-cursor';

export type StatementMode = 'block' | 'line';

const STRUCTURE = new Set(['[', ']', '{', '}', ';']);

export function readItems(cursor: FlowCursor, mode: StatementMode, what: string): Word[] {
  const items: Word[] = [];
  if (cursor.accept('[')) {
    for (;;) {
      const word = cursor.next(`] to close the ${what} list`);
      if (word === ']') break;
      if (word === ',') continue;
      if (STRUCTURE.has(word)) cursor.fail(`expected a ${what} value or ] to close the list`);
      items.push({ text: word, index: cursor.index - 1 });
    }
    if (items.length === 0) cursor.fail(`the ${what} list is empty`);
    return items;
  }
  const first = cursor.next(`a ${what} value`);
  if (STRUCTURE.has(first) || first === ',') cursor.fail(`expected a ${what} value`);
  items.push({ text: first, index: cursor.index - 1 });
  for (;;) {
    const word = cursor.peek();
    if (word === undefined || STRUCTURE.has(word)) break;
    if (mode === 'line' && isFlowKeyword(word)) break;
    cursor.index++;
    if (word !== ',') items.push({ text: word, index: cursor.index - 1 });
  }
  return items;
}

/** One value word (not a bracket or `;`). */
export function readWord(cursor: FlowCursor, what: string): Word {
  const word = cursor.next(what);
  if (STRUCTURE.has(word) || word === ',') cursor.fail(`expected ${what}`);
  return { text: word, index: cursor.index - 1 };
}
