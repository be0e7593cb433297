/**
 * loadConfig: reads a config file, locating JSON syntax errors and duplicate keys by line:column,
 * resolves relative paths in it against the file's directory, and checks that helper programs exist.
 */
import { readFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { isLeft, left, type Either } from 'fp-ts/Either';
import { checkPrograms } from './check-programs';
import type { ConfigError } from './config-error';
import { decodeConfig } from './decode-config';
import { scanJson } from './json-scan';
import type { Config } from './types';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory, not a file',
};

export function loadConfig(path: string): Either<ConfigError[], Config> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return left([{ path: '', message: `cannot read the config file: ${READ_ERRORS[code] ?? (e as Error).message}` }]);
  }
  // Editors on some systems save a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const problems = scanJson(text);
  if (problems.length > 0) {
    return left(problems.map(({ path: at, message, line, column }) => ({ path: at, message, line, column })));
  }
  // Relative helper and socket paths mean "next to the config file", wherever rxbgp is started from.
  const decoded = decodeConfig(JSON.parse(text), dirname(resolve(path)), path);
  if (isLeft(decoded)) return decoded;
  const missing = checkPrograms(decoded.right.processes);
  return missing.length > 0 ? left(missing) : decoded;
}
