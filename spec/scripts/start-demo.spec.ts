/**
 * `npm start` (scripts/start-demo.js): the demo of conf/demo.json, on other loopback addresses and
 * another port when RXBGP_DEMO_A / RXBGP_DEMO_B / RXBGP_DEMO_PORT say so, bad values refused with
 * the variable's name; and stopped cleanly when npm itself is killed (lib/cli/launcher-watch.ts).
 */
import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const REPO = path.resolve(__dirname, '../..');
const START = path.join(REPO, 'scripts/start-demo.js');
const DEMO = JSON.parse(fs.readFileSync(path.join(REPO, 'conf/demo.json'), 'utf8')) as unknown;
const { demoConfig } = require('../../scripts/start-demo.js') as {
  demoConfig(base: unknown, env: NodeJS.ProcessEnv): { config: DemoConfig; summary: string } | undefined;
};
const { staleReason } = require('../../scripts/build.js') as { staleReason(root: string): string | undefined };

interface DemoConfig {
  listen: Array<{ address: string; port: number }>;
  neighbors: Array<{ peerAddress: string; localAddress?: string; peerPort?: number; passive?: boolean }>;
}

const A = '127.0.0.233';
const B = '127.0.0.234';
const PORT = 1793;

describe('demoConfig', () => {
  it('is the file as it is when no variable is set (empty counts as unset)', () => {
    expect(demoConfig(DEMO, {})).toBeUndefined();
    expect(demoConfig(DEMO, { RXBGP_DEMO_A: '', RXBGP_DEMO_PORT: '' })).toBeUndefined();
  });

  it('moves a, b and the port everywhere the demo uses them', () => {
    const { config, summary } = demoConfig(DEMO, { RXBGP_DEMO_A: A, RXBGP_DEMO_B: B, RXBGP_DEMO_PORT: String(PORT) })!;
    expect(summary).toBe(`a ${A}, b ${B}, port ${PORT}`);
    expect(config.listen).toEqual([{ address: B, port: PORT }]);
    const [a, b] = config.neighbors;
    expect([a.peerAddress, a.localAddress, a.peerPort, a.passive]).toEqual([B, A, PORT, undefined]);
    expect([b.peerAddress, b.localAddress, b.passive]).toEqual([A, B, true]);
    expect(JSON.stringify(config)).not.toMatch(/127\.0\.0\.[12]"|1790/);
  });

  it('keeps the defaults for the variables not set', () => {
    const { config } = demoConfig(DEMO, { RXBGP_DEMO_PORT: '1795' })!;
    expect(config.listen).toEqual([{ address: '127.0.0.2', port: 1795 }]);
    expect(config.neighbors[0]).toMatchObject({ peerAddress: '127.0.0.2', localAddress: '127.0.0.1', peerPort: 1795 });
  });

  it('refuses bad values, naming the variable and what it expects', () => {
    expect(() => demoConfig(DEMO, { RXBGP_DEMO_A: 'localhost' })).toThrow('RXBGP_DEMO_A: expected an IPv4 address such as 127.0.0.5, got "localhost"');
    expect(() => demoConfig(DEMO, { RXBGP_DEMO_B: '127.0.0.300' })).toThrow('RXBGP_DEMO_B: expected an IPv4 address such as 127.0.0.5, got "127.0.0.300"');
    expect(() => demoConfig(DEMO, { RXBGP_DEMO_PORT: '70000' })).toThrow('RXBGP_DEMO_PORT: expected a TCP port from 1 to 65535, got "70000"');
    expect(() => demoConfig(DEMO, { RXBGP_DEMO_PORT: '17x' })).toThrow('RXBGP_DEMO_PORT: expected a TCP port from 1 to 65535, got "17x"');
    expect(() => demoConfig(DEMO, { RXBGP_DEMO_B: '127.0.0.1' })).toThrow('RXBGP_DEMO_A and RXBGP_DEMO_B: a and b need two different addresses, both are 127.0.0.1');
  });
});

/** Whether `pid` still runs (a zombie waiting for init counts as gone). */
function running(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => T | undefined, ms: number, context: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}\n${context()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  it('brings the demo session up on the addresses and port of RXBGP_DEMO_*, and stops when npm is killed', async () => {
    // A stale dist/ would make npm start run tsc here, rewriting dist/ under the specs running beside this one.
    const stale = staleReason(REPO);
    if (stale) throw new Error(`dist/ is not up to date (${stale}): run npm run build first (npm test does)`);
    const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-demo-spec-'));
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: REPO,
      // Its own runtime directory: the demo's default control socket is not another daemon's.
      env: { ...process.env, RXBGP_DEMO_A: A, RXBGP_DEMO_B: B, RXBGP_DEMO_PORT: String(PORT), XDG_RUNTIME_DIR: runtime },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: Array<{ pid: number; type: string; neighbor: { address: { local: string; peer: string }; state?: string } }> = [];
    let stdout = '';
    let stderr = '';
    npm.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop()!;
      for (const line of lines) events.push(JSON.parse(line));
    });
    npm.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const context = () => `--- stderr ---\n${stderr}\n--- last events ---\n${events.slice(-3).map((e) => JSON.stringify(e)).join('\n')}`;
    let daemon: number | undefined;
    try {
      const up = (local: string, peer: string) => events.find((e) => e.type === 'state' && e.neighbor.state === 'up' && e.neighbor.address.local === local && e.neighbor.address.peer === peer);
      await until(`a (${A}) up with b (${B})`, () => up(A, B), 15000, context);
      const event = await until(`b (${B}) up with a (${A})`, () => up(B, A), 15000, context);
      daemon = event.pid;
      expect(stderr).toContain(`rxbgp demo: a ${A}, b ${B}, port ${PORT} (from RXBGP_DEMO_*)`);
      expect(stderr).toContain(`listening on ${B}:${PORT}`);
      expect(stderr).not.toContain('rxbgp: building');

      // npm forwards the SIGTERM to its shell only, which dies of it: the daemon sees its parent go.
      npm.kill('SIGTERM');
      await until('the demo daemon to exit after npm was killed', () => (running(daemon!) ? undefined : true), 10000, context);
      expect(stderr).toMatch(/parent process \d+ exited \(rxbgp was started by npm start\): closing sessions/);
    } finally {
      npm.kill('SIGKILL');
      if (daemon !== undefined && running(daemon)) process.kill(daemon, 'SIGKILL');
      fs.rmSync(runtime, { recursive: true, force: true });
    }
  }, 40000);

  // Ctrl-C in a terminal: SIGINT to every process of the foreground group, npm, its shell and the
  // daemon; npm forwards it to its child as well. With dash as /bin/sh (Debian) the shell takes
  // that copy; with bash (macOS, Fedora) the shell execs node and the daemon gets SIGINT twice, which
  // it took for a second Ctrl-C: "SIGINT again: exiting now", exit 1, its Cease maybe not sent.
  it.each([
    ['sh', '127.0.52.21', '127.0.52.22', 17526],
    ['bash', '127.0.52.23', '127.0.52.24', 17527],
  ])('Ctrl-C (npm script shell %s): both sessions end with Cease, the daemon exits 0, no process left', async (shell, a, b, port) => {
    const stale = staleReason(REPO);
    if (stale) throw new Error(`dist/ is not up to date (${stale}): run npm run build first (npm test does)`);
    const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-demo-spec-'));
    // The daemon's exit status, which npm (and with dash, the shell dying of the SIGINT) does not pass on.
    const exitHook = path.join(runtime, 'exit-status.js');
    const statusFile = path.join(runtime, 'status');
    fs.writeFileSync(exitHook, `if (/start-demo\\.js$/.test(process.argv[1] || '')) process.on('exit', (code) => require('fs').writeFileSync(${JSON.stringify(statusFile)}, String(code)));\n`);
    const npm = spawn('npm', ['start', '--silent', '--script-shell', shell], {
      cwd: REPO,
      detached: true, // its own process group, as a terminal's foreground job
      env: { ...process.env, RXBGP_DEMO_A: a, RXBGP_DEMO_B: b, RXBGP_DEMO_PORT: String(port), XDG_RUNTIME_DIR: runtime, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${exitHook}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: Array<{ pid: number; type: string; neighbor: { address: { local: string; peer: string }; state?: string; direction?: string; notification?: { code: number; subcode: number } } }> = [];
    let stdout = '';
    let stderr = '';
    npm.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop()!;
      for (const line of lines) events.push(JSON.parse(line));
    });
    npm.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const npmExit = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    const context = () => `--- stderr ---\n${stderr}\n--- last events ---\n${events.slice(-3).map((e) => JSON.stringify(e)).join('\n')}`;
    let group: number[] = [];
    try {
      const up = (local: string, peer: string) => events.find((e) => e.type === 'state' && e.neighbor.state === 'up' && e.neighbor.address.local === local && e.neighbor.address.peer === peer);
      await until(`a (${a}) up with b (${b})`, () => up(a, b), 15000, context);
      await until(`b (${b}) up with a (${a})`, () => up(b, a), 15000, context);
      group = spawnSync('ps', ['-o', 'pid=', '-g', String(npm.pid)], { encoding: 'utf8' }).stdout.trim().split(/\s+/).map(Number);
      expect(group).toContain(events[0].pid); // the daemon is in npm's process group

      process.kill(-npm.pid!, 'SIGINT');
      await until('every process of the group to end', () => (group.some(running) ? undefined : true), 15000, context);
      await npmExit;
      expect(fs.readFileSync(statusFile, 'utf8')).toBe('0');
      expect(stderr.match(/SIGINT: closing sessions/g)).toHaveLength(1);
      expect(stderr).not.toMatch(/again/);
      const ceases = events.filter((e) => e.type === 'notification' && e.neighbor.direction === 'send' && e.neighbor.notification?.code === 6 && e.neighbor.notification.subcode === 2);
      expect(ceases.map((e) => `${e.neighbor.address.local} -> ${e.neighbor.address.peer}`).sort()).toEqual([`${a} -> ${b}`, `${b} -> ${a}`]);
    } finally {
      for (const pid of group) if (running(pid)) process.kill(pid, 'SIGKILL');
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
      fs.rmSync(runtime, { recursive: true, force: true });
    }
  }, 40000);

  it('refuses a bad RXBGP_DEMO_PORT before starting anything, saying which variable and what it expects', () => {
    const r = spawnSync(process.execPath, [START], { env: { ...process.env, RXBGP_DEMO_PORT: '99999' }, encoding: 'utf8', timeout: 15000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('rxbgp demo: RXBGP_DEMO_PORT: expected a TCP port from 1 to 65535, got "99999"');
  });
});
