/**
 * The daemon's signals (lib/cli/daemon-signals.ts): held while it starts, acted on once it can;
 * a stop request echoed by a launcher is one request. Unit tests on an emitter and a fake clock,
 * then `rxbgp run` as a user runs it, signalled while it starts.
 */
import { spawn } from 'child_process';
import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DaemonSignals, STOP_ECHO_MS, type DaemonSignal } from '../../lib/cli/daemon-signals';
import { BIN, rxbgp } from '../e2e/rxbgp-process';

function harness() {
  const source = new EventEmitter();
  let now = 0;
  const forced: DaemonSignal[] = [];
  const signals = new DaemonSignals(source, () => now, (s) => forced.push(s));
  const got: string[] = [];
  return {
    signals,
    forced,
    got,
    send: (s: DaemonSignal, after = 0) => {
      now += after;
      source.emit(s);
    },
    ready: () => signals.deliver((s, held) => got.push(held ? `${s} (held)` : s)),
  };
}

describe('DaemonSignals', () => {
  it('holds what comes during startup, each signal once in the order it came, and hands it on when the daemon is ready', () => {
    const h = harness();
    h.send('SIGHUP');
    h.send('SIGUSR1', 10);
    h.send('SIGHUP', 10);
    expect(h.signals.stopRequested).toBeUndefined();
    expect(h.got).toEqual([]);
    h.ready();
    expect(h.got).toEqual(['SIGHUP (held)', 'SIGUSR1 (held)']);
    h.send('SIGHUP', 10);
    h.send('SIGALRM', 10);
    expect(h.got.slice(2)).toEqual(['SIGHUP', 'SIGALRM']);
  });

  it('says a stop was asked for during startup; a second one later forces the exit', () => {
    const h = harness();
    h.send('SIGHUP');
    h.send('SIGTERM', 10);
    expect(h.signals.stopRequested).toBe('SIGTERM');
    h.send('SIGINT', STOP_ECHO_MS + 1);
    expect(h.forced).toEqual(['SIGINT']);
  });

  it('takes a stop signal repeated within STOP_ECHO_MS as the same request (a launcher forwarding the terminal\'s Ctrl-C), a later one as a new one', () => {
    const h = harness();
    h.ready();
    h.send('SIGINT');
    h.send('SIGINT', 5); // npm forwards the Ctrl-C its process group got too
    h.send('SIGTERM', STOP_ECHO_MS - 10);
    expect(h.got).toEqual(['SIGINT']);
    h.send('SIGINT', 20);
    expect(h.got).toEqual(['SIGINT', 'SIGINT']);
    // Reloads are never merged: each may follow an edit of the file.
    h.send('SIGHUP');
    h.send('SIGHUP', 1);
    expect(h.got.slice(2)).toEqual(['SIGHUP', 'SIGHUP']);
  });

  it('during startup, an echoed stop request does not force the exit', () => {
    const h = harness();
    h.send('SIGINT');
    h.send('SIGINT', 3);
    expect(h.forced).toEqual([]);
    expect(h.signals.stopRequested).toBe('SIGINT');
  });
});

/** The signals a process catches now, from /proc (bit n-1 of SigCgt is signal n). */
function catches(pid: number, signal: number): boolean {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return ((BigInt(`0x${/SigCgt:\s*([0-9a-f]+)/.exec(status)![1]}`) >> BigInt(signal - 1)) & 1n) === 1n;
  } catch {
    return false;
  }
}

const SIGHUP = 1;

