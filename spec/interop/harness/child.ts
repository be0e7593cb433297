/**
 * A daemon started by a test: spawned in the foreground as our child, its output kept as lines
 * (the last few for timeout messages, every line for callers that watch a log), stopped by its
 * own PID only. Children still alive when the test process exits are killed, so a failed or
 * interrupted run leaves no daemon behind.
 */
import { spawn, type ChildProcess } from 'child_process';

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ChildOptions {
  /** Shown in every message about this process. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Called once per complete line the process prints, stdout and stderr alike (daemons differ in which they log to). */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Lines kept per process for diagnostics: enough to see why a daemon refused or dropped a peer. */
const TAIL_LINES = 40;

const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) if (child.pid !== undefined) safeKill(child.pid, 'SIGKILL');
});

export class Child {
  readonly name: string;
  readonly pid: number;
  private readonly proc: ChildProcess;
  private readonly tail: string[] = [];
  private exitStatus: ExitStatus | undefined;
  private readonly exited: Promise<ExitStatus>;

  constructor(options: ChildOptions) {
    this.name = options.name;
    this.proc = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (this.proc.pid === undefined) throw new Error(`${this.name}: could not start ${options.command}`);
    this.pid = this.proc.pid;
    alive.add(this.proc);
    this.exited = new Promise((resolve) => {
      this.proc.once('exit', (code, signal) => {
        alive.delete(this.proc);
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      splitLines(this.proc[stream]!, (line) => {
        this.keep(line);
        options.onLine?.(line, stream);
      });
    }
  }

  /** Undefined while the process runs. */
  get exit(): ExitStatus | undefined {
    return this.exitStatus;
  }

  /** The last lines the process printed (stdout and stderr interleaved), for error messages. */
  lastLines(): string {
    return this.tail.length ? this.tail.join('\n') : '(no output)';
  }

  /** Sends a signal to this PID (no-op once it has exited). */
  signal(signal: NodeJS.Signals): void {
    if (this.exitStatus === undefined) safeKill(this.pid, signal);
  }

  /** Resolves with the exit status, or undefined if the process still runs after `timeoutMs`. */
  async waitExit(timeoutMs: number): Promise<ExitStatus | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * SIGTERM, then SIGKILL if it has not exited within `graceMs`. Returns how it ended and whether it
   * had to be killed, so callers that promise a clean shutdown can assert on it.
   */
  async stop(graceMs = 5000): Promise<ExitStatus & { readonly killed: boolean }> {
    if (this.exitStatus) return { ...this.exitStatus, killed: false };
    this.signal('SIGTERM');
    const status = await this.waitExit(graceMs);
    if (status) return { ...status, killed: false };
    this.signal('SIGKILL');
    const killed = await this.waitExit(5000);
    if (!killed) throw new Error(`${this.name} (pid ${this.pid}) survived SIGKILL`);
    return { ...killed, killed: true };
  }

  private keep(line: string): void {
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
  }
}

function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (partial) onLine(partial);
    partial = '';
  });
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}
