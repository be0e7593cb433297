/**
 * A flow route in ExaBGP's process-API grammar, both forms real tools send:
 *
 *   { match { source 10.0.0.1/32; destination 192.0.2.0/24; protocol [ tcp udp ]; } then { rate-limit 9600; } }
 *   source 4.0.0.0/24 destination 127.0.0.0/24 protocol [ udp ] destination-port [ =80 ] rate-limit 1024
 *
 * `line` is the whole command line and `from` where the flow text starts (after `flow route`, or
 * after `ipv4 flow` / `ipv6 flow-vpn`, whose family is then passed in `afi` / `safi`). Never throws:
 * a malformed route is `{ ok: false, error }` naming the word and its column.
 *
 * Where ExaBGP 4.2 is wrong, this follows the RFC: a block statement without its `;` is an error
 * (ExaBGP acknowledges it and sends an empty rule); a list without brackets keeps all its items;
 * every action is kept; the command's family is the rule's family.
 */
import { formatIpv4Number, formatIpv6, parseIpv4, parseIpv6 } from '../../wire/address';
import { buildComponents, chooseAfi } from './build-rule';
import { parseFlowRouteFast } from './parse-flow-fast';
import { emptyDraft, type FlowDraft } from './flow-draft';
import { MATCH_KEYWORDS, ROUTE_KEYWORDS, THEN_KEYWORDS, isFlowKeyword } from './flow-keywords';
import { parseRouteDistinguisher } from '../route-distinguisher';
import { readMatch } from './read-match';
import { readWord, type StatementMode } from './read-items';
import { readThen } from './read-then';
import { FlowCursor, FlowSyntaxError } from './text-cursor';
import type { FlowAfi, FlowFamily, FlowRule, FlowSafi } from './types';

export interface FlowRouteOptions {
  /** Where the flow text starts in `line` (default 0). */
  readonly from?: number;
  /** The family the command named (`announce ipv6 flow ...`), if it named one. */
  readonly afi?: FlowAfi;
  readonly safi?: FlowSafi;
}

/** What the `then` part (and `next-hop`) ask for, as the attributes that carry it. */
export interface FlowRouteActions {
  /** RFC 4360 values, FlowSpec actions (RFC 8955 §7) and any other given, in the order given. */
  readonly extendedCommunities?: readonly bigint[];
  /** RFC 5701 IPv6 address specific values (redirect to an IPv6 target). */
  readonly ipv6ExtendedCommunities?: readonly bigint[];
  readonly communities?: readonly number[];
  readonly largeCommunities?: ReadonlyArray<readonly [number, number, number]>;
  /** The MP_REACH_NLRI next hop (`next-hop`, `redirect IP`, `copy IP`): an address or "self". */
  readonly nextHop?: string;
}

export interface ParsedFlowRoute {
  readonly family: FlowFamily;
  readonly rule: FlowRule;
  readonly actions: FlowRouteActions;
  /** `route NAME { ... }`. */
  readonly name?: string;
}

export type FlowRouteParse = { readonly ok: true; readonly route: ParsedFlowRoute } | { readonly ok: false; readonly error: string };

export function parseFlowRoute(line: string, options: FlowRouteOptions = {}): FlowRouteParse {
  // The forms DDoS tools flood with are read in one pass (parse-flow-fast.ts); the rest, and every
  // mistake, by the reader below, whose errors name the word and its column.
  const fast = parseFlowRouteFast(line, options.from ?? 0, options.afi, options.safi);
  if (fast) return { ok: true, route: fast };
  return parseFlowRouteWords(line, options);
}

/** The full reader: every form and keyword, and an error naming the word and its column. */
export function parseFlowRouteWords(line: string, options: FlowRouteOptions = {}): FlowRouteParse {
  try {
    return { ok: true, route: parseOrThrow(line, options) };
  } catch (error) {
    if (error instanceof FlowSyntaxError) return { ok: false, error: error.message };
    return { ok: false, error: `internal error parsing the flow route: ${String(error)}` };
  }
}

function parseOrThrow(line: string, options: FlowRouteOptions): ParsedFlowRoute {
  const cursor = new FlowCursor(line, options.from ?? 0);
  const draft = emptyDraft();
  if (cursor.atEnd()) cursor.failAtEnd('expected a flow route (match words, or { match { ... } then { ... } })');
  const first = cursor.peek()!;
  if (first === '{' || (cursor.peek(1) === '{' && !isFlowKeyword(first) && first !== 'match' && first !== 'then')) {
    if (first !== '{') draft.name = cursor.next('a route name');
    readBlock(cursor, draft);
  } else {
    readLine(cursor, draft);
  }
  return build(cursor, draft, options);
}

