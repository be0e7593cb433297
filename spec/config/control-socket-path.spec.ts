import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { controlSocketDir, defaultControlSocketPath, MAX_CONTROL_SOCKET_PATH_BYTES } from '../../lib/config';

describe('controlSocketDir', () => {
  it('is $XDG_RUNTIME_DIR/rxbgp when XDG_RUNTIME_DIR is set', () => {
    expect(controlSocketDir({ XDG_RUNTIME_DIR: '/run/user/1000' }, 1000)).toBe('/run/user/1000/rxbgp');
    expect(controlSocketDir({ XDG_RUNTIME_DIR: '/run/user/1000/' }, 1000)).toBe('/run/user/1000/rxbgp');
  });

  it('falls back to /tmp/rxbgp-<uid> when XDG_RUNTIME_DIR is unset or empty', () => {
    expect(controlSocketDir({}, 1000)).toBe('/tmp/rxbgp-1000');
    expect(controlSocketDir({ XDG_RUNTIME_DIR: '' }, 0)).toBe('/tmp/rxbgp-0');
  });
});

describe('defaultControlSocketPath', () => {
  const env = { XDG_RUNTIME_DIR: '/run/user/1000' };

  it('names the socket after the config file: its base name and a hash of its absolute path', () => {
    expect(defaultControlSocketPath('/etc/rxbgp/edge.json', env, 1000)).toMatch(/^\/run\/user\/1000\/rxbgp\/edge-[0-9a-f]{8}\.sock$/);
    expect(defaultControlSocketPath('/srv/lab/peer one.json', {}, 1000)).toMatch(/^\/tmp\/rxbgp-1000\/peer_one-[0-9a-f]{8}\.sock$/);
  });

  it('gives two config files two sockets, even with the same base name', () => {
    const a = defaultControlSocketPath('/etc/rxbgp/a/rxbgp.json', env, 1000);
    const b = defaultControlSocketPath('/etc/rxbgp/b/rxbgp.json', env, 1000);
    expect(a).not.toBe(b);
    expect(path.dirname(a)).toBe(path.dirname(b));
  });

  it('gives one file one socket however it is named: relative, or through a symbolic link', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-sockpath-'));
    try {
      const file = path.join(dir, 'c.json');
      fs.writeFileSync(file, '{}');
      fs.symlinkSync(file, path.join(dir, 'link.json'));
      const direct = defaultControlSocketPath(file, env, 1000);
      expect(defaultControlSocketPath(path.relative(process.cwd(), file), env, 1000)).toBe(direct);
      expect(defaultControlSocketPath(path.join(dir, 'link.json'), env, 1000)).toBe(direct);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shortens a long base name to fit a Unix socket path, keeping the hash', () => {
    const long = `/etc/${'x'.repeat(200)}.json`;
    const p = defaultControlSocketPath(long, env, 1000);
    expect(Buffer.byteLength(p)).toBe(MAX_CONTROL_SOCKET_PATH_BYTES);
    expect(p).toMatch(/^\/run\/user\/1000\/rxbgp\/x+-[0-9a-f]{8}\.sock$/);
  });

  it('is <dir>/rxbgp.sock for a config given as an object (no file)', () => {
    expect(defaultControlSocketPath(undefined, env, 1000)).toBe('/run/user/1000/rxbgp/rxbgp.sock');
    expect(defaultControlSocketPath(undefined, {}, 0)).toBe('/tmp/rxbgp-0/rxbgp.sock');
  });

  it('reads the process environment and user by default, as rxbgp cli does', () => {
    expect(defaultControlSocketPath('/etc/a.json')).toBe(defaultControlSocketPath('/etc/a.json', process.env, process.getuid?.() ?? 0));
  });
});
