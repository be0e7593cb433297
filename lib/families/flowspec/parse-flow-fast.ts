/**
 * The one-pass reader of the flow routes DDoS tools send by the hundred thousand (FastNetMon's
 * block form, ExaFS's one-line form): IPv4 rules of prefixes, numeric and bitmask components, and
 * the actions discard, accept, rate-limit, mark, action and redirect to a route target. It reads
 * the line by char code, slicing only the values, and writes the rule's NLRI value octets (RFC 8955
 * §4.2) straight away: the rule is a WireFlowRule (wire-flow-rule.ts), its octets its RIB key and
 * what the encoder copies, its components decoded only if something reads them. The full
 * reader (parse-flow-route.ts) first splits the line into words and keeps each statement as words
 * until the family is known. That cost a few µs per rule, most of a helper's flood.
 *
 * It gives the same rule and actions as the full reader, or undefined for anything else: another
 * form (IPv6, rd, next-hop, a named route, other actions) or any mistake, which the full reader
 * then reads again to say what is wrong and where. It never refuses a line the full reader takes
 * and never takes one it refuses (spec/families/flowspec/parse-flow-fast.spec.ts holds both to every
 * line of the flow specs).
 */
import { LENGTH_SLOTS, parseIpv4Range } from '../../wire/nlri/ipv4-prefix';
import { componentInfo } from './component-types';
import { flowActionCommunity, type FlowAction } from './actions';
import { MATCH_KEYWORDS, isFlowKeyword, type MatchKeyword } from './flow-keywords';
import { MAX_FLOW_NLRI_LENGTH } from './nlri-length';
import { OpBit, lengthBitsFor } from './operators';
import { parseBitmaskItem, parseNumericItem } from './parse-ops';
import { parseRedirect } from './parse-redirect';
import type { FlowRouteActions, ParsedFlowRoute } from './parse-flow-route';
import type { BitmaskOp, FlowFamily, NumericOp } from './types';
import { WireFlowRule } from './wire-flow-rule';

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
  return entry !== undefined && sameChars(line, start, entry.word, end - start - 2) ? entry.keyword : undefined;
}

