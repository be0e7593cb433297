/**
 * Route commands of families with a grammar of their own (FamilyDescriptor.routeGrammar), in both
 * of ExaBGP's spellings:
 *
 *   announce flow route { match { destination 192.0.2.0/24; } then { discard; } }   (word + "route")
 *   announce ipv6 flow destination 2001:db8::/48 rate-limit 0                        (family named)
 *
 * The family parses its own words from the column after those (its errors name their column in the
 * whole line); this file adds what every route command has: ORIGIN / AS_PATH completion
 * (RFC 4271 §5.1), the neighbor selectors, and withdraw.
 */
import { FAMILY_REGISTRY, type AnyFamily, type FamilyRoute, type RouteGrammar } from '../../families';
import { CommandSyntaxError, type Cursor } from './cursor';
import { completeAttributes, readRouteAttribute, ROUTE_ATTRIBUTE_WORDS, type RouteDraft } from './route-attributes';
import { buildFamilyRouteSpec } from './route-specs';
import type { Command, NeighborSelector, RouteSpec } from './types';

/**
 * `announce flow route ...` / `withdraw flow route ...` read without tokenizing the line first:
 * the family's grammar scans the line itself, and DDoS tools send these lines one per rule, so the
 * command parser's own pass over the words would double the work. Anything else (a neighbor
 * selector, other spacing around the first words) is undefined, and parseCommand takes the usual path.
 */
/**
 * `word` is in `line` at `at`: char codes compared in place, which measured cheaper than
 * startsWith on the slices of a helper's output that lines are.
 */
