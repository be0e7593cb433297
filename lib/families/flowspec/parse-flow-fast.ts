/**
 * The one-pass reader of the flow routes DDoS tools send by the hundred thousand (FastNetMon's
 * block form, ExaFS's one-line form): IPv4 rules of prefixes, numeric and bitmask components, and
 * the actions discard, accept, rate-limit, mark, action and redirect to a route target. It reads
 * the line by char code, slicing only the values, and builds the rule straight away, where the full
 * reader (parse-flow-route.ts) first splits the line into words and keeps each statement as words
 * until the family is known. That cost a few µs per rule, most of a helper's flood.
 *
 * It gives the same rule and actions as the full reader, or undefined for anything else: another
 * form (IPv6, rd, next-hop, a named route, other actions) or any mistake, which the full reader
 * then reads again to say what is wrong and where. It never refuses a line the full reader takes
 * and never takes one it refuses (spec/families/flowspec/parse-flow-fast.spec.ts holds both to every
 * line of the flow specs).
 */
import { componentInfo } from './component-types';
import { flowActionCommunity, type FlowAction } from './actions';
import { MATCH_KEYWORDS, isFlowKeyword, type MatchKeyword } from './flow-keywords';
import { parseBitmaskItem, parseNumericItem } from './parse-ops';
import { parseFlowPrefix } from './parse-prefix';
import { parseRedirect } from './parse-redirect';
import type { FlowRouteActions, ParsedFlowRoute } from './parse-flow-route';
import type { BitmaskOp, FlowComponent, FlowFamily, NumericOp } from './types';
import { numericOp, oneOrMany } from './interned';

const IPV4_FLOW: FlowFamily = Object.freeze({ afi: 1, safi: 133 });
const NO_ACTIONS: FlowRouteActions = Object.freeze({});
/** One actions object per single action (a DDoS stream has a handful): shared, as the pairs are. */
const SINGLE_ACTIONS = new Map<bigint, FlowRouteActions>();
/** The communities of actions already seen, by action text ("rate-limit 1024"): no bigint made per rule. */
const COMMUNITIES = new Map<string, bigint>();
const MAX_REMEMBERED = 10_000;

function actionsOf(communities: bigint[]): FlowRouteActions {
  if (communities.length === 0) return NO_ACTIONS;
  if (communities.length > 1) return { extendedCommunities: communities.slice() };
  const known = SINGLE_ACTIONS.get(communities[0]);
  if (known) return known;
  if (SINGLE_ACTIONS.size >= MAX_REMEMBERED) SINGLE_ACTIONS.clear();
  const made: FlowRouteActions = Object.freeze({ extendedCommunities: Object.freeze([communities[0]]) });
  SINGLE_ACTIONS.set(communities[0], made);
  return made;
}

/** DSCP is 6 bits (RFC 2474 §3), as build-rule.ts reads it. */
const DSCP_MAX = 0x3f;
/** `dscp` (not its IPv6 spelling traffic-class, 0..255) takes the 6-bit range. */
const DSCP = MATCH_KEYWORDS.get('dscp');
/** ExaBGP caps rates at 10^12 bytes per second (read-then.ts). */
const MAX_RATE = 1e12;

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const SEMICOLON = 59;
const COMMA = 44;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

function isPunctuation(c: number): boolean {
  return c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE || c === SEMICOLON || c === COMMA;
}

/** Thrown (and caught below) when the line is not one this reader takes: the full reader decides. */
const NOT_MINE = new Error('not a fast flow line');

/** The words of one line, read one at a time: a punctuation mark is a word by itself (text-cursor.ts). */
class Scan {
  /** The current word is line[start, end); end === start at the end of the line. */
  start = 0;
  end = 0;

  line = '';
  private at = 0;

  reset(line: string, at: number): this {
    this.line = line;
    this.at = at;
    this.start = this.end = at;
    return this;
  }

  /** Moves to the next word; false at the end of the line. */
  next(): boolean {
    const { line } = this;
    const n = line.length;
    let i = this.at;
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    this.start = i;
    if (i < n) {
      if (isPunctuation(line.charCodeAt(i))) i++;
      else while (i < n && !isSpace(line.charCodeAt(i)) && !isPunctuation(line.charCodeAt(i))) i++;
    }
    this.end = this.at = i;
    return i > this.start;
  }

  /** The next word without moving: its first char code (or -1 at the end) and its text on demand. */
  peekCode(): number {
    const { line } = this;
    let i = this.at;
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    return i < line.length ? line.charCodeAt(i) : -1;
  }

