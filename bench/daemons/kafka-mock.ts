/**
 * A real Kafka-protocol broker for tests and benchmarks (issue 6): librdkafka's mock cluster, run
 * by the small C program kafka-mock.c. It is built once per source version with gcc into a cache
 * under os.tmpdir(), started as our child on 127.0.0.1, driven by one-line commands on its stdin
 * (each answered by one line), and stopped by its own PID only. Every wait is bounded.
 *
 * The bench runs compiled from dist/bench/daemons/, where no .c file is copied: the source is read
 * from the repository (REPO_ROOT), so the compiled and the ts-jest runs build the same program.
 * The interop tests use it through spec/interop/kafka/mock-cluster.ts.
 *
 * Needs the Debian packages gcc and librdkafka-dev (headers and librdkafka.so).
 */
import { execFile, spawn, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { REPO_ROOT } from './rxbgp';

export interface MockClusterOptions {
  /** Brokers in the cluster, ids 1..brokers (default 1, at most 16). */
  readonly brokers?: number;
  /**
   * Broker i listens on port + i - 1 instead of a free port the kernel picks, so a cluster stopped
   * and started again on the same port keeps its address (a broker restart). Its data does not
   * survive: use down()/up() for an outage that keeps the topics and their messages.
   */
  readonly port?: number;
  /** How long to wait for the build and for the bootstrap line (default 30000 ms). */
  readonly startTimeoutMs?: number;
}

export interface MockCluster {
  /** Bootstrap servers as kafkajs and librdkafka take them: "127.0.0.1:P1,127.0.0.1:P2". */
  readonly bootstrap: string;
  /** The same, one "127.0.0.1:PORT" per broker (broker id i is brokers[i - 1]). */
  readonly brokers: readonly string[];
  /** The child process's PID. */
  readonly pid: number;
  /**
   * Takes a broker (default: all) down: its listener closes and every connection is dropped, so
   * clients get "connection refused" until up(). Topics, messages and offsets are kept.
   */
  down(brokerId?: number): Promise<void>;
  /** Brings a broker (default: all) back up, listening on the same port. */
  up(brokerId?: number): Promise<void>;
  /** Creates a topic (the mock does not serve CreateTopics; Metadata still auto-creates topics). */
  createTopic(name: string, partitions: number, replicationFactor?: number): Promise<void>;
  /** Ends the cluster (closes its stdin, then SIGTERM, then SIGKILL); rejects if it did not exit 0. */
  stop(): Promise<void>;
}

export interface BuildOptions {
  /** The C compiler to run (default "gcc"). */
  readonly compiler?: string;
  /** Where built programs are kept (default: rxbgp-kafka-mock-<uid> under os.tmpdir()). */
  readonly cacheDir?: string;
  readonly timeoutMs?: number;
}

const SOURCE = path.join(REPO_ROOT, 'bench', 'daemons', 'kafka-mock.c');
const COMPILE_FLAGS = ['-O2', '-Wall', '-Wextra', '-Werror'];
const LINK_FLAGS = ['-lrdkafka', '-ldl'];
/** Replies to commands are immediate (the mock applies them in microseconds). */
const COMMAND_TIMEOUT_MS = 5000;
const STOP_GRACE_MS = 5000;
/** Lines of the program's stderr kept for error messages. */
const STDERR_LINES = 20;
/** Kafka's legal topic names. */
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

const building = new Map<string, Promise<string>>();

/**
 * Builds kafka-mock.c (or finds it already built for this exact source and flags) and returns the
 * program's path. Rejects naming the Debian package to install when gcc or librdkafka-dev is missing.
 */
export function buildMockCluster(options: BuildOptions = {}): Promise<string> {
  const compiler = options.compiler ?? 'gcc';
  const source = fs.readFileSync(SOURCE);
  const hash = createHash('sha256')
    .update(source)
    .update([compiler, ...COMPILE_FLAGS, ...LINK_FLAGS].join(' '))
    .digest('hex')
    .slice(0, 16);
  const dir = options.cacheDir ?? path.join(os.tmpdir(), `rxbgp-kafka-mock-${os.userInfo().uid}`);
  const program = path.join(dir, `kafka-mock-${hash}`);
  let pending = building.get(program);
  if (!pending) {
    pending = compile(compiler, program, options.timeoutMs ?? 60000);
    building.set(program, pending);
    // A failed build is retried by the next caller (the package may have been installed since).
    pending.catch(() => building.delete(program));
  }
  return pending;
}

async function compile(compiler: string, program: string, timeoutMs: number): Promise<string> {
  const dir = path.dirname(program);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The cache sits in a shared tmp dir: run nothing from a directory someone else made.
  const owner = fs.statSync(dir).uid;
  if (owner !== os.userInfo().uid) throw new Error(`Kafka mock broker: cache dir ${dir} belongs to uid ${owner}, not us`);
  if (fs.existsSync(program)) return program;
  // Written under a private name then renamed, so a parallel build never runs a half-written file.
  const partial = `${program}.${process.pid}.partial`;
  const args = [...COMPILE_FLAGS, '-o', partial, SOURCE, ...LINK_FLAGS];
  await new Promise<void>((resolve, reject) => {
    execFile(compiler, args, { timeout: timeoutMs }, (err, stdout, stderr) => {
      if (!err) return resolve();
      fs.rmSync(partial, { force: true });
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        return reject(new Error(`Kafka mock broker: C compiler "${compiler}" not found: install the Debian package gcc`));
      }
      reject(new Error(explainBuildFailure(compiler, `${stdout}${stderr}` || err.message)));
    });
  });
  fs.renameSync(partial, program);
  return program;
}

