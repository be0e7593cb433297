/**
 * NLRI held as the family's values, their text made on first read: the same idea as packed IPv4
 * (packed-ipv4.ts) for any family whose values are costly to print. A helper floods FlowSpec rules
 * by the hundred thousand; each rule's text (ExaBGP's "flow destination-ipv4 ..." string) is what
 * events and listings show, but the RIB keys rules by their octets and the encoder writes the
 * values, so a rule that nobody lists or reports never needs its text.
 *
 * The values sit in a hidden (non-enumerable) property, with the family's printer beside them;
 * `prefixes` is an enumerable getter that prints them all once, then becomes a plain array.
 * Assigning `prefixes` replaces the content and drops the values. Copies of a list's head that
 * should keep the values go through copyNlri() (copy-nlri.ts), not a spread (which would print them).
 */
const VALUES = Symbol('rxbgp.nlriValues');

/** A list's values and how to print one. */
export interface NlriValues<T = unknown> {
  readonly values: readonly T[];
  readonly textOf: (value: T) => string;
}

interface WithValues {
  [VALUES]?: NlriValues;
}

/** Shared descriptors: attaching costs two defineProperty calls and no closure per list. */
const LAZY_PREFIXES: PropertyDescriptor = { configurable: true, enumerable: true, get: textOnFirstRead, set: replacePrefixes };

/** Gives `list` these values and a `prefixes` property that prints them on first read. */
export function attachNlriValues<T extends object, V>(list: T, values: readonly V[], textOf: (value: V) => string): T & { prefixes: string[] } {
  const held: NlriValues<V> = { values, textOf };
  Object.defineProperty(list, VALUES, { value: held, configurable: true, enumerable: false, writable: false });
  Object.defineProperty(list, 'prefixes', LAZY_PREFIXES);
  return list as T & { prefixes: string[] };
}

/** The values behind a list whose text may not be made yet, or undefined. */
export function nlriValuesOf(list: object): NlriValues | undefined {
  return (list as WithValues)[VALUES];
}

function textOnFirstRead(this: WithValues): string[] {
  const { values, textOf } = this[VALUES]!;
  const text = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) text[i] = textOf(values[i]);
  Object.defineProperty(this, 'prefixes', { configurable: true, enumerable: true, writable: true, value: text });
  return text;
}

function replacePrefixes(this: WithValues, value: string[]): void {
  delete this[VALUES];
  Object.defineProperty(this, 'prefixes', { configurable: true, enumerable: true, writable: true, value });
}
