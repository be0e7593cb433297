/**
 * rxbgp driven only through its CLI, which is the contract: `node bin/rxbgp run <config.json>`,
 * JSON events (ExaBGP's 4.0.1 format) one per line on stdout, winston logs on stderr, SIGHUP
 * reloads the config file, SIGTERM sends Cease NOTIFICATIONs and exits 0.
 */
import fs from 'fs';
import path from 'path';
import { Child, type ExitStatus } from './harness/child';
import type { Also } from './peers/bgp-peer';
import { parseEventLine, type ExaEvent } from './harness/exabgp-json';
import { pollUntil } from './harness/poll';
import type { Route, UnicastFamily } from './harness/route';
import { makeTempDir, removeTempDir, writeFileAtomic } from './harness/temp-dir';

const REPO = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'rxbgp');
/** SIGTERM to exit: time to send a Cease to every neighbor and close. */
const STOP_TIMEOUT_MS = 10000;

export interface RxbgpNeighbor {
  readonly peerAddress: string;
  readonly peerPort?: number;
  readonly localAddress?: string;
  readonly localAs: number;
  readonly peerAs: number;
  readonly routerId: string;
  readonly holdTime?: number;
  readonly passive?: boolean;
  readonly connectRetry?: number;
  readonly families: readonly UnicastFamily[];
  /** nextHop may also be "self": the session's local address. */
  readonly routes?: readonly Route[];
  /** Policy names (see RxbgpConfig.policies). */
  readonly import?: readonly string[];
  readonly export?: readonly string[];
}

export interface RxbgpConfig {
  readonly listen?: ReadonlyArray<{ readonly address: string; readonly port: number }>;
  readonly neighbors: readonly RxbgpNeighbor[];
  readonly log?: { readonly level: 'error' | 'warn' | 'info' | 'debug' };
  /** Policy modules by name; give absolute module paths (the config file is in a temporary directory). */
  readonly policies?: Readonly<Record<string, { readonly module: string; readonly options?: Readonly<Record<string, unknown>> }>>;
}

export class Rxbgp {
  /** Every JSON event printed so far, in order. */
  readonly events: ExaEvent[] = [];
  /** stdout lines that are not JSON events: the contract says there are none. */
  readonly strayStdout: string[] = [];
  private readonly child: Child;
  private readonly configFile: string;

  private constructor(
    config: RxbgpConfig,
    private readonly dir: string,
  ) {
    this.configFile = path.join(dir, 'rxbgp.json');
    fs.writeFileSync(this.configFile, JSON.stringify(config, null, 2));
    this.child = new Child({
      name: 'rxbgp',
      command: process.execPath,
      args: [BIN, 'run', this.configFile],
      cwd: REPO,
      onLine: (line, stream) => {
        if (stream === 'stdout') this.readStdout(line);
      },
    });
  }

  static start(config: RxbgpConfig): Rxbgp {
    return new Rxbgp(config, makeTempDir('rxbgp'));
  }

  /** The first event (already printed or still to come) that matches; rejects at the deadline or if rxbgp exits. */
  waitForEvent(what: string, match: (event: ExaEvent) => boolean, timeoutMs: number): Promise<ExaEvent> {
    return pollUntil(`rxbgp to print an event: ${what}`, () => this.events.find(match), {
      timeoutMs,
      intervalMs: 50,
      context: () => this.diagnostics(),
      abort: () => this.exitText(),
    });
  }

  /** Rewrites the config file (atomically) and sends SIGHUP. */
  reload(config: RxbgpConfig): void {
    writeFileAtomic(this.configFile, JSON.stringify(config, null, 2));
    this.child.signal('SIGHUP');
  }

  /** SIGTERM, and how it exited; SIGKILL (reported as killed) if it has not exited within the bound. */
  stop(): Promise<ExitStatus & { readonly killed: boolean }> {
    return this.child.stop(STOP_TIMEOUT_MS);
  }

  /** Stops it if still running and removes its files: for afterAll. */
  async dispose(): Promise<void> {
    await this.child.stop(STOP_TIMEOUT_MS);
    removeTempDir(this.dir);
  }

  /** For waits on a daemon that also depend on rxbgp: quote rxbgp's output, give up if it dies. */
  get also(): Also {
    return { context: () => this.diagnostics(), abort: () => this.exitText() };
  }

  /** rxbgp's last log lines and events, for failure messages. */
  diagnostics(): string {
    const events = this.events.slice(-5).map((e) => JSON.stringify(e));
    const stray = this.strayStdout.length ? `\n--- stdout lines that are not JSON events ---\n${this.strayStdout.slice(-5).join('\n')}` : '';
    return `--- rxbgp, last output lines ---\n${this.child.lastLines()}\n--- rxbgp, last events ---\n${events.join('\n') || '(none)'}${stray}`;
  }

  /** Why rxbgp is no longer running, or undefined while it runs. */
  exitText(): string | undefined {
    const exit = this.child.exit;
    return exit ? `rxbgp exited (code ${exit.code}, signal ${exit.signal})` : undefined;
  }

  private readStdout(line: string): void {
    if (line.trim() === '') return;
    try {
      const event = parseEventLine(line);
      if (event) {
        this.events.push(event);
        return;
      }
    } catch {
      // kept below as a stray line
    }
    this.strayStdout.push(line);
  }
}
