/**
 * Config errors say where (a path like `neighbors[0].routes[2].prefix`) and what: what was
 * expected and what was found, so a user can fix the file without reading code.
 */
import type { Context, ValidationError } from 'io-ts';
import { describeValue } from '../wire/describe-value';

export { describeValue };

export interface ConfigError {
  /** Where in the JSON, e.g. "neighbors[0].routes[2].prefix"; "" for the document itself. */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /** 1-based position in the file, for JSON syntax errors and duplicate keys. */
  line?: number;
  column?: number;
}

/** One line per error: `file:line:column: path: message`, parts left out when unknown. */
export function formatErrors(errors: ConfigError[], file?: string): string {
  return errors
    .map((e) => {
      let where = file ?? '';
      if (e.line !== undefined) where += `${where ? ':' : ''}${e.line}:${e.column ?? 1}`;
      const parts = [where, e.path, e.message].filter((p) => p !== '');
      return parts.join(': ');
    })
    .join('\n');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends an object key to a path: `.key`, or `["odd key"]` when it is not an identifier. */
export function joinKey(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Appends an array index to a path. */
export function joinIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** The path of an io-ts context: array elements as [i], object members by key. */
export function contextPath(context: Context): string {
  let path = '';
  // Entry 0 is the root (key ""); each later entry is a member of the one before it.
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1].type as { _tag?: string };
    const key = context[i].key;
    path = parent._tag === 'ArrayType' ? joinIndex(path, Number(key)) : joinKey(path, key);
  }
  return path;
}


/** io-ts errors to ConfigErrors; a codec without its own message is described by its name. */
export function fromValidationErrors(errors: readonly ValidationError[]): ConfigError[] {
  return errors.map((e) => ({
    path: contextPath(e.context),
    message: e.message ?? `expected ${e.context[e.context.length - 1]?.type.name ?? 'a value'}, got ${describeValue(e.value)}`,
  }));
}