/** line[start, start + n) is word[0, n) (the key already matched the length and the last two). */
function sameChars(line: string, start: number, word: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (line.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * A component's operator pairs as flat [bits, value, ...] in a fixed array: cleared by setting a
 * number field, not an array's length (a runtime call, per type per line). A rule with more pairs
 * than fit goes to the full reader.
 */
class Pairs {
  readonly values = new Float64Array(512);
  length = 0;

  push(bits: number, value: number): void {
    if (this.length + 2 > this.values.length) throw NOT_MINE;
    this.values[this.length++] = bits;
    this.values[this.length++] = value;
  }
}

/** Component types 1..12 of IPv4 (RFC 8955 §4.2.2). */
const LAST_IPV4_TYPE = 12;

/**
 * What is read, by component type (RFC 8955 §4.2's order is made when the octets are written):
 * a prefix as packed (address * 64 + length), or the operator pairs as flat [bits, value, ...]
 * where bits are the comparison (lt/gt/eq) or test (not/m) bits plus OpBit.AND.
 */
interface Built {
  readonly prefixes: number[];
  readonly pairs: Pairs[];
  readonly seen: boolean[];
  readonly extendedCommunities: bigint[];
}

const SCAN = new Scan();
/** A second scan, to look one word ahead without moving the first. */
const PROBE = new Scan();
/** Slots for every type from the start: filled in any order without the lists changing shape. */
const BUILT: Built = {
  prefixes: new Array<number>(LAST_IPV4_TYPE + 1).fill(-1),
  pairs: Array.from({ length: LAST_IPV4_TYPE + 1 }, () => new Pairs()),
  seen: new Array<boolean>(LAST_IPV4_TYPE + 1).fill(false),
  extendedCommunities: [],
};
/** The value octets of the line being read; a rule's value is at most 4095 octets (RFC 8955 §4.1). */
const OCTETS = Buffer.alloc(MAX_FLOW_NLRI_LENGTH + 16);

export function parseFlowRouteFast(line: string, from: number, afi?: number, safi?: number): ParsedFlowRoute | undefined {
  // Only IPv4 FlowSpec (SAFI 133) rules: an IPv6 or flow-vpn command goes to the full reader.
  if ((afi !== undefined && afi !== 1) || (safi !== undefined && safi !== 133)) return undefined;
  // One scan and one set of slots for every line (the reader calls nothing that reads a line in turn).
  const scan = SCAN.reset(line, from);
  const built = BUILT;
  // Only the types the last line used are cleared: setting an array's length is a runtime call.
  for (let type = 1; type <= LAST_IPV4_TYPE; type++) {
    if (!built.seen[type]) continue;
    built.prefixes[type] = -1;
    built.pairs[type].length = 0;
    built.seen[type] = false;
  }
  if (built.extendedCommunities.length > 0) built.extendedCommunities.length = 0;
  try {
    if (scan.peekCode() === OPEN_BRACE) readBlock(scan, built);
    else readLine(scan, built);
  } catch (e) {
    if (e === NOT_MINE) return undefined;
    throw e;
  }
  const key = valueOctets(built);
  if (key === undefined) return undefined;
  return { family: IPV4_FLOW, rule: new WireFlowRule(key, 1), actions: actionsOf(built.extendedCommunities) };
}

/**
 * The rule's NLRI value (RFC 8955 §4.2) as a latin1 string: components in increasing type order,
 * each operator list ended by the e bit, the first pair's a bit clear, each value in the smallest
 * of 1, 2 or 4 octets (encode-rule.ts writes a rule of components the same way). Undefined when
 * nothing was matched, or past the longest value a rule may have (the full reader then decides).
 */
function valueOctets(built: Built): string | undefined {
  const out = OCTETS;
  let at = 0;
  for (let type = 1; type <= LAST_IPV4_TYPE; type++) {
    if (!built.seen[type]) continue;
    if (at + 6 > MAX_FLOW_NLRI_LENGTH) return undefined;
    out[at++] = type;
    const packed = built.prefixes[type];
    if (packed >= 0) {
      // RFC 8955 §4.2.2.1: length, then the fewest octets holding it.
      const length = packed % LENGTH_SLOTS;
      const address = (packed - length) / LENGTH_SLOTS;
      out[at++] = length;
      for (let i = 0, n = (length + 7) >> 3; i < n; i++) out[at++] = (address >>> (24 - 8 * i)) & 255;
      continue;
    }
    const { values: pairs, length } = built.pairs[type];
    for (let p = 0; p < length; p += 2) {
      if (at + 5 > MAX_FLOW_NLRI_LENGTH) return undefined;
      const value = pairs[p + 1];
      const lengthBits = lengthBitsFor(value);
      let op = lengthBits | (pairs[p] & ~OpBit.AND);
      if (p > 0 && (pairs[p] & OpBit.AND) !== 0) op |= OpBit.AND;
      if (p + 2 === length) op |= OpBit.END;
      out[at++] = op;
      if (lengthBits === 0x00) out[at++] = value;
      else if (lengthBits === 0x10) {
        out[at++] = value >>> 8;
        out[at++] = value & 255;
      } else {
        out[at++] = value >>> 24;
        out[at++] = (value >>> 16) & 255;
        out[at++] = (value >>> 8) & 255;
        out[at++] = value & 255;
      }
    }
  }
  // Buffer's own latin1 reader, without toString's encoding lookup (a tenth of a microsecond a rule).
  return at === 0 ? undefined : (out as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice(0, at);
}

/** `{ match { ...; } then { ...; } }`, each statement ended by `;`, and nothing after. */
function readBlock(scan: Scan, built: Built): void {
  scan.expect(OPEN_BRACE);
  for (;;) {
    if (!scan.next()) throw NOT_MINE;
    if (scan.is(CLOSE_BRACE)) break;
    const match = scan.end - scan.start === 5 && sameChars(scan.line, scan.start, 'match', 5);
    if (!match && !(scan.end - scan.start === 4 && sameChars(scan.line, scan.start, 'then', 4))) throw NOT_MINE;
    scan.expect(OPEN_BRACE);
    for (;;) {
      if (!scan.next()) throw NOT_MINE;
      if (scan.is(CLOSE_BRACE)) break;
      if (scan.punctuation()) throw NOT_MINE;
      if (match) readMatch(scan, matchKeywordAt(scan.line, scan.start, scan.end), true, built);
      else readAction(scan, actionWordAt(scan.line, scan.start, scan.end), built);
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
    else readAction(scan, actionWordAt(scan.line, scan.start, scan.end), built);
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
    if (built.seen[type] || !scan.next() || scan.punctuation()) throw NOT_MINE;
    const packed = ipv4PrefixAt(scan.line, scan.start, scan.end);
    if (packed < 0) throw NOT_MINE;
    // `offset N` is IPv6 only: the full reader says so.
    if (scan.peekCode() === 111 /* o */ && scan.line.startsWith('offset', peekStart(scan))) throw NOT_MINE;
    built.prefixes[type] = packed;
    built.seen[type] = true;
    return;
  }
  const pairs = built.pairs[type];
  // Marked before any pair is added, so a line given up half-way still has its pairs cleared.
  built.seen[type] = true;
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
      addItem(pairs, scan, numeric, type, max);
      count++;
    }
    if (count === 0) throw NOT_MINE;
  } else {
    if (scan.punctuation()) throw NOT_MINE;
    addItem(pairs, scan, numeric, type, max);
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
      addItem(pairs, scan, numeric, type, max);
    }
  }
}

/**
 * An IPv4 prefix "a.b.c.d/len" or bare address (a /32) in line[start, end) as packed, host bits
 * clear, exactly as parseIpv4PrefixPacked reads the same text (parse-prefix.ts's fast form); -1 else.
 */
function ipv4PrefixAt(line: string, start: number, end: number): number {
  let slash = -1;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 47 /* / */) {
      slash = i;
      break;
    }
    if (c === 58 /* : */) return -1;
  }
  const address = parseIpv4Range(line, start, slash === -1 ? end : slash);
  if (address < 0) return -1;
  let length = 32;
  if (slash !== -1) {
    length = 0;
    let i = slash + 1;
    if (i === end || end - i > 3) return -1;
    for (; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      length = length * 10 + (c - 48);
    }
    if (length > 32) return -1;
  }
  if (length < 32 && address % 2 ** (32 - length) !== 0) return -1;
  return address * LENGTH_SLOTS + length;
}