function textAt(line: string, at: number, word: string): boolean {
  if (at + word.length > line.length) return false;
  for (let i = 0; i < word.length; i++) if (line.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** The grammar of the last line parseGrammarLine read. */
let last: RouteGrammar | undefined;

export function parseGrammarLine(line: string): Command | undefined {
  const announce = textAt(line, 0, 'announce ');
  if (!announce && !textAt(line, 0, 'withdraw ')) return undefined;
  // `announce route ...` (unicast, 400 k lines/s from a helper) leaves at once, with no slice or lookup.
  if (textAt(line, 9, 'route ')) return undefined;
  const wordEnd = line.indexOf(' ', 9);
  if (wordEnd < 0 || line.charCodeAt(9) === 32) return undefined;
  // A helper sends the same word line after line: the last grammar is checked in place, no slice.
  const grammar = last !== undefined && wordEnd - 9 === last.word.length && textAt(line, 9, last.word) ? last : (last = FAMILY_REGISTRY.grammar(line.slice(9, wordEnd)));
  // A grammar whose routes end in route attributes (EVPN) is read through the cursor, which reads those.
  if (!grammar || grammar.attributeWords || !textAt(line, wordEnd, ' route ')) return undefined;
  const parsed = grammar.parse(line, wordEnd + 7, undefined);
  if (!parsed.ok) throw new CommandSyntaxError(parsed.error);
  const routes = [routeSpec(parsed.value, announce)];
  return { kind: announce ? 'announce-route' : 'withdraw-route', routes };
}

/** `announce <word> route ...`, after the word. */
export function parseGrammarRouteCommand(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  grammar: RouteGrammar,
): Command {
  const verb = announce ? 'announce' : 'withdraw';
  if (cursor.next(`"route" after ${verb} ${grammar.word}`) !== 'route') cursor.fail(`expected "${verb} ${grammar.word} route ..."`);
  return routeCommand(cursor, announce, selectors, grammar, undefined);
}

/** `announce <afi> <safi> ...` for a family with its own grammar, after the two family words. */
export function parseNamedFamilyRouteCommand(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  family: AnyFamily & { readonly routeGrammar: RouteGrammar },
): Command {
  // ExaBGP also takes `announce ipv4 flow route ...`.
  if (cursor.peek() === 'route') cursor.index++;
  return routeCommand(cursor, announce, selectors, family.routeGrammar, family);
}

/** The family named by `<afi> <safi>` words when it has a route grammar of its own. */
export function grammarFamily(afiWord: string, safiWord: string | undefined): (AnyFamily & { readonly routeGrammar: RouteGrammar }) | undefined {
  const family = safiWord === undefined ? undefined : FAMILY_REGISTRY.byName(`${afiWord} ${safiWord}`);
  return family?.routeGrammar ? (family as AnyFamily & { readonly routeGrammar: RouteGrammar }) : undefined;
}

function routeCommand(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  grammar: RouteGrammar,
  family: AnyFamily | undefined,
): Command {
  const { line, starts } = cursor.tokens;
  const from = cursor.atEnd() ? line.length : starts[cursor.index];
  const parsed = grammar.parse(line, from, family);
  if (!parsed.ok) throw new CommandSyntaxError(parsed.error);
  const routes = [parsed.value.attributesAt === undefined ? routeSpec(parsed.value, announce) : withAttributeWords(cursor, parsed.value, parsed.value.attributesAt, announce)];
  cursor.index = cursor.words.length;
  const kind = announce ? 'announce-route' : 'withdraw-route';
  return selectors ? { kind, selectors, routes } : { kind, routes };
}

/**
 * A route whose family read its own words up to column `at`: the words from there on are route
 * attributes, read as after `announce route <prefix>` (next-hop, extended-community, ...).
 */
function withAttributeWords(cursor: Cursor, route: FamilyRoute, at: number, announce: boolean): RouteSpec {
  const family = FAMILY_REGISTRY.get(route.afi, route.safi);
  if (!family) throw new Error(`no family ${route.afi}/${route.safi} for a route its grammar read`);
  const { starts } = cursor.tokens;
  cursor.index = 0;
  while (cursor.index < cursor.words.length && starts[cursor.index] < at) cursor.index++;
  const draft: RouteDraft = { attributes: { ...route.attributes } };
  while (!cursor.atEnd()) {
    const keyword = cursor.next('an attribute');
    if (!readRouteAttribute(cursor, keyword, draft)) cursor.failUnknown(`unknown ${family.name} route word or attribute`, ROUTE_ATTRIBUTE_WORDS);
  }
  if (draft.split !== undefined) throw new CommandSyntaxError(`split is for unicast routes, not ${family.name}`);
  if (draft.nextHop === undefined && route.nextHop !== undefined) draft.nextHop = route.nextHop;
  if (draft.name === undefined && route.name !== undefined) draft.name = route.name;
  const spec = buildFamilyRouteSpec(family, route.nlri, draft, announce);
  if (typeof spec === 'string') throw new CommandSyntaxError(spec);
  return announce ? spec : { ...spec, attributes: NO_ATTRIBUTES };
}

const NO_ATTRIBUTES: RouteSpec['attributes'] = Object.freeze({});

function routeSpec(route: FamilyRoute, announce: boolean): RouteSpec {
  // A family that gives complete attributes (FlowSpec's, one shared object per action set) keeps its object.
  const attributes = announce ? (route.attributes.origin !== undefined && route.attributes.asPath !== undefined ? route.attributes : completeAttributes({ ...route.attributes })) : NO_ATTRIBUTES;
  return new GrammarRouteSpec(route, attributes);
}

/**
 * The route as a RouteSpec whose `prefix` (the family's text of its NLRI) is printed when first
 * read: the RIB keys a family's route by its value when the family says how
 * (FamilyDescriptor.routeKey), so a helper's flood of FlowSpec rules is never printed unless
 * something lists or reports it. The fields are all set in the constructor: the spec is kept as
 * long as the route, and a property added later costs it a second block of memory. toJSON gives
 * the plain RouteSpec, `prefix` included.
 */
export class GrammarRouteSpec implements RouteSpec {
  readonly afi: number;
  readonly safi: number;
  /** A family without next hops (FlowSpec, RFC 8955 §4) sends a zero-length one: "". */
  readonly nextHop: string;
  readonly attributes: RouteSpec['attributes'];
  readonly nlri: unknown;
  readonly name: string | undefined;
  #prefix: string | undefined = undefined;

  constructor(route: FamilyRoute, attributes: RouteSpec['attributes']) {
    this.afi = route.afi;
    this.safi = route.safi;
    this.nextHop = route.nextHop ?? '';
    this.attributes = attributes;
    this.nlri = route.nlri;
    this.name = route.name;
  }

  get prefix(): string {
    if (this.#prefix === undefined) {
      const family = FAMILY_REGISTRY.get(this.afi, this.safi);
      if (!family) throw new Error(`no family ${this.afi}/${this.safi} for a route its grammar read`);
      this.#prefix = family.formatText(this.nlri);
    }
    return this.#prefix;
  }

  toJSON(): RouteSpec {
    const { afi, safi, prefix, nextHop, attributes, nlri, name } = this;
    return name === undefined ? { afi, safi, prefix, nextHop, attributes, nlri } : { afi, safi, prefix, nextHop, attributes, nlri, name };
  }
}
