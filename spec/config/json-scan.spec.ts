import fc from 'fast-check';
import { scanJson } from '../../lib/config/json-scan';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const syntaxOk = (text: string): boolean => !scanJson(text).some((p) => p.kind === 'syntax');

describe('scanJson', () => {
  it('accepts valid JSON without duplicate keys', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', ' { "a" : [ 1 , { "b" : null } ] , "c" : true } ', 'false']) {
      expect(scanJson(text)).toEqual([]);
    }
  });

  it.each([
    ['{\n  "a": 1,\n}', 3, 1, '', 'invalid JSON: expected a key in double quotes, found "}"'],
    ['{\n  "neighbors": [\n    { "peerAs": 1 }\n    { "peerAs": 2 }\n  ]\n}', 4, 5, 'neighbors[0]', 'invalid JSON: expected "," or "]", found "{"'],
    ['{ "a" 1 }', 1, 7, 'a', 'invalid JSON: expected ":" after the key, found "1"'],
    ['{ "a": tru }', 1, 8, 'a', 'invalid JSON: expected a value, found "t"'],
    ['{ "a": [1, 2', 1, 13, 'a[1]', 'invalid JSON: expected "," or "]", found the end of the file'],
    ['', 1, 1, '', 'invalid JSON: expected a value, found the end of the file'],
    ['{ "a": "x\ny" }', 1, 10, 'a', 'invalid JSON: a control character (such as a line break) inside a string must be escaped'],
    ['{ "a": "\\x" }', 1, 9, 'a', 'invalid JSON: bad escape sequence in a string'],
    ['{ "a": "open', 1, 8, 'a', 'invalid JSON: a string is not closed'],
    ['{} {}', 1, 4, '', 'invalid JSON: unexpected "{" after the end of the document'],
    ['{ "a": 01 }', 1, 9, 'a', 'invalid JSON: expected "," or "}", found "1"'],
    ["{ 'a': 1 }", 1, 3, '', 'invalid JSON: expected a key in double quotes, found "\'"'],
  ])('locates the syntax error in %j', (text, line, column, path, message) => {
    expect(scanJson(text)).toEqual([{ kind: 'syntax', line, column, path, message }]);
  });

  it('reports every duplicate key with its position and path', () => {
    const text = '{\n  "neighbors": [{\n    "holdTime": 30,\n    "holdTime": 90\n  }],\n  "neighbors": []\n}';
    expect(scanJson(text)).toEqual([
      {
        kind: 'duplicate-key',
        line: 4,
        column: 5,
        path: 'neighbors[0].holdTime',
        message: 'duplicate key "holdTime": JSON keeps only the last one, so remove one of them',
      },
      {
        kind: 'duplicate-key',
        line: 6,
        column: 3,
        path: 'neighbors',
        message: 'duplicate key "neighbors": JSON keeps only the last one, so remove one of them',
      },
    ]);
  });

  it('compares keys after unescaping, as JSON.parse does', () => {
    expect(scanJson('{"a": 1, "\\u0061": 2}').map((p) => p.path)).toEqual(['a']);
  });

  it('handles deep nesting without recursion', () => {
    const depth = 10000;
    expect(scanJson('['.repeat(depth) + ']'.repeat(depth))).toEqual([]);
    expect(scanJson('['.repeat(depth) + ']'.repeat(depth - 1))[0]).toMatchObject({ kind: 'syntax', column: 2 * depth });
  });

  it('agrees with JSON.parse on valid JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => syntaxOk(text)));
  });

  it('agrees with JSON.parse on damaged JSON', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ',', '"', '{', '}', '[', ']', ':', '0', '-', '.', 'e', '\\', ' ', '\n', 't'))
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(fc.property(damaged, (text) => syntaxOk(text) === parses(text)), { numRuns: 2000 });
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'{}[]:,"\\ 0123456789.eE+-truefalsn\t\n\r\u0001u'.split('')) }), (text) => syntaxOk(text) === parses(text)), {
      numRuns: 2000,
    });
  });
});
