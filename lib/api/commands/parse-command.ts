/**
 * One line of ExaBGP's text API (what helper processes print, what `rxbgp cli` sends) to a typed Command.
 * Never throws: a malformed line is `{ ok: false, error }` naming the bad word and its column.
 *
 *   [neighbor <ip> [filters] [, neighbor ...]] announce|withdraw route|attributes|eor|route-refresh|watchdog ...
 *   [neighbor ...] teardown <subcode> | flush adj-rib out | clear adj-rib [in|out] | show adj-rib in|out ...
 *   show neighbor ... | shutdown | reload | restart | version | help | enable-ack | disable-ack | silence-ack | #...
 */
import { parseAttributesCommand } from './attributes-command';
import { parseClearCommand, parseFlushCommand } from './adj-rib-command';
import { CONTROL_WORDS, controlCommand } from './control-commands';
import { CommandSyntaxError, Cursor } from './cursor';
import { parseEorCommand } from './eor-command';
import { parseNeighborSelectors } from './neighbor-selectors';
import { grammarFamily, parseGrammarLine, parseGrammarRouteCommand, parseNamedFamilyRouteCommand } from './grammar-route-command';
import { parseFamilyRouteCommand, parseRouteCommand, parseWordRouteCommand } from './route-command';
import { FAMILY_REGISTRY } from '../../families';
import { parseRouteRefreshCommand } from './route-refresh-command';
import { parseShowCommand } from './show-command';
import { parseTeardownCommand } from './teardown-command';
import { tokenize } from './tokenize';
import type { Command, NeighborSelector, ParseResult } from './types';
import { parseWatchdogCommand } from './watchdog-command';

const COMMENT: Command = Object.freeze({ kind: 'comment' });

/** Other ExaBGP commands, refused with a reason rather than "unknown". */
const UNSUPPORTED = new Set(['operational']);

/** Every command's first word: a misspelt one gets a "did you mean" answer. */
const VERBS: readonly string[] = ['announce', 'withdraw', 'teardown', 'show', 'flush', 'clear', 'neighbor', ...CONTROL_WORDS];
const ANNOUNCE_WORDS: readonly string[] = ['route', 'attributes', 'ipv4', 'ipv6', 'watchdog', 'eor', 'route-refresh', ...FAMILY_REGISTRY.grammarWords, ...FAMILY_REGISTRY.familyWords];
const WITHDRAW_WORDS: readonly string[] = ['route', 'attributes', 'ipv4', 'ipv6', 'watchdog', ...FAMILY_REGISTRY.grammarWords, ...FAMILY_REGISTRY.familyWords];

/**
 * Parses one command line. `processName` is the name of the helper that sent it: ExaBGP's
 * `announce watchdog` without a name means that name.
 */
export function parseCommand(line: string, processName?: string): ParseResult {
  try {
    return { ok: true, command: parseOrThrow(line, processName) };
  } catch (error) {
    if (error instanceof CommandSyntaxError) return { ok: false, error: error.message };
    // A bug in a parser must not take the daemon down; say so plainly.
    return { ok: false, error: `internal error parsing the command: ${String(error)}` };
  }
}

function parseOrThrow(line: string, processName: string | undefined): Command {
  if (firstNonSpace(line) === 35 /* # */) return COMMENT;
  const grammarLine = parseGrammarLine(line);
  if (grammarLine) return grammarLine;
  const tokens = tokenize(line);
  if (typeof tokens === 'string') throw new CommandSyntaxError(tokens);
  if (tokens.words.length === 0) throw new CommandSyntaxError('empty command');
  const cursor = new Cursor(tokens);
  const selectors = tokens.words[0] === 'neighbor' ? parseNeighborSelectors(cursor) : undefined;
  const verbIndex = cursor.index;
  const verb = cursor.next('a command after the neighbor selector');
  switch (verb) {
    case 'announce':
    case 'withdraw':
      return parseAnnounceOrWithdraw(cursor, verb === 'announce', selectors, processName);
    case 'teardown':
      return parseTeardownCommand(cursor, selectors);
    case 'show':
      return parseShowCommand(cursor, selectors);
    case 'flush':
      return parseFlushCommand(cursor, selectors);
    case 'clear':
      return parseClearCommand(cursor, selectors);
  }
  const control = controlCommand(verb);
  if (control === undefined) return cursor.failUnknown('unknown command', selectors ? VERBS.filter((v) => v !== 'neighbor') : VERBS, verbIndex);
  if (selectors) cursor.fail(`${verb} does not take a neighbor selector`, verbIndex);
  cursor.expectEnd(verb);
  return control;
}

function parseAnnounceOrWithdraw(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  processName: string | undefined,
): Command {
  const verb = announce ? 'announce' : 'withdraw';
  const what = cursor.next(`what to ${verb} (route, attributes, ${announce ? 'eor, route-refresh, ' : ''}watchdog)`);
  switch (what) {
    case 'route':
      return parseRouteCommand(cursor, announce, selectors);
    case 'attribute':
    case 'attributes':
      return parseAttributesCommand(cursor, announce, selectors);
    case 'ipv4':
    case 'ipv6':
    case 'l2vpn': {
      const family = grammarFamily(what, cursor.peek());
      if (family) {
        cursor.index++;
        return parseNamedFamilyRouteCommand(cursor, announce, selectors, family);
      }
      // `announce l2vpn vpls rd ...`, `announce ipv4 rtc ...`: a prefix-less family named (the form `show adj-rib` prints).
      const worded = FAMILY_REGISTRY.byName(`${what} ${cursor.peek() ?? ''}`);
      if (worded?.routeQualifiers?.word !== undefined) {
        cursor.index++;
        return parseWordRouteCommand(cursor, announce, selectors, worded);
      }
      if (what === 'l2vpn') {
        cursor.next('an l2vpn family');
        return cursor.failUnknown(`unknown ${verb} l2vpn family`, FAMILY_REGISTRY.all.filter((f) => f.name.startsWith('l2vpn ')).map((f) => f.name.slice('l2vpn '.length)));
      }
      return parseFamilyRouteCommand(cursor, announce, selectors, what);
    }
    case 'watchdog':
      return parseWatchdogCommand(cursor, announce, selectors, processName);
  }
  const worded = FAMILY_REGISTRY.wordFamily(what);
  if (worded) return parseWordRouteCommand(cursor, announce, selectors, worded);
  // `announce <afi> <safi> ...` for any other family with a grammar of its own (`announce l2vpn evpn ...`).
  const named = grammarFamily(what, cursor.peek());
  if (named) {
    cursor.index++;
    return parseNamedFamilyRouteCommand(cursor, announce, selectors, named);
  }
  const grammar = FAMILY_REGISTRY.grammar(what);
  if (grammar) return parseGrammarRouteCommand(cursor, announce, selectors, grammar);
  if (announce && what === 'eor') return parseEorCommand(cursor, selectors);
  if (announce && what === 'route-refresh') return parseRouteRefreshCommand(cursor, selectors);
  if (UNSUPPORTED.has(what)) return cursor.fail(`${verb} ${what} is not supported by rxbgp yet`);
  return cursor.failUnknown(`unknown ${verb} command`, announce ? ANNOUNCE_WORDS : WITHDRAW_WORDS);
}

function firstNonSpace(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return c;
  }
  return -1;
}
