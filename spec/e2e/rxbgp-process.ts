/**
 * The built `rxbgp` command run as a user runs it, for end-to-end specs: `rxbgp run` as a child
 * process whose stderr is kept, and `rxbgp cli` / `rxbgp validate` runs that leave the event loop
 * free (spawned, not spawnSync).
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';

export const BIN = path.resolve(__dirname, '../../bin/rxbgp');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `rxbgp <args>` to its end. */
export function rxbgp(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
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

/** A running `rxbgp run <config>`. */
export class Daemon {
  readonly child: ChildProcess;
  /** The exit status once it exits. */
  readonly exited: Promise<number | null>;
  private err = '';

  constructor(config: string, env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(process.execPath, [BIN, 'run', config], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.err += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** What it logged so far. */
  get stderr(): string {
    return this.err;
  }

  /** Resolves once its control socket listens (rejects if it exits or is silent for 10 s). */
  async listening(): Promise<void> {
    await this.until(() => /control socket listening on/.test(this.err) && /rxbgp started/.test(this.err), 'the control socket');
  }

  async until(pred: () => boolean, what: string, ms = 10000): Promise<void> {
    const deadline = Date.now() + ms;
    let gone = false;
    void this.exited.then(() => (gone = true));
    while (!pred()) {
      if (gone) throw new Error(`rxbgp run exited while waiting for ${what}; stderr:\n${this.err}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr:\n${this.err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** SIGTERM, then the exit status. */
  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL (a crash: the control socket file stays behind). */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
