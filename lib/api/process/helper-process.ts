/**
 * One ExaBGP-style helper program (issue 3, "processes" in the JSON config).
 *
 * The helper prints text commands on its stdout, one per line; they come out of `lines$` in
 * batches (one emission per stdout chunk). Answers (`done` / `error`) and events (JSON or text)
 * are written to its stdin with write(). Its stderr goes to the log, one line per entry.
 *
 * Spawned like ExaBGP 4.2 does (reactor/api/processes.py): argv without a shell, the daemon's
 * environment plus TERM=dumb (no terminal escape codes in the pipe), in its own process group so a
 * Ctrl-C aimed at the daemon reaches the helper only through stop().
 *
 * Overflow policy (a helper that is slow or stops reading its stdin):
 *   The daemon never blocks on a helper: lines for its stdin wait in a queue of at most
 *   `queueLimit` lines (default 100,000), written with backpressure (stdin.write() then 'drain').
 *   When the queue is full, the OLDEST queued line is dropped to make room for the new one: a
 *   helper that catches up sees the most recent events, and sessions keep running (keepalives are
 *   not affected). Dropped lines are counted in `stats.dropped`, and a warning with the number of
 *   lines dropped is logged at most once every 10 seconds. Lines written while the helper is not
 *   running, or left queued when it exits or closes its stdin, are dropped and counted the same way.
 *   Note that dropped lines may include `done` / `error` acknowledgements.
 *
 * Lifecycle: with `respawn`, an exited helper is restarted after `respawnDelayMs`, at most
 * `respawnLimit` times within `respawnWindowMs` (ExaBGP: 5 in ~64 s); one more exit within the
 * window logs "helper X exited N times in 64 s: not restarted" and the helper stays stopped
 * (start() tries again). A command that cannot be run (ENOENT, EACCES) is logged and not retried.
 * stop() closes stdin, sends SIGTERM, then SIGKILL after `stopTimeoutMs`; lines$ completes then.
 *
 * stdout lines are trimmed at the end (ExaBGP: rstrip, so "\r\n" works); a last line without a
 * newline is ignored with a warning (it may be a command cut short by a crash); lines longer than
 * `maxLineLength` are dropped with an error log.
 */
