/**
 * A JSON array codec whose messages name what the array holds ("a list of routes") and
 * that can bound its length. It is an io-ts ArrayType, so error paths show elements as [i].
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { describeValue } from './config-error';

export function list<C extends t.Mixed>(
  item: C,
  what: string,
  minLength = 0,
): t.ArrayType<C, Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> {
  const is = (u: unknown): u is Array<t.TypeOf<C>> => Array.isArray(u) && u.length >= minLength && u.every((x) => item.is(x));
  const codec: t.ArrayType<C, Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> = new t.ArrayType(
    what,
    is,
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c, `expected ${what} (a JSON array), got ${describeValue(u)}`);
      if (u.length < minLength) return t.failure(u, c, `expected ${what} with at least ${minLength}, got an empty array`);
      const errors: t.ValidationError[] = [];
      const out: Array<t.TypeOf<C>> = new Array(u.length);
      for (let i = 0; i < u.length; i++) {
        const r = item.validate(u[i], t.appendContext(c, String(i), item, u[i]));
        if (isLeft(r)) errors.push(...r.left);
        else out[i] = r.right;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out);
    },
    (a) => a.map((x) => item.encode(x)),
    item,
  );
  return codec;
}
