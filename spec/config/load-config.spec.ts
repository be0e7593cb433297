import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { isLeft, isRight } from 'fp-ts/Either';
import { decodeConfig, defaultControlSocketPath, formatErrors, loadConfig } from '../../lib/config';

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

  it('decodes a valid file like decodeConfig does, with the default control socket of that file', () => {
    const file = write('ok.json', JSON.stringify(valid, null, 2));
    const r = loadConfig(file);
    expect(r).toEqual(decodeConfig(valid, dir, file));
    expect(isRight(r) && r.right.control.socket).toBe(defaultControlSocketPath(file));
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

  describe('helper processes', () => {
    beforeAll(() => {
      mkdirSync(join(dir, 'helpers'));
      mkdirSync(join(dir, 'work'));
      writeFileSync(join(dir, 'helpers/announce.py'), '#!/usr/bin/env python3\n', { mode: 0o755 });
      writeFileSync(join(dir, 'helpers/plain.py'), 'print()\n', { mode: 0o644 });
    });
    const withProcesses = (processes: unknown) => write('api.json', JSON.stringify({ ...valid, processes }));

    it('resolves relative programs, cwd and the control socket against the file\'s directory, where helpers run by default', () => {
      const file = write(
        'api.json',
        JSON.stringify({
          ...valid,
          processes: { announce: { run: ['./helpers/announce.py', 'arg/x'], cwd: 'work' }, path: { run: ['python3', 'h.py'] } },
          control: { socket: 'rxbgp.sock' },
        }),
      );
      const r = loadConfig(file);
      if (isLeft(r)) throw new Error(formatErrors(r.left));
      expect(r.right.processes.map((p) => [p.run, p.cwd])).toEqual([
        [[join(dir, 'helpers/announce.py'), 'arg/x'], join(dir, 'work')],
        [['python3', 'h.py'], dir],
      ]);
      expect(r.right.control.socket).toBe(join(dir, 'rxbgp.sock'));
    });

    it('refuses a program path that does not exist, is not executable or is a directory, and a cwd that is no directory', () => {
      const file = withProcesses({
        missing: { run: ['./helpers/nope.py'] },
        plain: { run: ['helpers/plain.py'] },
        folder: { run: ['./helpers'] },
        badCwd: { run: ['python3'], cwd: 'helpers/announce.py' },
        noCwd: { run: ['python3'], cwd: '/nonexistent/rxbgp' },
      });
      expect(lines(file).split('\n')).toEqual([
        `c.json: processes.missing.run[0]: cannot run "${join(dir, 'helpers/nope.py')}": no such file or directory`,
        `c.json: processes.plain.run[0]: cannot run "${join(dir, 'helpers/plain.py')}": not executable (chmod +x it, or run it through its interpreter: ["python3", "..."])`,
        `c.json: processes.folder.run[0]: cannot run "${join(dir, 'helpers')}": it is a directory`,
        `c.json: processes.badCwd.cwd: cannot run in "${join(dir, 'helpers/announce.py')}": not a directory`,
        'c.json: processes.noCwd.cwd: cannot run in "/nonexistent/rxbgp": no such file or directory',
      ]);
    });

    it('does not look bare program names up in PATH: that happens when the helper is started', () => {
      expect(lines(withProcesses({ p: { run: ['no-such-program-rxbgp'] } }))).toBe('valid');
    });
  });

  it('reports config errors with their paths', () => {
    const file = write('bad.json', JSON.stringify({ ...valid, neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, holdTime: 2 }] }));
    expect(lines(file)).toBe('c.json: neighbors[0].holdTime: expected 0 or 3..65535, got 2');
  });
});
