/**
 * HelperProcess with real child processes (fixtures/*.js run by this node, or /bin/sh).
 * Every helper is stopped after its test; every fixture also exits by itself (fixtures/guard.js).
 */
import * as path from 'path';
import { HelperProcess } from '../../../lib/api/process';
import type { ProcessConfig, ProcessRunnerOptions } from '../../../lib/api/process';

const FIXTURES = path.join(__dirname, 'fixtures');
const node = (script: string, ...args: string[]): string[] => [process.execPath, path.join(FIXTURES, script), ...args];

/** A log that keeps what it was given, per level. */
function recordingLog() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const infos: string[] = [];
  const log: ProcessRunnerOptions['log'] = {
    error: (m) => void errors.push(m),
    warn: (m) => void warnings.push(m),
    info: (m) => void infos.push(m),
    debug: () => undefined,
  };
  return { log, errors, warnings, infos };
}

interface Harness {
  helper: HelperProcess;
  batches: string[][];
  lines: () => string[];
  completed: () => boolean;
  errors: string[];
  warnings: string[];
  infos: string[];
}

const started: HelperProcess[] = [];

function harness(config: Partial<ProcessConfig> & { run: string[] }, opts: Partial<ProcessRunnerOptions> = {}): Harness {
  const { log, errors, warnings, infos } = recordingLog();
  const helper = new HelperProcess({ name: 'test-helper', encoder: 'json', respawn: false, ...config }, { ...opts, log });
  started.push(helper);
  const batches: string[][] = [];
  let done = false;
  helper.lines$.subscribe({ next: (b) => batches.push(b), complete: () => (done = true) });
  return {
    helper,
    batches,
    lines: () => batches.flat(),
    completed: () => done,
    errors,
    warnings,
    infos,
  };
}

/** Polls until `cond` holds; fails after `ms` (a bound, not a measurement). */
async function waitFor(what: string, cond: () => boolean, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.stop()));
});

