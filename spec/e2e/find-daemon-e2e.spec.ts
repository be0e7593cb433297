/**
 * Which daemon `rxbgp cli` talks to, with real `rxbgp run` daemons: each config file has a
 * default control socket of its own; without --socket the cli finds the one daemon running,
 * lists them all when several run, removes the sockets dead daemons left; --config picks one;
 * a daemon whose socket a live daemon holds does not start.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Daemon, rxbgp } from './rxbgp-process';

describe('rxbgp cli finding its daemon', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let sockets: string;
  const daemons: Daemon[] = [];
  const cli = (...args: string[]) => rxbgp(['cli', ...args], env);
  /** A config file of its own for each daemon; no neighbors, nothing on the network. */
  const configFile = (name: string, extra: object = {}) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify({ events: { output: 'none' }, neighbors: [], ...extra }));
    return file;
  };
  const start = async (file: string) => {
    const d = new Daemon(file, env);
    daemons.push(d);
    await d.listening();
    return d;
  };
  const socketOf = (d: Daemon) => /control socket listening on (\S+)/.exec(d.stderr)![1];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-find-'));
    // A runtime directory of this test's own, as each user has one: other daemons are not in it.
    env = { ...process.env, XDG_RUNTIME_DIR: path.join(dir, 'run') };
    fs.mkdirSync(env.XDG_RUNTIME_DIR!, { mode: 0o700 });
    sockets = path.join(env.XDG_RUNTIME_DIR!, 'rxbgp');
  });

  afterEach(async () => {
    for (const d of daemons.splice(0)) {
      d.child.kill('SIGKILL');
      await d.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('talks to the one daemon running, on a socket named after its config in a private directory', async () => {
    const file = configFile('edge.json');
    const d = await start(file);
    expect(socketOf(d)).toMatch(new RegExp(`^${sockets}/edge-[0-9a-f]{8}\\.sock$`));
    expect(fs.statSync(sockets).mode & 0o777).toBe(0o700);
    expect(fs.statSync(socketOf(d)).mode & 0o777).toBe(0o600);
    expect(await cli('show', 'daemon')).toEqual({
      status: 0,
      stdout: `config ${file}\nsocket ${socketOf(d)}\npid ${d.child.pid}\nversion 0.1.0\n`,
      stderr: '',
    });
  });

  it('with two daemons on two configs, refuses and lists both; --config picks each', async () => {
    const a = configFile('a.json');
    const b = configFile('b.json');
    const da = await start(a);
    const db = await start(b);
    expect(socketOf(da)).not.toBe(socketOf(db));

    const r = await cli('version');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // Listed by socket path: a-<hash>.sock before b-<hash>.sock.
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'rxbgp cli: 2 rxbgp daemons are running; choose one with --config FILE or --socket PATH:',
      `  --socket ${socketOf(da)}   config ${a}, pid ${da.child.pid}`,
      `  --socket ${socketOf(db)}   config ${b}, pid ${db.child.pid}`,
    ]);

    expect((await cli('--config', a, 'show', 'daemon')).stdout).toContain(`config ${a}\n`);
    expect((await cli('--config', b, 'show', 'daemon')).stdout).toContain(`config ${b}\n`);
    // A relative path names the same file.
    expect((await rxbgp(['cli', '--config', path.relative(process.cwd(), b), 'show', 'daemon'], env)).stdout).toContain(`config ${b}\n`);
    expect((await cli('--socket', socketOf(da), 'show', 'daemon')).stdout).toContain(`config ${a}\n`);
    const both = await cli('--config', a, '--socket', socketOf(da), 'version');
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/--config.*cannot be used with.*--socket/);
  });

  it('removes the socket a killed daemon left: skipped by the cli, replaced by the next daemon on that config', async () => {
    const a = configFile('a.json');
    const b = configFile('b.json');
    const da = await start(a);
    const db = await start(b);
    const stale = socketOf(db);
    await db.kill();
    expect(fs.existsSync(stale)).toBe(true);

    expect(await cli('version')).toEqual({ status: 0, stdout: 'rxbgp 0.1.0\n', stderr: '' });
    expect(fs.existsSync(stale)).toBe(false);

    await da.kill();
    const none = await cli('version');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`rxbgp cli: no rxbgp daemon found: no control socket answers in ${sockets}`);
    expect(none.stderr).toContain('removed 1 stale socket(s)');
    expect(none.stderr).toContain('--socket PATH or --config FILE');

    // Another stale socket, this time replaced by a daemon started on the same config.
    const again = await start(b);
    await again.kill();
    expect(fs.existsSync(stale)).toBe(true);
    const restarted = await start(b);
    expect(socketOf(restarted)).toBe(stale);
    expect((await cli('show', 'daemon')).stdout).toContain(`config ${b}\n`);
  });

  it('a second daemon on a config whose socket a live daemon holds fails loudly, exit 1', async () => {
    const a = configFile('a.json');
    const first = await start(a);
    const second = new Daemon(a, env);
    daemons.push(second);
    expect(await second.exited).toBe(1);
    expect(second.stderr).toContain(`error not started: control socket ${socketOf(first)}: another daemon is already answering there`);
    expect(second.stderr).not.toContain('rxbgp started');
    // The first one is untouched.
    expect((await cli('show', 'daemon')).stdout).toContain(`pid ${first.child.pid}\n`);
  });

  it('--config uses the socket a config sets in "control.socket", and says when a config turns it off', async () => {
    const own = path.join(dir, 'own.sock');
    const a = configFile('a.json', { control: { socket: 'own.sock' } });
    const d = await start(a);
    expect(socketOf(d)).toBe(own);
    expect((await cli('--config', a, 'show', 'daemon')).stdout).toContain(`socket ${own}\n`);
    // Outside the per-user directory, it is not found without --config or --socket.
    const r = await cli('version');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no rxbgp daemon found');

    const off = configFile('off.json', { control: { enabled: false } });
    const o = await cli('--config', off, 'version');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain(`${off} turns the control socket off`);
    const missing = await cli('--config', path.join(dir, 'nothing-runs.json'), 'version');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(new RegExp(`no rxbgp daemon answers on ${sockets}/nothing-runs-[0-9a-f]{8}\\.sock: no such socket; that is the control socket of `));
  });
});
