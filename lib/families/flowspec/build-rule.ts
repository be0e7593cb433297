/**
 * Turns the match statements of a draft into a rule of one family. The family is the command's
 * when it names one (`announce ipv6 flow ...`: an IPv6 rule even without an IPv6 prefix; ExaBGP
 * 4.2 sends such a rule as IPv4), else the one its prefixes or IPv6-only keywords say, else IPv4.
 * Components are put in increasing type order (RFC 8955 §4.2); a numeric or bitmask keyword given
 * twice adds its items (ORed) to the same component, as in ExaBGP; a prefix given twice is refused.
 */
import { componentInfo, FlowComponentType } from './component-types';
import type { FlowDraft, MatchStatement, Word } from './flow-draft';
import { MATCH_KEYWORDS } from './flow-keywords';
import { parseBitmaskItem, parseNumericItem } from './parse-ops';
import { ipv6WithOffset, parseFlowPrefix, type ParsedFlowPrefix } from './parse-prefix';
import { parseIpv6 } from '../../wire/address';
import type { FlowCursor } from './text-cursor';
import type { BitmaskOp, FlowAfi, FlowComponent, NumericOp } from './types';

const AFI_NAME: Record<FlowAfi, string> = { 1: 'IPv4', 2: 'IPv6' };
/** DSCP is 6 bits (RFC 2474 §3). */
const DSCP_MAX = 0x3f;

interface FamilyChoice {
  afi: FlowAfi;
  /** The word that decided it, or undefined when the command's family did. */
  because?: Word;
}

/** The family of the rule, failing on the first word that contradicts an earlier one. */
export function chooseAfi(cursor: FlowCursor, draft: FlowDraft, contextAfi: FlowAfi | undefined): FlowAfi {
  let choice: FamilyChoice | undefined = contextAfi ? { afi: contextAfi } : undefined;
  const say = (afi: FlowAfi, word: Word, what: string): void => {
    if (!choice) {
      choice = { afi, because: word };
      return;
    }
    if (choice.afi === afi) return;
    const why = choice.because ? `"${choice.because.text}" made it ${AFI_NAME[choice.afi]}` : `the command is ${AFI_NAME[choice.afi]} flow`;
    cursor.fail(`${what} in an ${AFI_NAME[choice.afi]} rule (${why})`, word.index);
  };
  for (const match of draft.matches) {
    const keyword = MATCH_KEYWORDS.get(match.keyword.text);
    if (keyword?.afi) say(keyword.afi, match.keyword, `${match.keyword.text} (${AFI_NAME[keyword.afi]} only)`);
    if (keyword && (keyword.type === FlowComponentType.DESTINATION_PREFIX || keyword.type === FlowComponentType.SOURCE_PREFIX)) {
      const item = match.items[0];
      const afi: FlowAfi = item.text.includes(':') ? 2 : 1;
      say(afi, item, `an ${AFI_NAME[afi]} prefix`);
    }
  }
  return choice?.afi ?? 1;
}

function prefixOf(cursor: FlowCursor, match: MatchStatement): ParsedFlowPrefix {
  const item = match.items[0];
  const parsed = parseFlowPrefix(item.text);
  if (typeof parsed === 'string') cursor.fail(`bad ${match.keyword.text}, ${parsed}`, item.index);
  if (!match.offset) return parsed;
  if (parsed.afi !== 2) cursor.fail('only an IPv6 prefix takes an offset (RFC 8956 §3.1)', match.offset.index);
  if (parsed.offset !== 0) cursor.fail('the offset is already given after the prefix length', match.offset.index);
  const offset = /^\d{1,3}$/.test(match.offset.text) ? Number(match.offset.text) : -1;
  if (offset < 0 || offset > 127) cursor.fail('an offset must be 0..127', match.offset.index);
  const [address, length] = parsed.prefix.split('/');
  const withOffset = ipv6WithOffset(item.text, parseIpv6(address)!, Number(length), offset);
  if (typeof withOffset === 'string') cursor.fail(`bad ${match.keyword.text}, ${withOffset}`, match.offset.index);
  return withOffset;
}

/** The components of the draft's match statements, in increasing type order. */
export function buildComponents(cursor: FlowCursor, draft: FlowDraft, afi: FlowAfi): FlowComponent[] {
  // Indexed by type (1..13): walking it in order gives RFC 8955 §4.2's order without a sort.
  const byType: (FlowComponent | undefined)[] = [];
  for (const match of draft.matches) {
    const type = MATCH_KEYWORDS.get(match.keyword.text)!.type;
    const info = componentInfo(afi, type);
    if (!info) cursor.fail(`${match.keyword.text} is IPv6 only (RFC 8956 §3.7), not in an IPv4 rule`, match.keyword.index);
    const existing = byType[type];
    if (info.kind === 'prefix') {
      if (existing) cursor.fail(`a second ${info.name[afi].replace(/-ipv[46]$/, '')} prefix in one rule`, match.keyword.index);
      const prefix = prefixOf(cursor, match);
      byType[type] = { kind: 'prefix', type: type as 1 | 2, prefix: prefix.prefix, offset: prefix.offset };
      continue;
    }
    const ops: (NumericOp | BitmaskOp)[] = existing && existing.kind !== 'prefix' ? existing.ops.slice() : [];
    const max = match.keyword.text === 'dscp' ? DSCP_MAX : info.maxValue;
    for (const item of match.items) {
      const parsed = info.kind === 'numeric' ? parseNumericItem(item.text, type, afi, max) : parseBitmaskItem(item.text, type, afi);
      if (typeof parsed === 'string') cursor.fail(`bad ${match.keyword.text} value, ${parsed}`, item.index);
      for (let i = 0; i < parsed.length; i++) ops.push(parsed[i]);
    }
    byType[type] =
      info.kind === 'numeric'
        ? { kind: 'numeric', type: type as 3 | 4 | 5 | 6 | 7 | 8 | 10 | 11 | 13, ops: ops as NumericOp[] }
        : { kind: 'bitmask', type: type as 9 | 12, ops: ops as BitmaskOp[] };
  }
  const components: FlowComponent[] = [];
  for (let type = 1; type < byType.length; type++) {
    const component = byType[type];
    if (component) components.push(component);
  }
  return components;
}
