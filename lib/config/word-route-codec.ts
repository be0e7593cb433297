/**
 * The config's lists of routes of families without prefixes (FamilyDescriptor.routeQualifiers.word:
 * a neighbor's "vpls" and "rtc", named after the process-API word): each item holds the family's own
 * keys (read by the family's decodeConfig: "rd", "endpoint", ... for VPLS; "originAs", "routeTarget"
 * for RTC) beside the attribute keys every route has ("nextHop", "origin", "communities", ...,
 * "pathId"). Errors name their path; a family's error is put at the key it is about when it names one.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import type { AnyFamily } from '../families';
import { describeValue } from './config-error';

/** One item, decoded: the family's NLRI value and the attribute keys as the config spells them. */
export interface WordRouteFile {
  readonly nlri: unknown;
  readonly attributes: Readonly<Record<string, unknown>>;
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The codec of one item of a family's list; `attributes` decodes the attribute keys (a closed object of them). */
export function wordRouteCodec<A extends object>(family: AnyFamily, attributes: t.Type<A, Record<string, unknown>, unknown> & { readonly keys: readonly string[] }): t.Type<WordRouteFile, unknown, unknown> {
  const attributeKeys = new Set(attributes.keys);
  const what = `an ${family.name} route (its own keys beside nextHop and the attribute keys of a route)`;
  return new t.Type<WordRouteFile, unknown, unknown>(
    what,
    (u): u is WordRouteFile => typeof u === 'object' && u !== null && 'nlri' in u && 'attributes' in u,
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected ${what}, got ${describeValue(u)}`);
      const own: Record<string, unknown> = {};
      const rest: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(u)) (attributeKeys.has(key) ? rest : own)[key] = value;
      const errors: t.ValidationError[] = [];
      const decoded = attributes.validate(rest, c);
      if (isLeft(decoded)) errors.push(...decoded.left);
      const nlri = family.decodeConfig(own);
      if (!nlri.ok) {
        // "endpoint must be ..." / "unknown key \"x\"" / "prefix-length must be ...": at that key when it names one.
        const key = Object.keys(own).find((k) => nlri.error.startsWith(`${k}`) || nlri.error.startsWith(kebab(k)) || nlri.error.includes(`"${k}"`));
        errors.push({ value: u, context: key ? t.appendContext(c, key, t.unknown, own[key]) : c, message: nlri.error });
      }
      if (errors.length > 0 || isLeft(decoded) || !nlri.ok) return t.failures(errors);
      return t.success({ nlri: nlri.value, attributes: decoded.right as Readonly<Record<string, unknown>> });
    },
    (route) => ({ ...(family.encodeConfig(route.nlri) as object), ...attributes.encode(route.attributes as A) }),
  );
}
