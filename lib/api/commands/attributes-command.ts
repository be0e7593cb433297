/**
 * Bulk form: `announce attributes <attributes> nlri <prefix> <prefix> ...` and `withdraw attributes ...`
 * (ExaBGP configuration/static/__init__.py `attributes`): one attribute set for many prefixes, the fast
 * way for a helper to send a table. Each prefix carries its own family (ExaBGP takes it from the last one).
 */
import { parseRoutePrefix, type RoutePrefix } from './address-text';
import { CommandSyntaxError, type Cursor } from './cursor';
import { readRouteAttribute, ROUTE_ATTRIBUTE_WORDS, type RouteDraft } from './route-attributes';
import { buildRouteSpecs } from './route-specs';
import type { Command, NeighborSelector } from './types';

/** Reads `<attributes...> nlri <prefix>...` to the end of the line (after `announce attributes`). */
export function parseAttributesCommand(cursor: Cursor, announce: boolean, selectors: readonly NeighborSelector[] | undefined): Command {
  const draft: RouteDraft = { attributes: {} };
  for (;;) {
    const keyword = cursor.next('attributes then nlri <prefix>...');
    if (keyword === 'nlri') break;
    if (!readRouteAttribute(cursor, keyword, draft)) cursor.failUnknown('unknown route attribute (or missing nlri)', [...ROUTE_ATTRIBUTE_WORDS, 'nlri']);
  }
  const prefixes: RoutePrefix[] = [];
  while (!cursor.atEnd()) {
    const prefix = parseRoutePrefix(cursor.next('a prefix'));
    if (typeof prefix === 'string') cursor.fail(`bad prefix, ${prefix}`);
    prefixes.push(prefix);
  }
  if (prefixes.length === 0) cursor.failAtEnd('expected at least one prefix after nlri');
  const routes = buildRouteSpecs(prefixes, draft, announce);
  if (typeof routes === 'string') throw new CommandSyntaxError(routes);
  const kind = announce ? 'announce-route' : 'withdraw-route';
  return selectors ? { kind, selectors, routes } : { kind, routes };
}