  /** The current word is the one-char punctuation `code`. */
  is(code: number): boolean {
    return this.end === this.start + 1 && this.line.charCodeAt(this.start) === code;
  }

  punctuation(): boolean {
    return this.end === this.start + 1 && isPunctuation(this.line.charCodeAt(this.start));
  }

  text(): string {
    return this.line.slice(this.start, this.end);
  }

  /** Moves on and requires the punctuation `code`. */
  expect(code: number): void {
    if (!this.next() || !this.is(code)) throw NOT_MINE;
  }

  atEnd(): boolean {
    return this.peekCode() < 0;
  }
}

/** The match keywords by length: one is found at a position with a startsWith or two, no slice. */
/** The match keywords by length and last two letters (no two share them): one startsWith to confirm, no slice. */
const MATCH_WORDS = new Map<number, { readonly word: string; readonly keyword: MatchKeyword }>();
for (const [word, keyword] of MATCH_KEYWORDS) {
  const key = wordKey(word, 0, word.length);
  if (MATCH_WORDS.has(key)) throw new Error(`parse-flow-fast: keywords "${word}" and "${MATCH_WORDS.get(key)!.word}" share a length and last two letters`);
  MATCH_WORDS.set(key, { word, keyword });
}

function wordKey(text: string, start: number, end: number): number {
  return ((end - start) * 128 + text.charCodeAt(end - 1)) * 128 + text.charCodeAt(end - 2);
}

function matchKeywordAt(line: string, start: number, end: number): MatchKeyword | undefined {
  if (end - start < 2) return undefined;
  const entry = MATCH_WORDS.get(wordKey(line, start, end));
  return entry !== undefined && line.startsWith(entry.word, start) ? entry.keyword : undefined;
}

/** What is built while reading: components by type (RFC 8955 §4.2's order), actions as read. */
interface Built {
  readonly byType: (FlowComponent | undefined)[];
  readonly extendedCommunities: bigint[];
}

const SCAN = new Scan();
/** A second scan, to look one word ahead without moving the first. */
const PROBE = new Scan();
/** Slots for components by type (1..13), all there from the start: filled in any order without the list changing shape. */
const BUILT: Built = { byType: new Array<FlowComponent | undefined>(14).fill(undefined), extendedCommunities: [] };

export function parseFlowRouteFast(line: string, from: number, afi?: number, safi?: number): ParsedFlowRoute | undefined {
  // Only IPv4 FlowSpec (SAFI 133) rules: an IPv6 or flow-vpn command goes to the full reader.
  if ((afi !== undefined && afi !== 1) || (safi !== undefined && safi !== 133)) return undefined;
  // One scan and one set of slots for every line (the reader calls nothing that reads a line in turn).
  const scan = SCAN.reset(line, from);
  const built = BUILT;
  built.byType.fill(undefined);
  built.extendedCommunities.length = 0;
  try {
    if (scan.peekCode() === OPEN_BRACE) readBlock(scan, built);
    else readLine(scan, built);
  } catch (e) {
    if (e === NOT_MINE) return undefined;
    throw e;
  }
  // Sized at once: the list lives as long as the rule, and one grown by push keeps room for 17.
  let count = 0;
  for (let type = 1; type < built.byType.length; type++) if (built.byType[type]) count++;
  if (count === 0) return undefined;
  const components = new Array<FlowComponent>(count);
  let at = 0;
  for (let type = 1; type < built.byType.length; type++) {
    const component = built.byType[type];
    if (component) components[at++] = component.kind === 'prefix' ? component : oneOrMany(component.kind === 'numeric', type, component.ops);
  }
  return { family: IPV4_FLOW, rule: { components }, actions: actionsOf(built.extendedCommunities) };
}

/** `{ match { ...; } then { ...; } }`, each statement ended by `;`, and nothing after. */
function readBlock(scan: Scan, built: Built): void {
  scan.expect(OPEN_BRACE);
  for (;;) {
    if (!scan.next()) throw NOT_MINE;
    if (scan.is(CLOSE_BRACE)) break;
    const section = scan.text();
    if (section !== 'match' && section !== 'then') throw NOT_MINE;
    scan.expect(OPEN_BRACE);
    for (;;) {
      if (!scan.next()) throw NOT_MINE;
      if (scan.is(CLOSE_BRACE)) break;
      if (scan.punctuation()) throw NOT_MINE;
      if (section === 'match') readMatch(scan, matchKeywordAt(scan.line, scan.start, scan.end), true, built);
      else readAction(scan, scan.text(), built);
      scan.expect(SEMICOLON);
    }
  }
  if (!scan.atEnd()) throw NOT_MINE;
}

