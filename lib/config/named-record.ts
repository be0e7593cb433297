/**
 * A JSON object used as a map from names the user chooses to values of one codec, e.g.
 * `"processes": { "announce": { ... } }`. Unlike io-ts's `record`, a bad name is reported at its
 * own path with what a name may hold, and every problem is reported, not only the first.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { describeValue } from './config-error';

export function namedRecord<C extends t.Mixed>(
  what: string,
  name: { readonly pattern: RegExp; readonly what: string },
  item: C,
): t.Type<Record<string, t.TypeOf<C>>, Record<string, t.OutputOf<C>>, unknown> {
  const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);
  const is = (u: unknown): u is Record<string, t.TypeOf<C>> =>
    isRecord(u) && Object.keys(u).every((k) => name.pattern.test(k) && item.is(u[k]));
  return new t.Type<Record<string, t.TypeOf<C>>, Record<string, t.OutputOf<C>>, unknown>(
    what,
    is,
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c, `expected ${what} (a JSON object), got ${describeValue(u)}`);
      const errors: t.ValidationError[] = [];
      const out: Record<string, t.TypeOf<C>> = {};
      for (const key of Object.keys(u)) {
        const context = t.appendContext(c, key, item, u[key]);
        if (!name.pattern.test(key)) {
          errors.push({ value: u[key], context, message: `expected ${name.what}, got the name ${describeValue(key)}` });
          continue;
        }
        const r = item.validate(u[key], context);
        if (isLeft(r)) errors.push(...r.left);
        else out[key] = r.right;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out);
    },
    (a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, item.encode(v)])),
  );
}
