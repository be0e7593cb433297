/**
 * `rxbgp run` (bin/rxbgp, built from dist/) as the FlowSpec SENDER to one real daemon from
 * flow-daemons.ts: one iBGP neighbor with `"families": ["ipv4 flow", "ipv6 flow"]` that connects
 * to the daemon (which listens). Rules go in the two ways users drive rxbgp:
 * - `rxbgp cli --socket <control socket> announce|withdraw flow route ...` (one process per line);
 * - a helper process in the config's `api` block (spec/e2e/fixtures/command-helper.js) that prints
 *   the lines the test gives it, as FastNetMon or ExaFS helpers print them for ExaBGP; rxbgp's
 *   `done` / `error` acks come back on its stdin and are read here.
 */
import fs from 'fs';
import path from 'path';
import { runCommand, type CommandResult } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir, writeFileAtomic } from '../harness/temp-dir';
import { Rxbgp, type RxbgpConfig } from '../rxbgp';
import type { FlowDaemonOptions } from './flow-daemons';

const REPO = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(REPO, 'bin', 'rxbgp');
const COMMAND_HELPER = path.join(REPO, 'spec', 'e2e', 'fixtures', 'command-helper.js');
const UP_TIMEOUT_MS = 30000;
const ACK_TIMEOUT_MS = 10000;

/** A consolidated event (ExaBGP's `consolidate`): the parsed message with the raw header and body. */
export interface SentEvent {
  readonly type: string;
  readonly header?: string;
  readonly body?: string;
  readonly neighbor: { readonly direction?: string; readonly message?: unknown };
}

export class RxbgpFlowSender {
  private readonly record: string;
  private readonly socket: string;
  /** Acks read from the helper's stdin so far (`done` / `error`), counted to pair each line with its own. */
  private acksSeen = 0;

  private constructor(
    readonly rxbgp: Rxbgp,
    private readonly dir: string,
  ) {
    this.record = path.join(dir, 'helper.txt');
    this.socket = path.join(dir, 'rxbgp.sock');
  }

  /** Starts rxbgp with the daemon `peer` as its only neighbor and waits for the session. */
  static async start(peer: FlowDaemonOptions, routerId: string, neighborKeys: Record<string, unknown> = {}): Promise<RxbgpFlowSender> {
    const dir = makeTempDir('flow-send');
    const record = path.join(dir, 'helper.txt');
    const config = {
      control: { socket: path.join(dir, 'rxbgp.sock') },
      processes: { tool: { run: [process.execPath, COMMAND_HELPER, record] } },
      neighbors: [
        {
          peerAddress: peer.address,
          peerPort: peer.port,
          localAddress: peer.neighbor,
          localAs: peer.asn,
          peerAs: peer.asn,
          routerId,
          connectRetry: 1,
          families: ['ipv4 flow', 'ipv6 flow'],
          // send + consolidate: the helper also gets each UPDATE rxbgp sends, with its header and body hex.
          api: { processes: ['tool'], send: ['update'], consolidate: true },
          ...neighborKeys,
        },
      ],
    };
    // The harness types families as unicast ones; this config names flow families on purpose.
    const sender = new RxbgpFlowSender(Rxbgp.start(config as unknown as RxbgpConfig), dir);
    try {
      await sender.rxbgp.waitForEvent('the session up', (e) => e.type === 'state' && e.neighbor.state === 'up', UP_TIMEOUT_MS);
    } catch (err) {
      await sender.stop();
      throw err;
    }
    return sender;
  }

  /** `rxbgp cli --socket S <line>`: its exit code and output. */
  cli(line: string): Promise<CommandResult> {
    return runCommand(process.execPath, [BIN, 'cli', '--socket', this.socket, line], 15000);
  }

  /** Runs each line through `rxbgp cli`, in order; returns those it did not take (exit code and answer). */
  async cliEach(lines: readonly string[]): Promise<Array<{ readonly line: string; readonly code: number | null; readonly answer: string }>> {
    const refused = [];
    for (const line of lines) {
      const r = await this.cli(line);
      if (r.code !== 0 || r.stderr !== '') refused.push({ line, code: r.code, answer: (r.stdout + r.stderr).trim() });
    }
    return refused;
  }

  /** The helper prints `line`; resolves with rxbgp's ack for it (`done` or `error`). */
  async helper(line: string): Promise<'done' | 'error'> {
    const want = this.acksSeen + 1;
    // Atomically: the helper reads and deletes the file, so an append could land in the file it is
    // deleting (open, its read and unlink, then our write) and the line be lost. The previous line
    // was acked, so the helper has already consumed and deleted the last file.
    writeFileAtomic(`${this.record}.say`, `${line}\n`);
    const ack = await pollUntil(`rxbgp's ack for the helper's "${line}"`, () => this.acks()[want - 1], {
      timeoutMs: ACK_TIMEOUT_MS,
      intervalMs: 50,
      context: () => this.rxbgp.diagnostics(),
      abort: () => this.rxbgp.exitText(),
    });
    this.acksSeen = want;
    return ack;
  }

  /** rxbgp's last log lines and events, for failure messages. */
  diagnostics(): string {
    return this.rxbgp.diagnostics();
  }

  /** The JSON events the helper has read so far (the sent UPDATEs among them). */
  helperEvents(): SentEvent[] {
    if (!fs.existsSync(this.record)) return [];
    return fs
      .readFileSync(this.record, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as SentEvent);
  }

  /** The hex of every UPDATE rxbgp has sent, with the event rxbgp gave the helper for it, in order. */
  sentUpdates(): Array<{ readonly hex: string; readonly message: unknown }> {
    return this.helperEvents()
      .filter((e) => e.type === 'update' && e.neighbor.direction === 'send' && e.header !== undefined)
      .map((e) => ({ hex: e.header!.replace(/^0x/i, '') + (e.body ?? '').replace(/^0x/i, ''), message: e.neighbor.message }));
  }

  async stop(): Promise<void> {
    await this.rxbgp.dispose();
    removeTempDir(this.dir);
  }

  private acks(): Array<'done' | 'error'> {
    if (!fs.existsSync(this.record)) return [];
    return fs
      .readFileSync(this.record, 'utf8')
      .split('\n')
      .filter((l): l is 'done' | 'error' => l === 'done' || l === 'error');
  }
}