/** Match and action keywords in any order, to the end of the line. */
function readLine(scan: Scan, built: Built): void {
  while (scan.next()) {
    if (scan.punctuation()) throw NOT_MINE;
    const match = matchKeywordAt(scan.line, scan.start, scan.end);
    if (match) readMatch(scan, match, false, built);
    else readAction(scan, scan.text(), built);
  }
}

/** One match statement; `block`: a list without brackets runs to the `;` (else to the next keyword). */
function readMatch(scan: Scan, match: MatchKeyword | undefined, block: boolean, built: Built): void {
  // IPv6-only keywords (destination-ipv6, flow-label, ...) go to the full reader.
  if (!match || match.afi === 2) throw NOT_MINE;
  const { type } = match;
  const info = componentInfo(1, type);
  if (!info) throw NOT_MINE;
  if (info.kind === 'prefix') {
    if (built.byType[type] || !scan.next() || scan.punctuation()) throw NOT_MINE;
    const prefix = parseFlowPrefix(scan.text());
    if (typeof prefix === 'string' || prefix.afi !== 1) throw NOT_MINE;
    // `offset N` is IPv6 only: the full reader says so.
    if (scan.peekCode() === 111 /* o */ && scan.line.startsWith('offset', peekStart(scan))) throw NOT_MINE;
    built.byType[type] = { kind: 'prefix', type: type as 1 | 2, prefix: prefix.prefix, offset: prefix.offset };
    return;
  }
  const existing = built.byType[type];
  const ops: (NumericOp | BitmaskOp)[] = existing && existing.kind !== 'prefix' ? (existing.ops as (NumericOp | BitmaskOp)[]) : [];
  const max = match === DSCP ? DSCP_MAX : info.maxValue;
  const numeric = info.kind === 'numeric';
  if (!scan.next()) throw NOT_MINE;
  if (scan.is(OPEN_BRACKET)) {
    let count = 0;
    for (;;) {
      if (!scan.next()) throw NOT_MINE;
      if (scan.is(CLOSE_BRACKET)) break;
      if (scan.is(COMMA)) continue;
      if (scan.punctuation()) throw NOT_MINE;
      addItem(ops, scan, numeric, type, max);
      count++;
    }
    if (count === 0) throw NOT_MINE;
  } else {
    if (scan.punctuation()) throw NOT_MINE;
    addItem(ops, scan, numeric, type, max);
    // Without brackets: to the `;` in a block, to the next keyword on one line (read-items.ts).
    for (;;) {
      const code = scan.peekCode();
      if (code < 0 || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE || code === SEMICOLON) break;
      if (code === COMMA) {
        scan.next();
        continue;
      }
      if (!block && isFlowKeyword(peekText(scan))) break;
      scan.next();
      addItem(ops, scan, numeric, type, max);
    }
  }
  if (!existing) built.byType[type] = { kind: info.kind, type, ops } as FlowComponent;
}

/** The item under the scan: numbers read in place, anything else (names, hex, true) by parse-ops.ts. */
function addItem(ops: (NumericOp | BitmaskOp)[], scan: Scan, numeric: boolean, type: number, max: number): void {
  if (numeric && addDecimalItem(ops, scan.line, scan.start, scan.end, max)) return;
  const parsed = numeric ? parseNumericItem(scan.text(), type, 1, max) : parseBitmaskItem(scan.text(), type, 1);
  if (typeof parsed === 'string') throw NOT_MINE;
  for (let i = 0; i < parsed.length; i++) ops.push(parsed[i]);
}

/** Pairs of the item being read, before they are added (an item is all added or not at all). */
const PAIRS: number[] = [];

/**
 * A numeric item of decimal values (`=80`, `>=8080&<=8088`, `443`) read from the line without a
 * slice, exactly as parseNumericItem reads it; false for any other item, which it then reads.
 */
