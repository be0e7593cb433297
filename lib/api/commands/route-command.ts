/**
 * `announce route <prefix> <attributes>` and `withdraw route ...` (ExaBGP reactor/api/command/announce.py,
 * configuration/static/__init__.py `route`), and the later ExaBGP spelling with the family named:
 * `announce ipv4 unicast <prefix> ...` / `announce ipv6 unicast ...`.
 */
import { FAMILY_REGISTRY } from '../../families';
import { Afi } from '../../wire/iana';
import { parseRoutePrefix } from './address-text';
import { CommandSyntaxError, type Cursor } from './cursor';
import { readRouteAttribute, ROUTE_ATTRIBUTE_WORDS, type RouteDraft } from './route-attributes';
import { buildRouteSpecs } from './route-specs';
import type { Command, NeighborSelector } from './types';

/** Reads `<prefix> <attributes...>` to the end of the line (after `announce route`). */
export function parseRouteCommand(
  cursor: Cursor,
  announce: boolean,
  selectors: readonly NeighborSelector[] | undefined,
  afi?: number,
): Command {
  const word = cursor.next('a prefix');
  const prefix = parseRoutePrefix(word);
  if (typeof prefix === 'string') cursor.fail(`bad prefix, ${prefix}`);
  if (afi !== undefined && prefix.afi !== afi) cursor.fail(`the prefix is not ${afi === Afi.IPV4 ? 'IPv4' : 'IPv6'}`);
  const draft: RouteDraft = { attributes: {} };
  while (!cursor.atEnd()) {
    const keyword = cursor.next('an attribute');
    if (!readRouteAttribute(cursor, keyword, draft)) cursor.failUnknown('unknown route attribute', ROUTE_ATTRIBUTE_WORDS);
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
  if (safi !== 'unicast') {
    const carried = FAMILY_REGISTRY.all.filter((f) => f.name.startsWith(`${afiWord} `)).map((f) => f.name);
    cursor.fail(`rxbgp carries no ${afiWord} ${safi} routes (it carries ${carried.join(', ')})`);
  }
  return parseRouteCommand(cursor, announce, selectors, afiWord === 'ipv4' ? Afi.IPV4 : Afi.IPV6);
}
