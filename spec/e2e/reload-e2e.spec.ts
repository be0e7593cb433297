/**
 * Reloading a running `rxbgp run` as a user does: `rxbgp cli reload` answers what changed, or
 * every error of a broken config exactly as `rxbgp validate` prints it (exit 1), the running
 * config kept; a helper's `reload` is answered the same way, in order; SIGHUP logs the errors one
 * line each, and one "config reloaded" line per reload.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Daemon, rxbgp } from './rxbgp-process';

const HELPER = path.resolve(__dirname, 'fixtures/command-helper.js');
/** A neighbor nobody answers for: the reload adds it, it only retries its connection. */
const ADDED = { peerAddress: '127.0.0.246', peerPort: 17946, localAs: 65246, peerAs: 65247, routerId: '192.0.2.246', connectRetry: 30 };
/** Two errors: a path-precise value error and an unknown key. */
const BROKEN = { neighbors: [{ ...ADDED, holdTime: 2 }], bogus: 1 };

describe('reload of a running daemon', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let file: string;
  let record: string;
  let daemon: Daemon;
  const write = (json: unknown) => fs.writeFileSync(file, JSON.stringify(json, null, 2));
  const config = (neighbors: unknown[]) => ({ events: { output: 'none' }, processes: { driver: { run: [process.execPath, HELPER, record] } }, neighbors });
  const cli = (...words: string[]) => rxbgp(['cli', ...words], env);
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-reload-'));
    // A runtime directory of this test's own: no other daemon's socket is found in it.
    env = { ...process.env, XDG_RUNTIME_DIR: path.join(dir, 'run') };
    fs.mkdirSync(env.XDG_RUNTIME_DIR!, { mode: 0o700 });
    file = path.join(dir, 'c.json');
    record = path.join(dir, 'helper.txt');
    write(config([]));
    daemon = new Daemon(file, env);
    await daemon.listening();
  });

  afterEach(async () => {
    daemon.child.kill('SIGKILL');
    await daemon.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rxbgp cli reload: exit 1 with the lines rxbgp validate prints for a broken config, done with what changed for a good one', async () => {
    write(BROKEN);
    const validate = await rxbgp(['validate', file], env);
    expect(validate.status).toBe(1);
    const errors = validate.stderr.trimEnd().split('\n');
    expect(errors).toEqual([
      `${file}: neighbors[0].holdTime: expected 0 or 3..65535, got 2`,
      expect.stringMatching(new RegExp(`^${file}: bogus: unknown key "bogus"`)),
    ]);

    const refused = await cli('reload');
    expect(refused).toEqual({ status: 1, stdout: ['config not reloaded, keeping the running one:', ...errors].join('\n') + '\n', stderr: '' });
    // The running config was kept: still no neighbor.
    expect((await cli('show', 'neighbor', 'summary')).stdout.trim().split('\n')).toHaveLength(1);

    write(config([ADDED]));
    expect(await cli('reload')).toEqual({ status: 0, stdout: 'config reloaded: 1 added, 0 removed, 0 reset, 0 kept\n', stderr: '' });
    expect((await cli('show', 'neighbor', 'summary')).stdout).toContain('127.0.0.246');
    expect(await cli('reload')).toEqual({ status: 0, stdout: 'config reloaded: 0 added, 0 removed, 0 reset, 1 kept\n', stderr: '' });
    // The daemon logged each reload once, and each error on a line of its own.
    const log = daemon.stderr;
    expect(count(log, /config reloaded: /g)).toBe(2);
    expect(log).toMatch(/error reload command: config not reloaded, keeping the running one: 2 error\(s\):\n/);
    for (const e of errors) expect(log).toContain(` error reload command: ${e}\n`);
  });

  it("answers a helper's reload with the errors or the summary, before the answers of the commands after it", async () => {
    await daemon.until(() => /process driver: started/.test(daemon.stderr), 'the helper');
    write(BROKEN);
    fs.writeFileSync(record + '.say', 'reload\nversion\n');
    const acks = () => (fs.existsSync(record) ? fs.readFileSync(record, 'utf8').split('\n').filter(Boolean) : []);
    await daemon.until(() => acks().length >= 6, "the helper's answers");
    const errors = (await rxbgp(['validate', file], env)).stderr.trimEnd().split('\n');
    expect(acks()).toEqual(['config not reloaded, keeping the running one:', ...errors, 'error', 'rxbgp 0.1.0', 'done']);

    fs.rmSync(record);
    write(config([ADDED]));
    fs.writeFileSync(record + '.say', 'reload\nversion\n');
    await daemon.until(() => acks().length >= 4, "the helper's answers");
    expect(acks()).toEqual(['config reloaded: 1 added, 0 removed, 0 reset, 0 kept', 'done', 'rxbgp 0.1.0', 'done']);
  });

  it('SIGHUP: a broken config is logged one error a line and kept out; each reload logs "config reloaded" once', async () => {
    // An answer on the control socket comes after the start is done, signal handlers included.
    expect((await cli('version')).status).toBe(0);
    write(BROKEN);
    daemon.child.kill('SIGHUP');
    await daemon.until(() => /bogus/.test(daemon.stderr), 'the errors in the log');
    write(config([ADDED]));
    daemon.child.kill('SIGHUP');
    await daemon.until(() => /config reloaded: 1 added/.test(daemon.stderr), 'the first reload');
    daemon.child.kill('SIGHUP');
    await daemon.until(() => /config reloaded: 0 added, 0 removed, 0 reset, 1 kept/.test(daemon.stderr), 'the second reload');
    // Everything is logged once the daemon has exited: count then.
    expect(await daemon.stop()).toBe(0);
    const lines = daemon.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('config reloaded: '))).toEqual([
      expect.stringMatching(/ info config reloaded: 1 added, 0 removed, 0 reset, 0 kept$/),
      expect.stringMatching(/ info config reloaded: 0 added, 0 removed, 0 reset, 1 kept$/),
    ]);
    const refused = lines.filter((l) => l.includes(' error SIGHUP: '));
    expect(refused).toEqual([
      expect.stringMatching(/ error SIGHUP: config not reloaded, keeping the running one: 2 error\(s\):$/),
      expect.stringMatching(new RegExp(` error SIGHUP: ${file}: neighbors\\[0\\]\\.holdTime: expected 0 or 3\\.\\.65535, got 2$`)),
      expect.stringMatching(new RegExp(` error SIGHUP: ${file}: bogus: unknown key "bogus"`)),
    ]);
  });
});
