/**
 * The config's lists of routes that have a family grammar of their own (a neighbor's `flows`):
 * each item is decoded by the family (RouteGrammar.config, e.g. lib/families/flow), and a failure
 * is reported at the item's own path plus the family's relative one
 * (`neighbors[0].flows[2].match.destinationPort[1]`), as every config error names where it is.
 */
import * as t from 'io-ts';
import { FAMILY_REGISTRY, type FamilyRoute, type RouteConfigForm } from '../families';
import { describeValue } from './config-error';

/** The codec of one item of the neighbor list under `key`. */
export function grammarRouteCodec(key: string): t.Type<FamilyRoute, unknown, unknown> {
  const form = FAMILY_REGISTRY.configGrammar(key)?.config;
  if (!form) throw new Error(`no registered family reads the config key "${key}"`);
  return new t.Type<FamilyRoute, unknown, unknown>(
    form.what,
    (u): u is FamilyRoute => typeof u === 'object' && u !== null && 'nlri' in u && 'text' in u,
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected ${form.what}, got ${describeValue(u)}`);
      const parsed = form.decode(u);
      return parsed.ok ? t.success(parsed.value) : t.failure(u, [...c, ...relativeContext(parsed.path, u)], parsed.error);
    },
    (route) => form.encode(route),
  );
}

/** The config form's codec, for `rxbgp config` output of resolved routes. */
export function grammarConfigForm(key: string): RouteConfigForm | undefined {
  return FAMILY_REGISTRY.configGrammar(key)?.config;
}

/**
 * io-ts context entries for a relative path ("match.destinationPort[1]"): contextPath() prints an
 * entry as an index when the entry before it is an array type.
 */
function relativeContext(path: string, value: unknown): t.ContextEntry[] {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  return parts.map((part, i) => {
    const next = parts[i + 1];
    const type = (next?.startsWith('[') ? { _tag: 'ArrayType', name: 'array' } : { _tag: 'InterfaceType', name: 'object' }) as unknown as t.Decoder<unknown, unknown>;
    return { key: part.startsWith('[') ? part.slice(1, -1) : part, type, actual: value };
  });
}