/** Turns gcc's output into a message that names the missing package when it is librdkafka-dev. */
export function explainBuildFailure(compiler: string, output: string): string {
  const missingHeader = /librdkafka\/rdkafka(_mock)?\.h: No such file or directory/.test(output);
  const missingLibrary = /cannot find -lrdkafka/.test(output);
  if (missingHeader || missingLibrary) {
    return `Kafka mock broker: librdkafka ${missingHeader ? 'headers' : 'library'} not found: install the Debian package librdkafka-dev\n${output.trim()}`;
  }
  return `Kafka mock broker: ${compiler} failed to build ${SOURCE}:\n${output.trim()}`;
}

/** Builds (if needed) and starts a mock cluster; resolves once it listens and printed its bootstrap line. */
export async function startMockCluster(options: MockClusterOptions = {}): Promise<MockCluster> {
  const brokers = options.brokers ?? 1;
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > 16) throw new Error(`brokers must be 1..16, got ${brokers}`);
  const args = ['--brokers', String(brokers)];
  if (options.port !== undefined) {
    if (!Number.isInteger(options.port) || options.port < 1024 || options.port + brokers - 1 > 65535) {
      throw new Error(`port must leave room for ${brokers} broker(s) in 1024..65535, got ${options.port}`);
    }
    args.push('--port', String(options.port));
  }
  const timeoutMs = options.startTimeoutMs ?? 30000;
  const program = await buildMockCluster({ timeoutMs });
  return RunningCluster.start(program, args, brokers, timeoutMs);
}

/** Children alive when this process (a test or the bench) exits are killed, so an aborted run leaves no broker behind. */
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) if (child.pid !== undefined) killPid(child.pid, 'SIGKILL');
});

interface Waiter {
  readonly resolve: (line: string) => void;
  readonly reject: (err: Error) => void;
}

