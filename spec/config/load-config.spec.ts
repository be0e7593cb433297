import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { isLeft, isRight } from 'fp-ts/Either';
import { decodeConfig, formatErrors, loadConfig } from '../../lib/config';

describe('loadConfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxbgp-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const lines = (file: string): string => {
    const r = loadConfig(file);
    return isLeft(r) ? formatErrors(r.left, 'c.json') : 'valid';
  };

  const valid = { localAs: 65001, routerId: '192.0.2.1', neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002 }] };

  it('decodes a valid file like decodeConfig does', () => {
    const r = loadConfig(write('ok.json', JSON.stringify(valid, null, 2)));
    expect(r).toEqual(decodeConfig(valid));
    expect(isRight(r)).toBe(true);
  });

  it('accepts a byte-order mark', () => {
    expect(lines(write('bom.json', '\ufeff' + JSON.stringify(valid)))).toBe('valid');
  });

  it('says when the file is missing or is a directory', () => {
    expect(lines(join(dir, 'nope.json'))).toBe('c.json: cannot read the config file: no such file');
    expect(lines(dir)).toBe('c.json: cannot read the config file: it is a directory, not a file');
  });

  it('gives line:column for JSON syntax errors', () => {
    const file = write('syntax.json', '{\n  "localAs": 65001,\n  "neighbors": [],\n}\n');
    expect(lines(file)).toBe('c.json:4:1: invalid JSON: expected a key in double quotes, found "}"');
  });

  it('refuses duplicate keys with line:column and path', () => {
    const file = write('dup.json', '{\n  "localAs": 65001,\n  "localAs": 65002,\n  "neighbors": []\n}\n');
    expect(lines(file)).toBe('c.json:3:3: localAs: duplicate key "localAs": JSON keeps only the last one, so remove one of them');
  });

  it('reports config errors with their paths', () => {
    const file = write('bad.json', JSON.stringify({ ...valid, neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, holdTime: 2 }] }));
    expect(lines(file)).toBe('c.json: neighbors[0].holdTime: expected 0 or 3..65535, got 2');
  });
});
