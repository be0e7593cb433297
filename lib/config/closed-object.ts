/**
 * An io-ts codec for a JSON object with a closed set of keys. io-ts's own `type`/`exact`
 * silently ignore or strip unknown keys; a config must not, or a typo like "holdtime" quietly
 * leaves the default in place. Every problem is reported, not only the first.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { describeValue } from './config-error';
import { nearestKey } from '../wire/nearest-key';

export type ClosedObject<R extends t.Props, O extends t.Props> = { [K in keyof R]: t.TypeOf<R[K]> } & {
  [K in keyof O]?: t.TypeOf<O[K]>;
};

function isPlainObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `what` names the object in messages ("a neighbor"); `required` keys must be present,
 * `optional` keys may be; any other key is an error that lists the allowed keys.
 */
export function closedObject<R extends t.Props, O extends t.Props>(
  what: string,
  required: R,
  optional: O,
): t.Type<ClosedObject<R, O>, Record<string, unknown>, unknown> & { readonly keys: readonly string[] } {
  const codecs: Record<string, t.Mixed> = { ...required, ...optional };
  const allowed = Object.keys(codecs);
  const requiredKeys = Object.keys(required);
  const is = (u: unknown): u is ClosedObject<R, O> =>
    isPlainObject(u) &&
    Object.keys(u).every((k) => hasOwn(codecs, k) && codecs[k].is(u[k])) &&
    requiredKeys.every((k) => hasOwn(u, k));

  const codec = new t.Type<ClosedObject<R, O>, Record<string, unknown>, unknown>(
    what,
    is,
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, `expected ${what} (a JSON object), got ${describeValue(u)}`);
      const errors: t.ValidationError[] = [];
      const out: Record<string, unknown> = {};
      // Errors in the order the keys appear in the file, then the missing ones.
      for (const key of Object.keys(u)) {
        if (!hasOwn(codecs, key)) {
          const near = nearestKey(key, allowed);
          const hint = near ? ` (did you mean "${near}"?)` : '';
          errors.push({
            value: u[key],
            context: t.appendContext(c, key, t.unknown, u[key]),
            message: `unknown key "${key}"${hint}; allowed keys here: ${allowed.join(', ')}`,
          });
          continue;
        }
        const codec = codecs[key];
        const result = codec.validate(u[key], t.appendContext(c, key, codec, u[key]));
        if (isLeft(result)) errors.push(...result.left);
        else out[key] = result.right;
      }
      for (const key of requiredKeys) {
        if (hasOwn(u, key)) continue;
        errors.push({
          value: undefined,
          context: t.appendContext(c, key, codecs[key], undefined),
          message: `missing required key, expected ${codecs[key].name}`,
        });
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as ClosedObject<R, O>);
    },
    (a) => {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(a)) {
        const value = (a as Record<string, unknown>)[key];
        if (hasOwn(codecs, key) && value !== undefined) out[key] = codecs[key].encode(value);
      }
      return out;
    },
  );
  // The allowed keys, for tests that check every key is documented.
  return Object.assign(codec, { keys: allowed as readonly string[] });
}