class RunningCluster implements MockCluster {
  readonly pid: number;
  bootstrap = '';
  brokers: readonly string[] = [];
  private readonly stderrTail: string[] = [];
  /** Callers waiting for a stdout line, oldest first: replies come in the order commands went. */
  private readonly waiters: Waiter[] = [];
  private exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;
  /** Set once a reply went missing: later lines could no longer be paired with their commands. */
  private broken: string | undefined;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly brokerCount: number,
  ) {
    if (proc.pid === undefined) throw new Error('Kafka mock broker: could not start');
    this.pid = proc.pid;
    alive.add(proc);
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        alive.delete(proc);
        this.exitStatus = { code, signal };
        const err = new Error(`Kafka mock broker exited (${this.describeExit()})${this.stderrText()}`);
        for (const waiter of this.waiters.splice(0)) waiter.reject(err);
        resolve();
      });
    });
    // Without a listener, a write to a dead child's stdin would be an uncaught 'error' (EPIPE).
    proc.stdin!.on('error', () => undefined);
    onLines(proc.stdout!, (line) => this.waiters.shift()?.resolve(line));
    onLines(proc.stderr!, (line) => {
      this.stderrTail.push(line);
      if (this.stderrTail.length > STDERR_LINES) this.stderrTail.shift();
    });
  }

  static async start(program: string, args: string[], brokerCount: number, timeoutMs: number): Promise<RunningCluster> {
    const proc = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const spawned = await new Promise<Error | undefined>((resolve) => {
      proc.once('spawn', () => resolve(undefined));
      proc.once('error', resolve);
    });
    if (spawned) throw new Error(`Kafka mock broker: could not start ${program}: ${spawned.message}`);
    const cluster = new RunningCluster(proc, brokerCount);
    try {
      const line = await cluster.nextLine(timeoutMs, 'its bootstrap line');
      const brokers = line.split(',');
      if (brokers.length !== brokerCount || !brokers.every((b) => /^127\.0\.0\.1:\d+$/.test(b))) {
        throw new Error(`Kafka mock broker: unexpected bootstrap line ${JSON.stringify(line)}`);
      }
      cluster.bootstrap = line;
      cluster.brokers = brokers;
      return cluster;
    } catch (err) {
      await cluster.stop().catch(() => undefined);
      throw err;
    }
  }

  async down(brokerId?: number): Promise<void> {
    await this.command(['down', ...this.brokerArg(brokerId)]);
  }

  async up(brokerId?: number): Promise<void> {
    await this.command(['up', ...this.brokerArg(brokerId)]);
  }

  async createTopic(name: string, partitions: number, replicationFactor = 1): Promise<void> {
    if (!TOPIC_NAME.test(name) || name === '.' || name === '..') {
      throw new Error(`not a Kafka topic name: ${JSON.stringify(name)}`);
    }
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1000) {
      throw new Error(`partitions must be 1..1000, got ${partitions}`);
    }
    if (!Number.isInteger(replicationFactor) || replicationFactor < 1 || replicationFactor > this.brokerCount) {
      throw new Error(`replication factor must be 1..${this.brokerCount}, got ${replicationFactor}`);
    }
    await this.command(['topic', name, String(partitions), String(replicationFactor)]);
  }

  async stop(): Promise<void> {
    if (!this.exitStatus) {
      // End of stdin is the program's normal way out; signals only if it does not take it.
      this.proc.stdin!.end();
      if (!(await this.waitExit(STOP_GRACE_MS))) {
        this.signal('SIGTERM');
        if (!(await this.waitExit(STOP_GRACE_MS))) {
          this.signal('SIGKILL');
          if (!(await this.waitExit(STOP_GRACE_MS))) throw new Error(`Kafka mock broker (pid ${this.pid}) survived SIGKILL`);
        }
      }
    }
    if (this.exitStatus?.code !== 0) {
      throw new Error(`Kafka mock broker did not stop cleanly (${this.describeExit()})${this.stderrText()}`);
    }
  }

  private brokerArg(brokerId: number | undefined): string[] {
    if (brokerId === undefined) return [];
    if (!Number.isInteger(brokerId) || brokerId < 1 || brokerId > this.brokerCount) {
      throw new Error(`broker id must be 1..${this.brokerCount}, got ${brokerId}`);
    }
    return [String(brokerId)];
  }

  private async command(words: string[]): Promise<void> {
    if (this.broken) throw new Error(`Kafka mock broker: ${this.broken}`);
    if (this.exitStatus) throw new Error(`Kafka mock broker exited (${this.describeExit()})${this.stderrText()}`);
    const text = words.join(' ');
    const reply = this.nextLine(COMMAND_TIMEOUT_MS, `its reply to "${text}"`);
    this.proc.stdin!.write(`${text}\n`);
    const line = await reply;
    if (line !== 'ok') throw new Error(`Kafka mock broker: "${text}" failed: ${line}`);
  }

  /** The next stdout line, or a rejection after `timeoutMs` (which breaks the command channel). */
  private nextLine(timeoutMs: number, what: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        // A late reply would be taken for the next command's: fail every waiter and refuse new commands.
        this.broken = `no reply within ${timeoutMs} ms while waiting for ${what}`;
        const err = new Error(`Kafka mock broker: ${this.broken}${this.stderrText()}`);
        for (const pending of this.waiters.splice(0)) pending.reject(err);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private async waitExit(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.exited.then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Signals our own child by PID, and only while it runs. */
  private signal(signal: NodeJS.Signals): void {
    if (!this.exitStatus) killPid(this.pid, signal);
  }

  private describeExit(): string {
    const status = this.exitStatus;
    if (!status) return 'still running';
    return status.signal ? `signal ${status.signal}` : `exit code ${status.code}`;
  }

  private stderrText(): string {
    return this.stderrTail.length ? `\nits stderr:\n${this.stderrTail.join('\n')}` : '';
  }
}

function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}

function killPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}