/**
 * An item parse-ops.ts read (`udp`, `syn`, `0x10`, `true`) as the pairs it adds: a DDoS stream
 * repeats a handful (`protocol udp`, `tcp-flags [ syn ]`), so each is read once and then found by
 * its char codes, with no slice, no parse and no op objects per line.
 */
interface KnownItem {
  readonly word: string;
  readonly type: number;
  readonly max: number;
  /** Flat [bits, value, ...], the AND bit set as the item's own pairs have it. */
  readonly pairs: readonly number[];
}

const KNOWN_ITEMS = new Map<number, KnownItem>();

/** Type, length, first and last char of an item: entries are confirmed char by char (itemIs). */
function itemKey(line: string, start: number, end: number, type: number): number {
  return ((type * 256 + Math.min(end - start, 255)) * 128 + (line.charCodeAt(start) & 127)) * 128 + (line.charCodeAt(end - 1) & 127);
}

function itemIs(known: KnownItem, line: string, start: number, end: number, type: number, max: number): boolean {
  return known.type === type && known.max === max && known.word.length === end - start && sameChars(line, start, known.word, end - start);
}

/** The item under the scan: numbers read in place, anything else (names, hex, true) by parse-ops.ts, once (KNOWN_ITEMS). */
function addItem(pairs: Pairs, scan: Scan, numeric: boolean, type: number, max: number): void {
  const { line, start, end } = scan;
  if (numeric && addDecimalItem(pairs, line, start, end, max)) return;
  // Numeric and bitmask types never share a type number: the type says which parser read the item.
  const key = itemKey(line, start, end, type);
  const known = KNOWN_ITEMS.get(key);
  if (known !== undefined && itemIs(known, line, start, end, type, max)) {
    const p = known.pairs;
    for (let i = 0; i < p.length; i += 2) pairs.push(p[i], p[i + 1]);
    return;
  }
  const text = scan.text();
  const parsed = numeric ? parseNumericItem(text, type, 1, max) : parseBitmaskItem(text, type, 1);
  if (typeof parsed === 'string') throw NOT_MINE;
  const flat: number[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const op = parsed[i];
    const bits = numeric ? numericBitsOf(op as NumericOp) : bitmaskBitsOf(op as BitmaskOp);
    flat.push(op.and ? bits | OpBit.AND : bits, op.value);
  }
  for (let i = 0; i < flat.length; i += 2) pairs.push(flat[i], flat[i + 1]);
  if (KNOWN_ITEMS.size >= MAX_REMEMBERED) KNOWN_ITEMS.clear();
  KNOWN_ITEMS.set(key, Object.freeze({ word: text, type, max, pairs: Object.freeze(flat) }));
}