import { spawn, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import { Observable, Subject } from 'rxjs';
import { LineSplitter } from '../line-splitter';
import { RespawnBudget } from './respawn-budget';
import { LineFeeder } from './line-feeder';
import { PROCESS_DEFAULTS, type ProcessConfig, type ProcessLog, type ProcessRunnerOptions } from './types';

/** At most one overflow warning per helper in this interval. */
const DROP_WARNING_INTERVAL_MS = 10_000;
/** stop(): time given to a helper to leave on its own once its stdin is closed (ExaBGP waits 0.1 s). */
const STOP_GRACE_MS = 100;
/** stop(): how long to wait for the exit after SIGKILL before giving up waiting (should never happen). */
const KILL_WAIT_MS = 2_000;
/** stop(): how long to wait, after the exit, for the last stdout bytes before lines$ completes. */
const OUTPUT_FLUSH_MS = 500;

type Phase = 'idle' | 'running' | 'respawning' | 'given-up' | 'failed' | 'stopped';

/** One spawned instance of the helper; events of an old instance are recognised by identity. */
interface Run {
  readonly child: ChildProcess;
  readonly feeder: LineFeeder;
  spawned: boolean;
  exited: boolean;
  readonly exit: Promise<void>;
  readonly closed: Promise<void>;
}

export class HelperProcess {
  /** Command lines the helper printed (one emission per stdout chunk). Subscribe before start(). */
  readonly lines$: Observable<string[]>;
  readonly stats: { readonly queued: number; readonly dropped: number; readonly restarts: number; readonly running: boolean };

  private readonly linesSubject = new Subject<string[]>();
  private readonly log: ProcessLog;
  private readonly queueLimit: number;
  private readonly respawnDelayMs: number;
  private readonly stopTimeoutMs: number;
  private readonly maxLineLength: number;
  private readonly budget: RespawnBudget;
  private phase: Phase = 'idle';
  private current: Run | undefined;
  private respawnTimer: NodeJS.Timeout | undefined;
  private stopping: Promise<void> | undefined;
  private dropped = 0;
  private restarts = 0;
  private droppedUnreported = 0;
  private lastDropWarning = -Infinity;
  private dropWarningTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly config: ProcessConfig,
    opts: ProcessRunnerOptions,
  ) {
    this.log = opts.log;
    this.queueLimit = positive(opts.queueLimit, PROCESS_DEFAULTS.queueLimit);
    this.respawnDelayMs = opts.respawnDelayMs ?? PROCESS_DEFAULTS.respawnDelayMs;
    this.stopTimeoutMs = opts.stopTimeoutMs ?? PROCESS_DEFAULTS.stopTimeoutMs;
    this.maxLineLength = positive(opts.maxLineLength, PROCESS_DEFAULTS.maxLineLength);
    this.budget = new RespawnBudget(
      opts.respawnLimit ?? PROCESS_DEFAULTS.respawnLimit,
      opts.respawnWindowMs ?? PROCESS_DEFAULTS.respawnWindowMs,
    );
    this.lines$ = this.linesSubject.asObservable();
    const self = this;
    this.stats = {
      get queued() {
        return self.current?.feeder.queued ?? 0;
      },
      get dropped() {
        return self.dropped;
      },
      get restarts() {
        return self.restarts;
      },
      get running() {
        return self.phase === 'running';
      },
    };
  }

  /** Process id of the running helper, if any (for logs and for tests). */
  get pid(): number | undefined {
    return this.phase === 'running' ? this.current?.child.pid : undefined;
  }

  /** Starts the helper. No-op while it runs; after a give-up or a spawn failure, tries again. */
  start(): void {
    if (this.phase === 'stopped') {
      this.log.warn(`helper ${this.config.name}: start() after stop() ignored`);
      return;
    }
    if (this.phase === 'running' || this.phase === 'respawning') return;
    this.budget.reset();
    this.spawnRun();
  }

  /** Queue one line (no newline) for the helper's stdin. Never blocks, never throws. False when it was dropped. */
  write(line: string): boolean {
    const run = this.current;
    if (this.phase !== 'running' || run === undefined) {
      this.noteDropped(1);
      return false;
    }
    return run.feeder.push(line);
  }

  /** Stops the helper: closes stdin, SIGTERM, SIGKILL after a bounded wait; no respawn. */
  stop(): Promise<void> {
    if (this.stopping === undefined) this.stopping = this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.phase = 'stopped';
    if (this.respawnTimer !== undefined) clearTimeout(this.respawnTimer);
    this.respawnTimer = undefined;
    const run = this.current;
    if (run !== undefined && run.spawned && !run.exited) {
      const name = this.config.name;
      run.feeder.end();
      if (!(await within(run.exit, STOP_GRACE_MS))) {
        this.signal(run, 'SIGTERM');
        if (!(await within(run.exit, this.stopTimeoutMs))) {
          this.log.warn(`helper ${name} did not exit ${this.stopTimeoutMs} ms after SIGTERM: sending SIGKILL`);
          this.signal(run, 'SIGKILL');
          if (!(await within(run.exit, KILL_WAIT_MS))) this.log.error(`helper ${name} (pid ${run.child.pid}) survived SIGKILL`);
        }
      }
      await within(run.closed, OUTPUT_FLUSH_MS);
    }
    this.flushDropWarning();
    this.linesSubject.complete();
  }

  private spawnRun(): void {
    const { name, run: argv, cwd } = this.config;
    if (argv.length === 0 || argv[0] === '') {
      this.phase = 'failed';
      this.log.error(`helper ${name}: "run" is empty, nothing to start`);
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn(argv[0], argv.slice(1), {
        cwd,
        env: { ...process.env, TERM: 'dumb' },
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
    } catch (err) {
      this.spawnFailed(err as Error);
      return;
    }
    let exited!: () => void;
    let closed!: () => void;
    const run: Run = {
      child,
      // spawn() sets the pid synchronously when the program started; its 'spawn' event comes later.
      spawned: child.pid !== undefined,
      exited: false,
      exit: new Promise((resolve) => (exited = resolve)),
      closed: new Promise((resolve) => (closed = resolve)),
      feeder: new LineFeeder(child.stdin!, this.queueLimit, {
        dropped: (n) => this.noteDropped(n),
        broken: (error) => {
          if (this.current === run && !run.exited && this.phase === 'running')
            this.log.warn(`helper ${name} closed its stdin (${errorText(error)}): lines for it are dropped`);
        },
      }),
    };
    this.current = run;
    this.phase = 'running';

    child.once('spawn', () => {
      this.log.info(`helper ${name} started (pid ${child.pid}): ${argv.join(' ')}`);
    });
    child.on('error', (error: Error) => {
      if (!run.spawned) {
        run.exited = true;
        exited();
        if (this.current === run && this.phase === 'running') this.spawnFailed(error);
      } else {
        this.log.error(`helper ${name}: ${errorText(error)}`);
      }
    });
    child.once('exit', (code, signal) => {
      run.exited = true;
      exited();
      this.onExit(run, code, signal);
    });
    child.once('close', () => closed());

    const stdout = new LineSplitter({
      maxLineLength: this.maxLineLength,
      trim: 'whitespace',
      onOverlong: () => this.log.error(`helper ${name}: dropped a stdout line longer than ${this.maxLineLength} characters`),
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = stdout.push(chunk);
      if (lines.length > 0) this.linesSubject.next(lines);
    });
    child.stdout!.on('end', () => {
      const rest = stdout.finish();
      if (rest.trim() !== '') this.log.warn(`helper ${name}: ignored its last output line, not ended by a newline: ${clip(rest)}`);
    });
    child.stdout!.on('error', (error: Error) => this.log.error(`helper ${name} stdout: ${errorText(error)}`));

    const stderr = new LineSplitter({
      maxLineLength: this.maxLineLength,
      trim: 'whitespace',
      onOverlong: () => this.log.error(`helper ${name}: dropped a stderr line longer than ${this.maxLineLength} characters`),
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      for (const line of stderr.push(chunk)) this.log.info(`helper ${name} stderr: ${line}`);
    });
    child.stderr!.on('end', () => {
      const rest = stderr.finish();
      if (rest.trim() !== '') this.log.info(`helper ${name} stderr: ${rest.trimEnd()}`);
    });
    child.stderr!.on('error', (error: Error) => this.log.error(`helper ${name} stderr: ${errorText(error)}`));
  }

  private spawnFailed(error: Error): void {
    this.phase = 'failed';
    const code = (error as NodeJS.ErrnoException).code;
    const { cwd } = this.config;
    // A missing working directory also fails with ENOENT: say which of the two is missing.
    const why =
      code === 'ENOENT'
        ? cwd !== undefined && !existsSync(cwd)
          ? `working directory ${cwd} not found`
          : 'command not found'
        : code === 'EACCES'
          ? 'permission denied'
          : errorText(error);
    this.log.error(`helper ${this.config.name}: cannot run "${this.config.run[0]}": ${why}${code ? ` (${code})` : ''}; not restarted`);
    this.current?.feeder.destroy();
  }

  private onExit(run: Run, code: number | null, signal: NodeJS.Signals | null): void {
    run.feeder.destroy();
    if (this.current !== run || this.phase !== 'running') {
      if (this.phase === 'stopped') this.log.info(`helper ${this.config.name} stopped (${exitText(code, signal)})`);
      return;
    }
    const name = this.config.name;
    const how = exitText(code, signal);
    if (!this.config.respawn) {
      this.phase = 'idle';
      const message = `helper ${name} exited (${how}); respawn is off`;
      if (code === 0) this.log.info(message);
      else this.log.warn(message);
      return;
    }
    const now = performance.now();
    if (!this.budget.tryRestart(now)) {
      this.phase = 'given-up';
      this.log.error(
        `helper ${name} exited ${this.budget.recent(now) + 1} times in ${windowText(this.budget.windowMs)}: not restarted (last: ${how})`,
      );
      return;
    }
    this.phase = 'respawning';
    this.log.warn(`helper ${name} exited (${how}); restarting in ${this.respawnDelayMs} ms`);
    this.respawnTimer = setTimeout(() => {
      this.respawnTimer = undefined;
      if (this.phase !== 'respawning') return;
      this.restarts++;
      this.spawnRun();
    }, this.respawnDelayMs);
  }

  private signal(run: Run, signal: NodeJS.Signals): void {
    try {
      run.child.kill(signal);
    } catch (err) {
      this.log.debug(`helper ${this.config.name}: ${signal} failed: ${errorText(err as Error)}`);
    }
  }

  /** Counts dropped lines and warns at most once per DROP_WARNING_INTERVAL_MS (a timer reports the rest). */
  private noteDropped(n: number): void {
    this.dropped += n;
    this.droppedUnreported += n;
    if (this.dropWarningTimer !== undefined) return;
    const wait = this.lastDropWarning + DROP_WARNING_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      this.warnDropped();
      return;
    }
    this.dropWarningTimer = setTimeout(() => {
      this.dropWarningTimer = undefined;
      this.warnDropped();
    }, wait);
    // A pending warning must not keep the daemon alive.
    this.dropWarningTimer.unref();
  }

  private warnDropped(): void {
    if (this.droppedUnreported === 0) return;
    this.lastDropWarning = performance.now();
    this.log.warn(
      `helper ${this.config.name}: dropped ${this.droppedUnreported} line(s) for its stdin ` +
        `(queue limit ${this.queueLimit}, oldest dropped first; ${this.dropped} in total)`,
    );
    this.droppedUnreported = 0;
  }

  private flushDropWarning(): void {
    if (this.dropWarningTimer !== undefined) clearTimeout(this.dropWarningTimer);
    this.dropWarningTimer = undefined;
    this.warnDropped();
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Resolves true when `p` settles within `ms`, false otherwise; never leaves a timer behind. */
function within(p: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void p.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function exitText(code: number | null, signal: NodeJS.Signals | null): string {
  return signal !== null ? `killed by ${signal}` : `exit code ${code ?? 'unknown'}`;
}

function windowText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function errorText(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