describe('rxbgp run signalled while it starts', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const children: ReturnType<typeof spawn>[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-startsig-'));
    env = { ...process.env, XDG_RUNTIME_DIR: path.join(dir, 'run') };
    fs.mkdirSync(env.XDG_RUNTIME_DIR!, { mode: 0o700 });
  });

  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * `rxbgp run` on a config whose policy module, loaded while the daemon starts (before its
   * sessions), writes `loading` and then waits for a `go` file: a slow startup the test controls,
   * as a large prefix list or MRT dump makes one.
   */
  function start(gated: boolean) {
    const policy = path.join(dir, 'slow.js');
    fs.writeFileSync(
      policy,
      [
        "const fs = require('fs');",
        `fs.writeFileSync(${JSON.stringify(path.join(dir, 'loading'))}, '');`,
        'const pause = new Int32Array(new SharedArrayBuffer(4));',
        `while (${gated} && !fs.existsSync(${JSON.stringify(path.join(dir, 'go'))})) Atomics.wait(pause, 0, 0, 10);`,
        "module.exports = () => (source) => source;",
      ].join('\n'),
    );
    const file = path.join(dir, 'c.json');
    fs.writeFileSync(file, JSON.stringify({ events: { output: 'none' }, policies: { slow: { module: policy } }, neighbors: [] }));
    const child = spawn(process.execPath, [BIN, 'run', file], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const until = async (what: string, pred: () => boolean, ms = 15000) => {
      const deadline = Date.now() + ms;
      while (!pred()) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`rxbgp run ended (${child.exitCode ?? child.signalCode}) while waiting for ${what}; stderr:\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    return { child, file, exited, until, stderr: () => stderr, go: () => fs.writeFileSync(path.join(dir, 'go'), '') };
  }

  const loading = () => fs.existsSync(path.join(dir, 'loading'));
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

  it('SIGHUP while it starts: it keeps running, starts, and reloads the config once started', async () => {
    const d = start(true);
    await d.until('the policy module loading (startup under way)', loading);
    d.child.kill('SIGHUP'); // before: the default action, the daemon gone without a word
    d.go();
    await d.until('the reload', () => /config reloaded/.test(d.stderr()));
    expect(d.stderr().indexOf('rxbgp started')).toBeGreaterThan(-1);
    expect(d.stderr().indexOf('config reloaded')).toBeGreaterThan(d.stderr().indexOf('rxbgp started'));
    expect(count(d.stderr(), /config reloaded/g)).toBe(1);
    // Alive and answering.
    const r = await rxbgp(['cli', 'show', 'neighbor', 'summary'], env);
    expect(r.status).toBe(0);
    d.child.kill('SIGTERM');
    expect(await d.exited).toEqual({ code: 0, signal: null });
  }, 40000);

  it('SIGTERM while it starts: it stops cleanly, exit 0, its control socket removed', async () => {
    const d = start(true);
    await d.until('the policy module loading (startup under way)', loading);
    d.child.kill('SIGTERM');
    d.go();
    expect(await d.exited).toEqual({ code: 0, signal: null });
    expect(d.stderr()).toMatch(/SIGTERM: closing sessions|SIGTERM during startup: not starting/);
    expect(d.stderr()).toMatch(/control socket \S+ closed/);
  }, 40000);

  it('a second SIGINT more than STOP_ECHO_MS after the first, while the shutdown waits on a helper, exits at once (status 1)', async () => {
    // A helper that ignores SIGTERM: the daemon's shutdown waits 3 s for it before SIGKILL.
    const helper = path.join(dir, 'stubborn.js');
    const pidFile = path.join(dir, 'helper.pid');
    fs.writeFileSync(helper, [`require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));`, "process.on('SIGTERM', () => undefined);", 'setTimeout(() => process.exit(0), 15000);'].join('\n'));
    const file = path.join(dir, 'c.json');
    fs.writeFileSync(file, JSON.stringify({ events: { output: 'none' }, processes: { stubborn: { run: [process.execPath, helper], respawn: false } }, neighbors: [] }));
    const child = spawn(process.execPath, [BIN, 'run', file], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 15000;
      while (!(fs.existsSync(pidFile) && /rxbgp started/.test(stderr))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for the helper; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      child.kill('SIGINT');
      await new Promise((r) => setTimeout(r, STOP_ECHO_MS + 200));
      child.kill('SIGINT');
      expect(await exited).toBe(1);
      expect(stderr).toMatch(/SIGINT: closing sessions[\s\S]*SIGINT again: exiting now/);
    } finally {
      if (fs.existsSync(pidFile)) {
        try {
          process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }
  }, 30000);

  it('SIGHUP or SIGTERM while its modules load (before runDaemon runs): reload once started, or exit 0', async () => {
    // The modules take half a second to load, more on a busy machine: a preloaded hook holds the
    // load of dist/lib/cli/main.js at a gate. Node's own start-up, before any JavaScript runs, is
    // the one window left, where nothing can catch a signal.
    const hook = path.join(dir, 'hold-main.js');
    fs.writeFileSync(
      hook,
      [
        "const Module = require('module');",
        "const fs = require('fs');",
        'const load = Module._load;',
        'Module._load = function (request, ...rest) {',
        '  if (/cli[\\\\/]main\\.js$/.test(request)) {',
        `    fs.writeFileSync(${JSON.stringify(path.join(dir, 'loading-main'))}, '');`,
        '    const pause = new Int32Array(new SharedArrayBuffer(4));',
        `    while (!fs.existsSync(${JSON.stringify(path.join(dir, 'go-main'))})) Atomics.wait(pause, 0, 0, 10);`,
        '  }',
        '  return load.call(this, request, ...rest);',
        '};',
      ].join('\n'),
    );
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${hook}`;
    const loadingMain = () => fs.existsSync(path.join(dir, 'loading-main'));
    const goMain = () => fs.writeFileSync(path.join(dir, 'go-main'), '');

    const hup = start(false);
    await hup.until('the modules loading', loadingMain);
    expect(catches(hup.child.pid!, SIGHUP)).toBe(true); // the kernel's word: caught, not the default action
    hup.child.kill('SIGHUP');
    goMain();
    await hup.until('the reload', () => /config reloaded/.test(hup.stderr()));
    expect(hup.stderr().indexOf('config reloaded')).toBeGreaterThan(hup.stderr().indexOf('rxbgp started'));
    hup.child.kill('SIGTERM');
    expect(await hup.exited).toEqual({ code: 0, signal: null });

    for (const f of ['loading-main', 'go-main']) fs.rmSync(path.join(dir, f));
    const term = start(false);
    await term.until('the modules loading', loadingMain);
    term.child.kill('SIGTERM');
    goMain();
    expect(await term.exited).toEqual({ code: 0, signal: null });
    expect(term.stderr()).toMatch(/SIGTERM: closing sessions|SIGTERM during startup: not starting/);
  }, 40000);
});
