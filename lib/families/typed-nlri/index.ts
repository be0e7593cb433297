/**
 * The walk over a field of typed NLRI: Route Type (1 octet), Length (1 octet), Route Type Specific,
 * each after its RFC 7911 Path Identifier under ADD-PATH. EVPN (RFC 7432 §7) and MVPN (RFC 6514 §4)
 * share this layout; each family decodes its own route types.
 *
 * RFC 7606 §5.4: a route whose type-specific octets are malformed is skipped by its Length octet, so
 * every well-formed NLRI of the field is still returned beside the first `error` (the family reports
 * it as the run's `malformed`, and the UPDATE is treated as withdraw, RFC 7606 §2). An NLRI running
 * past the end of the field stops the walk the same way.
 */

export interface TypedNlriRun<T> {
  readonly values: T[];
  readonly pathIds?: number[];
  /** What was malformed and at which offset of the field; the values before it are kept. */
  readonly error?: string;
}

/** One route of `type` from `length` octets at `at`, or why those octets are malformed. */
export type DecodeTypedRoute<T> = (type: number, buf: Buffer, at: number, length: number) => T | string;

const u32 = (buf: Buffer, at: number): number => ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;

export function decodeTypedNlri<T>(buf: Buffer, start: number, end: number, addPath: boolean, decodeRoute: DecodeTypedRoute<T>): TypedNlriRun<T> {
  const values: T[] = [];
  const pathIds: number[] | undefined = addPath ? [] : undefined;
  let error: string | undefined;
  const done = (): TypedNlriRun<T> => {
    // Path ids stay parallel to the values read (one may have been read before a bad NLRI).
    if (pathIds) pathIds.length = values.length;
    const run: { -readonly [K in keyof TypedNlriRun<T>]: TypedNlriRun<T>[K] } = { values };
    if (values.length && pathIds) run.pathIds = pathIds;
    if (error !== undefined) run.error = error;
    return run;
  };
  const fail = (at: number, why: string): TypedNlriRun<T> => {
    error ??= `at offset ${at - start}: ${why}`;
    return done();
  };
  let at = start;
  while (at < end) {
    const nlriStart = at;
    if (pathIds) {
      if (at + 4 > end) return fail(nlriStart, 'ADD-PATH identifier runs past the end of the field');
      pathIds.push(u32(buf, at));
      at += 4;
    }
    if (at + 2 > end) return fail(nlriStart, 'no route type and length');
    const type = buf[at];
    const length = buf[at + 1];
    at += 2;
    if (at + length > end) return fail(nlriStart, `route type ${type} of ${length} octets runs past the end of the field`);
    const route = decodeRoute(type, buf, at, length);
    at += length;
    if (typeof route === 'string') {
      // The Length octet still delimits it: read on (the first error is reported).
      error ??= `at offset ${nlriStart - start}: ${route}`;
      if (pathIds) pathIds.pop();
      continue;
    }
    values.push(route);
  }
  return done();
}
