/**
 * A daemon the benchmark started: spawned in the foreground as our child, its output read line by
 * line (stdout and stderr), stopped by its own PID only. Every live child is in one set so that an
 * interrupted run (SIGINT, a crash, a deadline) stops exactly what it started and nothing else.
 */
import { spawn, type ChildProcess } from 'child_process';

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface TrackedChildOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly onStdoutLine?: (line: string) => void;
  readonly onStderrLine?: (line: string) => void;
}

/** Lines kept per process for error messages. */
const TAIL_LINES = 30;

const running = new Set<TrackedChild>();

export class TrackedChild {
  readonly name: string;
  readonly pid: number;
  private readonly proc: ChildProcess;
  private readonly tail: string[] = [];
  private status: ExitStatus | undefined;
  private readonly exited: Promise<ExitStatus>;

  constructor(o: TrackedChildOptions) {
    this.name = o.name;
    this.proc = spawn(o.command, [...o.args], { cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    // A program that cannot be started (ENOENT) has no PID and reports an 'error' event later.
    const failed = new Promise<Error>((resolve) => this.proc.once('error', resolve));
    if (this.proc.pid === undefined) throw new Error(`${o.name}: cannot start ${o.command} (is it installed?)`);
    this.pid = this.proc.pid;
    running.add(this);
    this.exited = new Promise((resolve) => {
      const ended = (status: ExitStatus) => {
        running.delete(this);
        this.status ??= status;
        resolve(this.status);
      };
      this.proc.once('exit', (code, signal) => ended({ code, signal }));
      void failed.then((err) => {
        this.keep(`${o.command}: ${err.message}`);
        ended({ code: null, signal: null });
      });
    });
    readLines(this.proc.stdout!, (line) => {
      this.keep(line);
      o.onStdoutLine?.(line);
    });
    readLines(this.proc.stderr!, (line) => {
      this.keep(line);
      o.onStderrLine?.(line);
    });
  }

  /** Undefined while it runs. */
  get exit(): ExitStatus | undefined {
    return this.status;
  }

  /** "name exited (code 1)" once it has exited, for aborting waits. */
  exitText(): string | undefined {
    const s = this.status;
    return s ? `${this.name} exited (code ${s.code}, signal ${s.signal}); last output:\n${this.lastLines()}` : undefined;
  }

  lastLines(): string {
    return this.tail.length ? this.tail.join('\n') : '(no output)';
  }

  /** Resolves with the exit status, or undefined if it still runs after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<ExitStatus | undefined> {
    return within(this.exited, timeoutMs);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  async stop(graceMs = 5000): Promise<ExitStatus> {
    if (this.status) return this.status;
    signalPid(this.pid, 'SIGTERM');
    const ended = await within(this.exited, graceMs);
    if (ended) return ended;
    signalPid(this.pid, 'SIGKILL');
    return (await within(this.exited, 5000)) ?? { code: null, signal: 'SIGKILL' };
  }

  private keep(line: string): void {
    this.tail.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
  }
}

/** Stops every child still running (used on SIGINT and at the end of each case). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop(3000)));
}

/** Last resort at process exit, when nothing can be awaited: SIGKILL by PID. */
export function killAllChildrenNow(): void {
  for (const c of running) signalPid(c.pid, 'SIGKILL');
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Calls onLine per complete line. Chunks are kept as strings and split once: a line can span many
 * chunks (rxbgp's JSON for a 4 KB UPDATE of /24s is ~30 KB), and most chunks hold many lines.
 */
export function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      partial += chunk;
      return;
    }
    onLine(partial + chunk.slice(0, nl));
    partial = '';
    start = nl + 1;
    while ((nl = chunk.indexOf('\n', start)) >= 0) {
      onLine(chunk.slice(start, nl));
      start = nl + 1;
    }
    partial = chunk.slice(start);
  });
  stream.on('end', () => {
    if (partial) onLine(partial);
    partial = '';
  });
}
