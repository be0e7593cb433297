import { defaultControlSocketPath } from '../../lib/config';

describe('defaultControlSocketPath', () => {
  it('uses $XDG_RUNTIME_DIR/rxbgp.sock when XDG_RUNTIME_DIR is set', () => {
    expect(defaultControlSocketPath({ XDG_RUNTIME_DIR: '/run/user/1000' }, 1000)).toBe('/run/user/1000/rxbgp.sock');
    expect(defaultControlSocketPath({ XDG_RUNTIME_DIR: '/run/user/1000/' }, 1000)).toBe('/run/user/1000/rxbgp.sock');
  });

  it('falls back to /tmp/rxbgp-<uid>.sock when XDG_RUNTIME_DIR is unset or empty', () => {
    expect(defaultControlSocketPath({}, 1000)).toBe('/tmp/rxbgp-1000.sock');
    expect(defaultControlSocketPath({ XDG_RUNTIME_DIR: '' }, 0)).toBe('/tmp/rxbgp-0.sock');
  });

  it('reads the process environment and user by default, as rxbgp cli does', () => {
    expect(defaultControlSocketPath()).toBe(defaultControlSocketPath(process.env, process.getuid?.() ?? 0));
  });
});
