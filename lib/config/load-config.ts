/** loadConfig: reads a config file, locating JSON syntax errors and duplicate keys by line:column. */
import { readFileSync } from 'fs';
import { left, type Either } from 'fp-ts/Either';
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
  return decodeConfig(JSON.parse(text));
}