function addDecimalItem(ops: (NumericOp | BitmaskOp)[], line: string, start: number, end: number, max: number): boolean {
  PAIRS.length = 0;
  let i = start;
  for (;;) {
    // RFC 8955 §4.2.1.1 bits: lt 4, gt 2, eq 1.
    let bits: number;
    const c = line.charCodeAt(i);
    const c2 = i + 1 < end ? line.charCodeAt(i + 1) : -1;
    if (c === 61 /* = */) {
      bits = 1;
      i += c2 === 61 ? 2 : 1;
    } else if (c === 33 /* ! */) {
      if (c2 !== 61) return false;
      bits = 6;
      i += 2;
    } else if (c === 62 /* > */ || c === 60 /* < */) {
      bits = (c === 62 ? 2 : 4) | (c2 === 61 ? 1 : 0);
      i += c2 === 61 ? 2 : 1;
    } else bits = 1; // a bare value means equal
    const digitsStart = i;
    let value = 0;
    while (i < end) {
      const digit = line.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
      i++;
    }
    const digits = i - digitsStart;
    if (digits === 0 || value > max) return false;
    PAIRS.push(bits, value);
    if (i === end) break;
    if (line.charCodeAt(i) !== 38 /* & */ || i + 1 === end) return false;
    i++;
  }
  for (let p = 0; p < PAIRS.length; p += 2) {
    const bits = PAIRS[p];
    ops.push(numericOp(p > 0, (bits & 4) !== 0, (bits & 2) !== 0, (bits & 1) !== 0, PAIRS[p + 1]));
  }
  return true;
}

function peekStart(scan: Scan): number {
  const probe = PROBE.reset(scan.line, scan.end);
  probe.next();
  return probe.start;
}

function peekText(scan: Scan): string {
  const probe = PROBE.reset(scan.line, scan.end);
  probe.next();
  return probe.text();
}

/** A whole number 0..10^12 written in up to 13 digits (read-then.ts readRate), else NOT_MINE. */
function rateOf(scan: Scan): number {
  if (!scan.next() || scan.punctuation()) throw NOT_MINE;
  const { line, start, end } = scan;
  if (end - start > 13) throw NOT_MINE;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = line.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) throw NOT_MINE;
    value = value * 10 + digit;
  }
  if (value > MAX_RATE) throw NOT_MINE;
  return value;
}

/** Adds the action's community once (read-then.ts addOnce); `key` names the action and its value. */
function addAction(built: Built, key: string, action: () => FlowAction): void {
  let value = COMMUNITIES.get(key);
  if (value === undefined) {
    if (COMMUNITIES.size >= MAX_REMEMBERED) COMMUNITIES.clear();
    value = flowActionCommunity(action());
    COMMUNITIES.set(key, value);
  }
  if (!built.extendedCommunities.includes(value)) built.extendedCommunities.push(value);
}

/** The actions read-then.ts reads the same way; any other goes to the full reader. */
function readAction(scan: Scan, keyword: string, built: Built): void {
  switch (keyword) {
    case 'accept':
      return;
    case 'discard':
      // RFC 8955 §7.1: a traffic-rate of 0 discards.
      return addAction(built, 'discard', () => ({ kind: 'rate-limit', asn: 0, bytesPerSecond: 0 }));
    case 'rate-limit': {
      const rate = rateOf(scan);
      if (scan.peekCode() === 112 /* p */ && peekText(scan) === 'packets') {
        scan.next();
        return addAction(built, `p${rate}`, () => ({ kind: 'rate-limit-packets', asn: 0, packetsPerSecond: rate }));
      }
      return addAction(built, `r${rate}`, () => ({ kind: 'rate-limit', asn: 0, bytesPerSecond: rate }));
    }
    case 'rate-limit-packets': {
      const rate = rateOf(scan);
      return addAction(built, `p${rate}`, () => ({ kind: 'rate-limit-packets', asn: 0, packetsPerSecond: rate }));
    }
    case 'mark': {
      if (!scan.next() || scan.punctuation()) throw NOT_MINE;
      const text = scan.text();
      if (!/^\d{1,2}$/.test(text) || Number(text) > 63) throw NOT_MINE;
      return addAction(built, `m${text}`, () => ({ kind: 'mark', dscp: Number(text) }));
    }
    case 'action': {
      if (!scan.next() || scan.punctuation()) throw NOT_MINE;
      const value = scan.text().toLowerCase();
      if (value !== 'sample' && value !== 'terminal' && value !== 'sample-terminal') throw NOT_MINE;
      return addAction(built, `a${value}`, () => ({ kind: 'action', sample: value !== 'terminal', terminal: value !== 'sample' }));
    }
    case 'redirect': {
      // A route target only (RFC 8955 §7.4); a next-hop address or an IPv6 target goes to the full reader.
      if (!scan.next() || scan.punctuation()) throw NOT_MINE;
      const target = parseRedirect(scan.text());
      if (typeof target === 'string' || target.kind === 'next-hop' || target.kind === 'redirect-ipv6') throw NOT_MINE;
      return addAction(built, `t${scan.text()}`, () => target);
    }
    default:
      throw NOT_MINE;
  }
}