function numericBitsOf(op: NumericOp): number {
  return (op.lt ? OpBit.LT : 0) | (op.gt ? OpBit.GT : 0) | (op.eq ? OpBit.EQ : 0);
}

function bitmaskBitsOf(op: BitmaskOp): number {
  return (op.not ? OpBit.NOT : 0) | (op.match ? OpBit.MATCH : 0);
}

/** Pairs of the item being read, before they are added (an item is all added or not at all); an item has at most a few. */
const PAIRS = new Float64Array(64);

/**
 * A numeric item of decimal values (`=80`, `>=8080&<=8088`, `443`) read from the line without a
 * slice, exactly as parseNumericItem reads it; false for any other item, which it then reads.
 */
function addDecimalItem(pairs: Pairs, line: string, start: number, end: number, max: number): boolean {
  let count = 0;
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
    if (digits === 0 || value > max || count === PAIRS.length) return false;
    PAIRS[count++] = bits;
    PAIRS[count++] = value;
    if (i === end) break;
    if (line.charCodeAt(i) !== 38 /* & */ || i + 1 === end) return false;
    i++;
  }
  // Pairs after the first of an item are ANDed with the one before (`>=8080&<=8088`).
  for (let p = 0; p < count; p += 2) pairs.push(p > 0 ? PAIRS[p] | OpBit.AND : PAIRS[p], PAIRS[p + 1]);
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

/** Adds the action's community once (read-then.ts addOnce). */
function addCommunity(built: Built, value: bigint): void {
  if (!built.extendedCommunities.includes(value)) built.extendedCommunities.push(value);
}

/**
 * The community of an action with a number (a rate, a DSCP), made once per number: `byNumber` is
 * that action's own map, so no key string is made per line. Bounded like the other caches.
 */
function numberedAction(byNumber: Map<number, bigint>, n: number, action: () => FlowAction): bigint {
  let value = byNumber.get(n);
  if (value === undefined) {
    if (byNumber.size >= MAX_REMEMBERED) byNumber.clear();
    value = flowActionCommunity(action());
    byNumber.set(n, value);
  }
  return value;
}

/** Adds the action's community once; `key` names the action and its value (the rarer actions). */
function addAction(built: Built, key: string, action: () => FlowAction): void {
  let value = COMMUNITIES.get(key);
  if (value === undefined) {
    if (COMMUNITIES.size >= MAX_REMEMBERED) COMMUNITIES.clear();
    value = flowActionCommunity(action());
    COMMUNITIES.set(key, value);
  }
  addCommunity(built, value);
}

/** RFC 8955 §7.1: a traffic-rate of 0 discards. */
const DISCARD = flowActionCommunity({ kind: 'rate-limit', asn: 0, bytesPerSecond: 0 });
const BYTE_RATES = new Map<number, bigint>();
const PACKET_RATES = new Map<number, bigint>();

/** The action words readAction takes, most common first. */
const ACTION_WORDS: readonly string[] = ['discard', 'rate-limit', 'accept', 'rate-limit-packets', 'mark', 'action', 'redirect'];

/** The action word at line[start, end) as one of ACTION_WORDS (no slice made), or undefined. */
function actionWordAt(line: string, start: number, end: number): string | undefined {
  const n = end - start;
  for (let i = 0; i < ACTION_WORDS.length; i++) {
    const word = ACTION_WORDS[i];
    if (word.length === n && sameChars(line, start, word, n)) return word;
  }
  return undefined;
}

/** The actions read-then.ts reads the same way; any other (undefined: not one of ACTION_WORDS) goes to the full reader. */
function readAction(scan: Scan, keyword: string | undefined, built: Built): void {
  switch (keyword) {
    case 'accept':
      return;
    case 'discard':
      return addCommunity(built, DISCARD);
    case 'rate-limit': {
      const rate = rateOf(scan);
      if (scan.peekCode() === 112 /* p */ && peekText(scan) === 'packets') {
        scan.next();
        return addCommunity(built, numberedAction(PACKET_RATES, rate, () => ({ kind: 'rate-limit-packets', asn: 0, packetsPerSecond: rate })));
      }
      return addCommunity(built, numberedAction(BYTE_RATES, rate, () => ({ kind: 'rate-limit', asn: 0, bytesPerSecond: rate })));
    }
    case 'rate-limit-packets': {
      const rate = rateOf(scan);
      return addCommunity(built, numberedAction(PACKET_RATES, rate, () => ({ kind: 'rate-limit-packets', asn: 0, packetsPerSecond: rate })));
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

