/**
 * `rxbgp cli` and `rxbgp encode` as a user runs them (the built bin/rxbgp; `npm test` builds
 * first). `cli` talks to a control socket server run by this test process, so the binary is
 * spawned asynchronously to leave the event loop free to answer.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ControlServer } from '../../lib/api/control/control-server';
import { FakeExecutor } from '../api/control/fake-executor';
import { HELP_TEXT } from '../../lib/api-runtime/command-executor';
import { hex, toHex } from '../helpers/hex';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const silent = { error() {}, warn() {}, info() {}, debug() {} };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function rxbgp(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('rxbgp cli', () => {
  let dir: string;
  let server: ControlServer;
  let executor: FakeExecutor;
  let socketPath: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-cli-ctl-'));
    socketPath = path.join(dir, 'rxbgp.sock');
    executor = new FakeExecutor();
    server = new ControlServer(socketPath, executor, silent);
    await server.start();
  });

  afterEach(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the answer and exits 0 on done', async () => {
    expect(await rxbgp(['cli', '--socket', socketPath, 'version'])).toEqual({ status: 0, stdout: 'rxbgp 0.1.0\n', stderr: '' });
    expect(await rxbgp(['cli', '--socket', socketPath, 'echo', 'show', 'neighbor', 'summary'])).toEqual({
      status: 0,
      stdout: 'show neighbor summary\n',
      stderr: '',
    });
    expect(executor.calls.map((c) => c.line)).toEqual(['version', 'echo show neighbor summary']);
  });

  it('prints the answer and exits 1 on error', async () => {
    expect(await rxbgp(['cli', '--socket', socketPath, 'fail'])).toEqual({ status: 1, stdout: 'no such neighbor\n', stderr: '' });
  });

  it('finds the daemon in the directory of default sockets ($XDG_RUNTIME_DIR/rxbgp) without --socket', async () => {
    const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-cli-run-'));
    const own = new ControlServer(path.join(runtime, 'rxbgp', 'c-0123abcd.sock'), executor, silent);
    await own.start();
    try {
      const r = await rxbgp(['cli', 'version'], { ...process.env, XDG_RUNTIME_DIR: runtime });
      expect(r).toEqual({ status: 0, stdout: 'rxbgp 0.1.0\n', stderr: '' });
    } finally {
      await own.stop();
      fs.rmSync(runtime, { recursive: true, force: true });
    }
  });

  it('exits 2 when no daemon answers, naming the path it tried and how to give another', async () => {
    const missing = path.join(dir, 'elsewhere.sock');
    const r = await rxbgp(['cli', '--socket', missing, 'version']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain('--socket');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-cli-none-'));
    try {
      const d = await rxbgp(['cli', 'version'], { ...process.env, XDG_RUNTIME_DIR: empty });
      expect(d.status).toBe(2);
      expect(d.stderr).toContain(`no control socket answers in ${path.join(empty, 'rxbgp')}`);
      expect(d.stderr).toContain('--socket PATH or --config FILE');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('rxbgp cli --help', () => {
  it('lists every command the daemon takes and says how the daemon is found', async () => {
    const runtime = path.join(os.tmpdir(), 'rxbgp-cli-help');
    const r = await rxbgp(['cli', '--help'], { ...process.env, XDG_RUNTIME_DIR: runtime });
    expect(r.status).toBe(0);
    for (const line of HELP_TEXT) expect(r.stdout).toContain(`  ${line}\n`);
    expect(r.stdout).toContain('--config <file>');
    expect(r.stdout).toContain('$XDG_RUNTIME_DIR/rxbgp, else /tmp/rxbgp-<uid>');
    expect(r.stdout).toContain(`(here: ${path.join(runtime, 'rxbgp')})`);
    expect(r.stdout).toMatch(/when several answer, it lists each\s+socket with the config file it serves and exits 2/);
  });

  it('prints the commands in two columns: every description starts at the same column', async () => {
    const r = await rxbgp(['cli', '--help']);
    const section = r.stdout.slice(r.stdout.indexOf('Commands'), r.stdout.indexOf('Examples:')).split('\n').slice(1, -2);
    expect(section).toHaveLength(HELP_TEXT.length);
    // A row's description follows its syntax after two spaces or more; a syntax too long for the column has it on the next line.
    const columns = section.map((line) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(line)?.[0].length ?? /^ {3,}(?=\S)/.exec(line)?.[0].length ?? null);
    const described = columns.filter((c) => c !== null);
    expect(described.length).toBeGreaterThanOrEqual(10);
    expect(new Set(described)).toEqual(new Set([described[0]]));
    // The daemon's own help answers the same rows.
    expect(section).toEqual(HELP_TEXT.map((l) => `  ${l}`));
  });
});

describe('rxbgp encode', () => {
  it('prints each UPDATE as hex, one per line', async () => {
    const r = await rxbgp(['encode', 'announce route 10.0.0.0/24 next-hop 192.0.2.1 as-path [ 65001 ] community [ 65000:1 ]']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        toHex(hex`
          ffffffffffffffffffffffffffffffff 0036 02 0000 001b  # header, no withdrawn, 27 octets of attributes
          40 01 01 00                                         # ORIGIN IGP
          40 02 06 02 01 0000fde9                             # AS_PATH [65001]
          40 03 04 c0000201                                   # NEXT_HOP 192.0.2.1
          c0 08 04 fde80001                                   # COMMUNITIES 65000:1
          18 0a0000                                           # 10.0.0.0/24
        `).toUpperCase() + '\n',
    });
  });

  it('packs a bulk announce attributes … nlri into one message; --asn2 and the verb-less ExaBGP form', async () => {
    const bulk = await rxbgp(['encode', 'announce attributes next-hop 192.0.2.1 med 10 nlri 10.0.0.0/24 10.0.1.0/24']);
    expect(bulk.stdout.toLowerCase()).toBe(
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0034 02 0000 0015
        40 01 01 00 40 02 00                                  # ORIGIN IGP, empty AS_PATH (the parser's defaults)
        40 03 04 c0000201                                     # NEXT_HOP 192.0.2.1
        80 04 04 0000000a                                     # MULTI_EXIT_DISC 10
        18 0a0000 18 0a0001                                   # 10.0.0.0/24 10.0.1.0/24
      `) + '\n',
    );
    const asn2 = await rxbgp(['encode', '--asn2', 'route', '10.0.0.0/24', 'next-hop', '192.0.2.1', 'as-path', '[', '65001', ']']);
    expect(asn2.stdout.toLowerCase()).toContain('400204020' + '1fde9');
    expect(asn2.status).toBe(0);
  });

  it('exits 1 with the reason for a malformed or non-route command', async () => {
    const bad = await rxbgp(['encode', 'announce route 10.0.0.0/33 next-hop 192.0.2.1']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^rxbgp encode: .*10\.0\.0\.0\/33/);
    const show = await rxbgp(['encode', 'show neighbor summary']);
    expect(show.status).toBe(1);
    expect(show.stderr).toMatch(/announce\/withdraw route/);
  });
});
