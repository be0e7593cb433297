/**
 * Routes of a family with a grammar of its own, given to the library in their JSON-config form
 * (the items of a neighbor's `flows`: { "match": { ... }, "then": { ... }, "rd"?: "..." }), decoded
 * by the family (RouteGrammar.config, as lib/config/grammar-route-codec.ts does for the config) into
 * routes the Adj-RIB-Out takes. Every bad item is named by its index and the family's own path.
 */
import { FAMILY_REGISTRY } from '../families';
import type { OutRoute } from '../rib/adj-rib-out';

/** The routes of `items`, or every item's error ("flows[2].match.destinationPort[1]: ..."). */
export function decodeGrammarRoutes(key: string, items: readonly unknown[]): { routes: OutRoute[]; errors: string[] } {
  const form = FAMILY_REGISTRY.configGrammar(key)?.config;
  if (!form) throw new Error(`no registered family reads "${key}"`);
  const routes: OutRoute[] = [];
  const errors: string[] = [];
  items.forEach((item, i) => {
    const parsed = form.decode(item);
    if (!parsed.ok) {
      errors.push(`${key}[${i}]${parsed.path ? `.${parsed.path}` : ''}: ${parsed.error}`);
      return;
    }
    const r = parsed.value;
    // ORIGIN and AS_PATH as every route has them (RFC 4271 §5.1); "" is no next hop (RFC 8955 §4).
    routes.push({ afi: r.afi, safi: r.safi, prefix: r.text, nlri: r.nlri, nextHop: r.nextHop ?? '', attributes: { origin: 0, asPath: [], ...r.attributes } });
  });
  return { routes, errors };
}