describe('HelperProcess', () => {
  it('delivers the lines a helper prints in order, batched per chunk', async () => {
    const h = harness({ run: node('print-lines.js', '5000') });
    h.helper.start();
    await waitFor('5000 lines', () => h.lines().length >= 5000);
    expect(h.lines()).toEqual(Array.from({ length: 5000 }, (_, i) => `line ${i + 1}`));
    expect(h.batches.length).toBeLessThanOrEqual(50);
    expect(h.helper.stats.running).toBe(true);
    expect(h.helper.pid).toEqual(expect.any(Number));
    await h.helper.stop();
    expect(h.completed()).toBe(true);
    expect(h.helper.stats.running).toBe(false);
  });

  it('joins lines cut across chunks, handles \\r\\n and UTF-8, and ignores an unterminated last line', async () => {
    const h = harness({ run: node('chunked-output.js') });
    h.helper.start();
    await waitFor('the exit', () => h.infos.some((m) => m.includes('exited (exit code 0)')));
    await waitFor('the warning', () => h.warnings.length > 0);
    expect(h.lines()).toEqual(['announce route 10.0.0.0/24 next-hop self', 'second line €', 'third', '']);
    expect(h.batches.length).toBeGreaterThan(1);
    expect(h.warnings).toEqual([expect.stringContaining('not ended by a newline: cut short, no newline')]);
    expect(h.helper.stats.running).toBe(false);
  });

  it('writes lines to the helper stdin (a helper that echoes them back)', async () => {
    const h = harness({ run: node('echo-stdin.js') });
    h.helper.start();
    expect(h.helper.write('done')).toBe(true);
    expect(h.helper.write('{"exabgp": "4.0.1", "type": "state"}')).toBe(true);
    await waitFor('2 echoes', () => h.lines().length >= 2);
    expect(h.lines()).toEqual(['echo done', 'echo {"exabgp": "4.0.1", "type": "state"}']);
  });

  it('keeps order and drops nothing for a helper that reads (through backpressure and drain)', async () => {
    const h = harness({ run: node('echo-stdin.js') });
    h.helper.start();
    const pad = 'p'.repeat(100);
    for (let i = 0; i < 20_000; i++) h.helper.write(`${i} ${pad}`);
    await waitFor('20000 echoes', () => h.lines().length >= 20_000, 15_000);
    const lines = h.lines();
    expect(lines.length).toBe(20_000);
    expect(lines.every((l, i) => l === `echo ${i} ${pad}`)).toBe(true);
    expect(h.helper.stats.dropped).toBe(0);
    expect(h.helper.stats.queued).toBe(0);
  });

  it('runs in the configured cwd with TERM=dumb and logs stderr lines with the helper name', async () => {
    const h = harness({ name: 'envy', run: node('report-env.js'), cwd: FIXTURES });
    h.helper.start();
    await waitFor('2 lines', () => h.lines().length >= 2);
    expect(h.lines()).toEqual([`cwd ${FIXTURES}`, 'term dumb']);
    await waitFor('stderr', () => h.infos.filter((m) => m.includes('stderr')).length >= 2);
    expect(h.infos.filter((m) => m.includes('stderr'))).toEqual(['helper envy stderr: first warning', 'helper envy stderr: second warning']);
  });

  it('respawns an exiting helper up to the limit, then logs a clear error and stays stopped', async () => {
    const h = harness(
      { name: 'flappy', run: ['/bin/sh', '-c', 'echo started; exit 3'], respawn: true },
      { respawnLimit: 3, respawnWindowMs: 60_000, respawnDelayMs: 20 },
    );
    h.helper.start();
    await waitFor('the give-up', () => h.errors.length > 0);
    expect(h.errors).toEqual([expect.stringContaining('helper flappy exited 4 times in 60 s: not restarted')]);
    await waitFor('4 starts', () => h.lines().length >= 4);
    expect(h.lines()).toEqual(['started', 'started', 'started', 'started']);
    expect(h.helper.stats.restarts).toBe(3);
    expect(h.warnings.filter((m) => m.includes('exited (exit code 3); restarting'))).toHaveLength(3);
    // Ten times the respawn delay later, nothing was started again.
    await new Promise((r) => setTimeout(r, 200));
    expect(h.lines()).toHaveLength(4);
    expect(h.helper.stats.running).toBe(false);
    expect(h.helper.write('lost')).toBe(false);
    await h.helper.stop();
    expect(h.completed()).toBe(true);
  });

  it('logs a spawn failure naming the command, without crashing or respawning', async () => {
    const h = harness({ name: 'ghost', run: ['/nonexistent/rxbgp-helper', '--x'], respawn: true }, { respawnDelayMs: 10 });
    h.helper.start();
    await waitFor('the error', () => h.errors.length > 0);
    expect(h.errors).toEqual([
      'helper ghost: cannot run "/nonexistent/rxbgp-helper": command not found (ENOENT); not restarted',
    ]);
    expect(h.helper.stats.running).toBe(false);
    expect(h.helper.stats.restarts).toBe(0);
    expect(h.helper.write('x')).toBe(false);
    expect(h.helper.stats.dropped).toBe(1);
    await h.helper.stop();
    expect(h.completed()).toBe(true);
  });

  it('says when the missing thing is the working directory, and when the command is not executable', async () => {
    const noDir = harness({ name: 'lost', run: node('echo-stdin.js'), cwd: '/nonexistent/rxbgp-dir' });
    const noExec = harness({ name: 'plain', run: [path.join(FIXTURES, 'guard.js')] });
    noDir.helper.start();
    noExec.helper.start();
    await waitFor('the errors', () => noDir.errors.length > 0 && noExec.errors.length > 0);
    expect(noDir.errors).toEqual([expect.stringContaining('working directory /nonexistent/rxbgp-dir not found (ENOENT)')]);
    expect(noExec.errors).toEqual([expect.stringContaining('permission denied (EACCES); not restarted')]);
  });

  it('never blocks on a helper that never reads: bounded queue, oldest dropped, one warning, event loop alive', async () => {
    const queueLimit = 100_000;
    const h = harness({ name: 'deaf', run: node('never-reads.js') });
    h.helper.start();
    await waitFor('ready', () => h.lines().length > 0);
    const pid = Number(h.lines()[0].split(' ')[1]);

    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const pad = 'e'.repeat(190);
    let maxQueued = 0;
    let refused = 0;
    try {
      for (let batch = 0; batch < 20; batch++) {
        for (let i = 0; i < 10_000; i++) if (!h.helper.write(`${batch * 10_000 + i} ${pad}`)) refused++;
        maxQueued = Math.max(maxQueued, h.helper.stats.queued);
        // yield to the event loop between batches, as the daemon does between socket chunks
        await new Promise((r) => setTimeout(r, 2));
      }
    } finally {
      clearInterval(ticker);
    }
    expect(refused).toBe(0); // every new line was queued; older ones made room
    expect(ticks).toBeGreaterThan(0);
    expect(maxQueued).toBeLessThanOrEqual(queueLimit);
    expect(h.helper.stats.queued).toBe(queueLimit);
    // Only what fits in the pipe and Node's stream buffer (a few hundred lines) was not dropped.
    expect(h.helper.stats.dropped).toBeGreaterThan(200_000 - queueLimit - 2_000);
    expect(h.helper.stats.dropped).toBeLessThanOrEqual(200_000 - queueLimit);
    expect(h.warnings).toHaveLength(1);
    expect(h.warnings[0]).toMatch(/^helper deaf: dropped 1 line\(s\) for its stdin \(queue limit 100000, oldest dropped first/);
    expect(h.helper.stats.running).toBe(true);
    expect(isAlive(pid)).toBe(true);

    await h.helper.stop();
    expect(isAlive(pid)).toBe(false);
    expect(h.helper.stats.queued).toBe(0);
    // stop() reports the drops not yet reported
    expect(h.warnings).toHaveLength(2);
    expect(h.warnings[1]).toContain(`${h.helper.stats.dropped} in total`);
  });

  it('stop() kills a helper that ignores SIGTERM within the bounded wait', async () => {
    const h = harness({ name: 'stubborn', run: node('ignore-sigterm.js'), respawn: true }, { stopTimeoutMs: 300 });
    h.helper.start();
    await waitFor('ready', () => h.lines().length > 0);
    const pid = Number(h.lines()[0].split(' ')[1]);
    expect(isAlive(pid)).toBe(true);
    await h.helper.stop();
    expect(isAlive(pid)).toBe(false);
    expect(h.warnings).toContain('helper stubborn did not exit 300 ms after SIGTERM: sending SIGKILL');
    expect(h.infos).toContain('helper stubborn stopped (killed by SIGKILL)');
    expect(h.lines()).toContain('ignored SIGTERM');
    expect(h.helper.stats.restarts).toBe(0);
    expect(h.completed()).toBe(true);
  });

  it('survives a helper that closes its stdin (EPIPE): one warning, later lines dropped', async () => {
    const h = harness({ name: 'closed', run: node('closes-stdin.js') });
    h.helper.start();
    await waitFor('stdin closed', () => h.lines().length > 0);
    const line = 'c'.repeat(1000);
    for (let i = 0; i < 200 && h.helper.write(line); i++) await new Promise((r) => setImmediate(r));
    await waitFor('the warning', () => h.warnings.some((m) => m.includes('closed its stdin')));
    expect(h.warnings.filter((m) => m.includes('closed its stdin'))).toEqual([
      expect.stringMatching(/^helper closed closed its stdin \(.*EPIPE.*\): lines for it are dropped$/),
    ]);
    expect(h.helper.write('after')).toBe(false);
    expect(h.helper.stats.running).toBe(true);
  });

  it('drops over-long stdout lines with an error and keeps the others', async () => {
    const h = harness({ name: 'wordy', run: node('long-line.js') }, { maxLineLength: 5000 });
    h.helper.start();
    await waitFor('2 lines', () => h.lines().length >= 2);
    expect(h.lines()).toEqual(['short', 'last']);
    expect(h.errors).toEqual([
      'helper wordy: dropped a stdout line longer than 5000 characters',
      'helper wordy: dropped a stdout line longer than 5000 characters',
    ]);
  });

  it('refuses start() after stop() and drops lines written before start()', async () => {
    const h = harness({ run: node('echo-stdin.js') });
    expect(h.helper.write('too early')).toBe(false);
    expect(h.helper.stats.dropped).toBe(1);
    await h.helper.stop();
    h.helper.start();
    expect(h.helper.stats.running).toBe(false);
    expect(h.warnings).toContain('helper test-helper: start() after stop() ignored');
  });
});
