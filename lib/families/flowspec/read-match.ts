/**
 * A match statement (`source 10.0.0.0/24`, `destination-port [ =80 >=8080&<=8088 ]`), kept as words
 * until the family is known. A prefix takes one word, with ExaBGP's "/length/offset" or a
 * following `offset N` for IPv6 (RFC 8956 §3.1).
 */
import { FlowComponentType } from './component-types';
import type { FlowDraft } from './flow-draft';
import type { MatchKeyword } from './flow-keywords';
import { readItems, readWord, type StatementMode } from './read-items';
import type { FlowCursor } from './text-cursor';

export function readMatch(cursor: FlowCursor, keyword: MatchKeyword, mode: StatementMode, draft: FlowDraft): void {
  const keywordWord = { text: cursor.words[cursor.index - 1], index: cursor.index - 1 };
  const prefix = keyword.type === FlowComponentType.DESTINATION_PREFIX || keyword.type === FlowComponentType.SOURCE_PREFIX;
  if (!prefix) {
    draft.matches.push({ keyword: keywordWord, items: readItems(cursor, mode, keywordWord.text) });
    return;
  }
  const item = readWord(cursor, `a ${keywordWord.text} prefix`);
  if (cursor.accept('offset')) {
    draft.matches.push({ keyword: keywordWord, items: [item], offset: readWord(cursor, 'an offset (0..127)') });
    return;
  }
  draft.matches.push({ keyword: keywordWord, items: [item] });
}
