/**
 * `announce route <prefix> <attributes>` and `withdraw route ...` (ExaBGP reactor/api/command/announce.py,
 * configuration/static/__init__.py `route`), and the later ExaBGP spelling with the family named:
 * `announce ipv4 unicast <prefix> ...` / `announce ipv6 unicast ...`.
 *
 * Words a family reads beside the prefix (FamilyDescriptor.routeQualifiers: ExaBGP's `rd`, `label`)
 * are collected with their values, and the registry says whose route it is (an rd: L3VPN, a label:
 * labeled unicast); `announce ipv4 mpls-vpn <prefix> ...` names that family. No family is named here.
 */
import { FAMILY_REGISTRY, type AnyFamily } from '../../families';
import { Afi, Safi } from '../../wire/iana';
import { parseRoutePrefix } from './address-text';
import { CommandSyntaxError, type Cursor } from './cursor';
import { readRouteAttribute, ROUTE_ATTRIBUTE_WORDS, type RouteDraft } from './route-attributes';
import { buildFamilyRouteSpec, buildRouteSpecs } from './route-specs';
import type { Command, NeighborSelector } from './types';

/** Reads `<prefix> <attributes...>` to the end of the line (after `announce route`). */
export function parseRouteCommand(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  afi?: number,
  named?: AnyFamily,
): Command {
  const word = cursor.next('a prefix');
  const prefixAt = cursor.index - 1;
  const prefix = parseRoutePrefix(word);
  if (typeof prefix === 'string') cursor.fail(`bad prefix, ${prefix}`);
  if (afi !== undefined && prefix.afi !== afi) cursor.fail(`the prefix is not ${afi === Afi.IPV4 ? 'IPv4' : 'IPv6'}`);
  const draft: RouteDraft = { attributes: {} };
  const qualifiers = new Map<string, readonly string[]>();
  while (!cursor.atEnd()) {
    const keyword = cursor.next('an attribute');
    if (FAMILY_REGISTRY.qualifierWords.has(keyword)) {
      const values = readQualifier(cursor, keyword);
      // As for attributes, the first occurrence wins.
      if (!qualifiers.has(keyword)) qualifiers.set(keyword, values);
      continue;
    }
    if (!readRouteAttribute(cursor, keyword, draft)) cursor.failUnknown('unknown route attribute', ROUTE_ATTRIBUTE_WORDS);
  }
  // No family named, no qualifier words: a family may still claim the prefix (RouteQualifiers.implicit).
  const implicit = qualifiers.size === 0 && afi === undefined ? FAMILY_REGISTRY.implicitRoute(prefix.afi, prefix.text, !announce) : undefined;
  if (qualifiers.size > 0 || (named && named.safi !== Safi.UNICAST) || implicit) {
    const byName = named?.routeQualifiers?.nlri(prefix.text, qualifiers, true, !announce);
    const found = named ? (byName ? { family: named, nlri: byName } : undefined) : (implicit ?? FAMILY_REGISTRY.qualifiedRoute(prefix.afi, prefix.text, qualifiers, !announce));
    if (named && !found) cursor.fail(`this route is not an ${named.name} route`, prefixAt);
    if (!found) cursor.fail(`no family rxbgp carries takes ${[...qualifiers.keys()].join(' and ')} with this prefix`, prefixAt);
    if (!found.nlri.ok) cursor.fail(found.nlri.error, prefixAt);
    if (draft.split !== undefined) cursor.fail(`split is for unicast routes, not ${found.family.name}`, prefixAt);
    const route = buildFamilyRouteSpec(found.family, found.nlri.value, draft, announce);
    if (typeof route === 'string') throw new CommandSyntaxError(route);
    const kind = announce ? 'announce-route' : 'withdraw-route';
    return selectors ? { kind, selectors, routes: [route] } : { kind, routes: [route] };
  }
  const routes = buildRouteSpecs([prefix], draft, announce);
  if (typeof routes === 'string') throw new CommandSyntaxError(routes);
  const kind = announce ? 'announce-route' : 'withdraw-route';
  return selectors ? { kind, selectors, routes } : { kind, routes };
}

/** `announce ipv4 unicast <prefix> ...`: the family words, then as `announce route`. */
export function parseFamilyRouteCommand(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  afiWord: string,
): Command {
  const safi = cursor.next('a subsequent address family (unicast, flow, ...)');
  const named = FAMILY_REGISTRY.byName(`${afiWord} ${safi}`);
  if (safi !== 'unicast' && !named?.routeQualifiers) {
    const carried = FAMILY_REGISTRY.all.filter((f) => f.name.startsWith(`${afiWord} `)).map((f) => f.name);
    cursor.fail(`rxbgp carries no ${afiWord} ${safi} routes (it carries ${carried.join(', ')})`);
  }
  return parseRouteCommand(cursor, announce, selectors, afiWord === 'ipv4' ? Afi.IPV4 : Afi.IPV6, safi === 'unicast' ? undefined : named);
}

/**
 * `announce <word> <qualifiers> <attributes>` for a family whose routes have no prefix
 * (RouteQualifiers.word: ExaBGP's `announce vpls rd 65000:1 endpoint 1 base 800000 offset 0 size 10
 * next-hop 192.0.2.1 ...`), after the word: its words and the attribute words in any order.
 */
export function parseWordRouteCommand(cursor: Cursor, announce: boolean, selectors: readonly NeighborSelector[] | undefined, family: AnyFamily): Command {
  const own = new Set(family.routeQualifiers!.words);
  const draft: RouteDraft = { attributes: {} };
  const qualifiers = new Map<string, readonly string[]>();
  const from = cursor.index;
  while (!cursor.atEnd()) {
    const keyword = cursor.next('an attribute');
    if (own.has(keyword)) {
      const values = readQualifier(cursor, keyword);
      if (!qualifiers.has(keyword)) qualifiers.set(keyword, values);
      continue;
    }
    if (!readRouteAttribute(cursor, keyword, draft)) cursor.failUnknown(`unknown ${family.routeQualifiers!.word} route word`, [...own, ...ROUTE_ATTRIBUTE_WORDS]);
  }
  const nlri = family.routeQualifiers!.nlri('', qualifiers, true, !announce);
  if (!nlri) cursor.fail(`this route is not an ${family.name} route`, from);
  if (!nlri.ok) cursor.fail(nlri.error, from);
  if (draft.split !== undefined) cursor.fail(`split is for unicast routes, not ${family.name}`, from);
  const route = buildFamilyRouteSpec(family, nlri.value, draft, announce);
  if (typeof route === 'string') throw new CommandSyntaxError(route);
  const kind = announce ? 'announce-route' : 'withdraw-route';
  return selectors ? { kind, selectors, routes: [route] } : { kind, routes: [route] };
}

/** The value of a qualifier word: one word, or the words of a `[ ... ]` list (`label [ 1000 2000 ]`). */
function readQualifier(cursor: Cursor, keyword: string): readonly string[] {
  const first = cursor.next(`a value after ${keyword}`);
  if (first !== '[') return [first];
  const values: string[] = [];
  for (;;) {
    const word = cursor.next(`"]" to close the ${keyword} list`);
    if (word === ']') return values;
    if (word !== ',') values.push(word);
  }
}
