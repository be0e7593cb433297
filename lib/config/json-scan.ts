/**
 * A JSON checker that says where: JSON.parse reports a character offset only for some errors
 * and never reports duplicate keys (it silently keeps the last one, so a second "holdTime"
 * would override the first unnoticed). This scanner accepts exactly what JSON.parse accepts
 * (RFC 8259), builds no values, and uses an explicit stack so deep nesting cannot overflow.
 */
import { joinIndex, joinKey } from './config-error';

export interface JsonProblem {
  kind: 'syntax' | 'duplicate-key';
  /** Path of the value being read, like config paths ("neighbors[0].holdTime"). */
  path: string;
  message: string;
  line: number;
  column: number;
}

interface Frame {
  readonly array: boolean;
  readonly path: string;
  index: number;
  keys?: Set<string>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function found(text: string, pos: number): string {
  return pos >= text.length ? 'the end of the file' : JSON.stringify(text[pos]);
}

/** Every duplicate key, then the first syntax error (scanning stops there); [] for valid JSON without duplicates. */
export function scanJson(text: string): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const stack: Frame[] = [];
  let pos = 0;
  let path = '';
  let mode: 'value' | 'key' | 'after' = 'value';

  const problem = (kind: JsonProblem['kind'], at: number, where: string, message: string): void => {
    problems.push({ kind, path: where, message, ...position(text, at) });
  };
  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      pos++;
    }
  };
  /** Scans a string starting at its opening quote; returns the offset after the closing quote, or -1 after reporting. */
  const scanString = (): number => {
    let i = pos + 1;
    for (;;) {
      if (i >= text.length) {
        problem('syntax', pos, path, 'invalid JSON: a string is not closed');
        return -1;
      }
      const c = text.charCodeAt(i);
      if (c === 34) return i + 1;
      if (c < 0x20) {
        problem('syntax', i, path, 'invalid JSON: a control character (such as a line break) inside a string must be escaped');
        return -1;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u' ? !HEX4.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(e ?? 'x')) {
          problem('syntax', i, path, 'invalid JSON: bad escape sequence in a string');
          return -1;
        }
        i += e === 'u' ? 6 : 2;
        continue;
      }
      i++;
    }
  };

  for (;;) {
    skipSpace();
    if (mode === 'value') {
      const c = text[pos];
      if (c === '{' || c === '[') {
        const array = c === '[';
        stack.push({ array, path, index: 0, keys: array ? undefined : new Set() });
        pos++;
        skipSpace();
        if (text[pos] === (array ? ']' : '}')) {
          stack.pop();
          pos++;
          mode = 'after';
        } else if (array) path = joinIndex(path, 0);
        else mode = 'key';
        continue;
      }
      let end = -1;
      if (c === '"') end = scanString();
      else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = pos;
        end = NUMBER.test(text) ? NUMBER.lastIndex : -2;
      } else if (text.startsWith('true', pos)) end = pos + 4;
      else if (text.startsWith('false', pos)) end = pos + 5;
      else if (text.startsWith('null', pos)) end = pos + 4;
      else end = -2;
      if (end === -2) problem('syntax', pos, path, `invalid JSON: expected a value, found ${found(text, pos)}`);
      if (end < 0) return problems;
      pos = end;
      mode = 'after';
      continue;
    }
    const frame = stack[stack.length - 1];
    if (mode === 'key') {
      if (text[pos] !== '"') {
        problem('syntax', pos, frame.path, `invalid JSON: expected a key in double quotes, found ${found(text, pos)}`);
        return problems;
      }
      const start = pos;
      const end = scanString();
      if (end < 0) return problems;
      const key = JSON.parse(text.slice(start, end)) as string;
      path = joinKey(frame.path, key);
      if (frame.keys?.has(key)) {
        problem('duplicate-key', start, path, `duplicate key "${key}": JSON keeps only the last one, so remove one of them`);
      }
      frame.keys?.add(key);
      pos = end;
      skipSpace();
      if (text[pos] !== ':') {
        problem('syntax', pos, path, `invalid JSON: expected ":" after the key, found ${found(text, pos)}`);
        return problems;
      }
      pos++;
      mode = 'value';
      continue;
    }
    // mode === 'after': a value just ended.
    if (frame === undefined) {
      if (pos < text.length) problem('syntax', pos, '', `invalid JSON: unexpected ${found(text, pos)} after the end of the document`);
      return problems;
    }
    const close = frame.array ? ']' : '}';
    if (text[pos] === ',') {
      pos++;
      if (frame.array) {
        frame.index++;
        path = joinIndex(frame.path, frame.index);
        mode = 'value';
      } else mode = 'key';
    } else if (text[pos] === close) {
      pos++;
      stack.pop();
      path = frame.path;
    } else {
      problem('syntax', pos, path, `invalid JSON: expected "," or "${close}", found ${found(text, pos)}`);
      return problems;
    }
  }
}
