import { tokenize } from '../../../lib/api/commands/tokenize';

describe('tokenize', () => {
  it.each([
    ['announce route 10.0.0.0/24', ['announce', 'route', '10.0.0.0/24'], [0, 9, 15]],
    ['community [65000:1,65000:2]', ['community', '[', '65000:1', ',', '65000:2', ']'], [0, 10, 11, 18, 19, 26]],
    ['as-path [1(2 3)]', ['as-path', '[', '1', '(', '2', '3', ')', ']'], [0, 8, 9, 10, 11, 13, 14, 15]],
    ['{a}', ['{', 'a', '}'], [0, 1, 2]],
    ['\t a \r\n b ', ['a', 'b'], [2, 7]],
    ['name "a [b] c" x', ['name', 'a [b] c', 'x'], [0, 5, 15]],
    ["name 'it'", ['name', 'it'], [0, 5]],
    ['', [], []],
  ])('%j', (line, words, starts) => {
    expect(tokenize(line)).toStrictEqual({ line, words, starts });
  });

  it('reports an unterminated quote with its column', () => {
    expect(tokenize('name "abc')).toBe('unterminated quote at column 6');
  });
});