/** `{ [rd X;] [next-hop X;] match { ...; } [scope { ...; }] [then { ...; }] }` */
function readBlock(cursor: FlowCursor, draft: FlowDraft): void {
  cursor.expect('{', 'to open the flow route');
  while (!cursor.accept('}')) {
    const word = cursor.next('match {, then {, scope {, rd, next-hop or } to close the route');
    if (word === 'match') readSection(cursor, draft, 'match');
    else if (word === 'then') readSection(cursor, draft, 'then');
    else if (word === 'scope') readSection(cursor, draft, 'scope');
    else if (ROUTE_KEYWORDS.has(word)) {
      readRoute(cursor, word, draft);
      endStatement(cursor, word);
    } else cursor.fail('expected match {, then {, scope {, rd, next-hop or } to close the route');
  }
  if (!cursor.atEnd()) cursor.fail('unexpected word after the flow route', cursor.index);
}

function readSection(cursor: FlowCursor, draft: FlowDraft, section: 'match' | 'then' | 'scope'): void {
  cursor.expect('{', `after ${section}`);
  while (!cursor.accept('}')) {
    const keyword = cursor.next(`a ${section} statement or } to close ${section}`);
    const match = MATCH_KEYWORDS.get(keyword);
    if (section === 'match' && match) readMatch(cursor, match, 'block', draft);
    else if (section === 'then' && THEN_KEYWORDS.has(keyword) && keyword !== 'interface-set') readThen(cursor, keyword, 'block', draft);
    else if (section === 'scope' && keyword === 'interface-set') readThen(cursor, keyword, 'block', draft);
    else cursor.fail(`unknown ${section} statement`);
    endStatement(cursor, keyword);
  }
}

/** Every statement of a block ends with `;`: without it ExaBGP 4.2 silently sends an empty rule. */
function endStatement(cursor: FlowCursor, keyword: string): void {
  if (cursor.accept(';')) return;
  if (cursor.atEnd()) cursor.failAtEnd(`expected ; to end the ${keyword} statement`);
  cursor.fail(`expected ; to end the ${keyword} statement`, cursor.index);
}

/** The one-line form: keywords of match, then and route in any order. */
function readLine(cursor: FlowCursor, draft: FlowDraft): void {
  const mode: StatementMode = 'line';
  while (!cursor.atEnd()) {
    const keyword = cursor.next('a flow keyword');
    const match = MATCH_KEYWORDS.get(keyword);
    if (match) readMatch(cursor, match, mode, draft);
    else if (THEN_KEYWORDS.has(keyword)) readThen(cursor, keyword, mode, draft);
    else if (ROUTE_KEYWORDS.has(keyword)) readRoute(cursor, keyword, draft);
    else cursor.fail(keyword === '{' || keyword === 'match' || keyword === 'then' ? 'a { ... } block must be the whole route' : 'unknown flow keyword');
  }
}

/** `rd X`, `route-distinguisher X`, `next-hop X`. */
function readRoute(cursor: FlowCursor, keyword: string, draft: FlowDraft): void {
  const word = readWord(cursor, keyword === 'next-hop' ? 'a next-hop address or self' : 'a route distinguisher (ADMIN:NUMBER)');
  if (keyword === 'next-hop') {
    const v4 = parseIpv4(word.text);
    const v6 = v4 === undefined ? parseIpv6(word.text) : undefined;
    const hop = word.text.toLowerCase() === 'self' ? 'self' : v4 !== undefined ? formatIpv4Number(v4) : v6 ? formatIpv6(v6) : undefined;
    if (hop === undefined) cursor.fail('next-hop must be an IPv4/IPv6 address or self');
    if (draft.nextHop !== undefined && draft.nextHop !== hop) cursor.fail(`a second next hop (the rule already has ${draft.nextHop})`);
    draft.nextHop = hop;
    return;
  }
  const rd = parseRouteDistinguisher(word.text);
  if (typeof rd === 'string') cursor.fail(`bad ${keyword}, ${rd}`);
  if (draft.rd) cursor.fail(`a second ${keyword}`);
  draft.rd = rd;
}

function build(cursor: FlowCursor, draft: FlowDraft, options: FlowRouteOptions): ParsedFlowRoute {
  const afi = chooseAfi(cursor, draft, options.afi);
  const components = buildComponents(cursor, draft, afi);
  if (components.length === 0) {
    cursor.failAtEnd('a flow route needs at least one match (source, destination, protocol, port, ...)');
  }
  // RFC 8955 §8: an RD makes it a flow-vpn rule, also after `ipv4 flow` (as ExaBGP does).
  if (options.safi === 134 && !draft.rd) cursor.failAtEnd('a flow-vpn route needs rd ADMIN:NUMBER');
  const family: FlowFamily = { afi, safi: draft.rd ? 134 : 133 };
  const rule: FlowRule = draft.rd ? { rd: draft.rd, components } : { components };
  const actions: { -readonly [K in keyof FlowRouteActions]: FlowRouteActions[K] } = {};
  if (draft.extendedCommunities.length) actions.extendedCommunities = draft.extendedCommunities;
  if (draft.ipv6ExtendedCommunities.length) actions.ipv6ExtendedCommunities = draft.ipv6ExtendedCommunities;
  if (draft.communities.length) actions.communities = draft.communities;
  if (draft.largeCommunities.length) actions.largeCommunities = draft.largeCommunities;
  if (draft.nextHop !== undefined) actions.nextHop = draft.nextHop;
  return draft.name !== undefined ? { family, rule, actions, name: draft.name } : { family, rule, actions };
}
