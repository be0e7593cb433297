/**
 * The setup the FlowSpec receive specs share (rxbgp-receive-flow*.spec.ts): `rxbgp run` with one
 * neighbor (the real daemon under test) in the given flow families, a control socket for
 * `rxbgp cli show adj-rib in`, and a helper process recording every received UPDATE with its raw
 * bytes (`"consolidate": true`, spec/e2e/fixtures/record-helper.js), so the events can be checked
 * against `exabgp --decode` of the same bytes (RecordedUpdates). Started once the daemon listens;
 * resolves when the session is up.
 */
import path from 'path';
import type { ExaEvent } from '../harness/exabgp-json';
import { runCommand } from '../harness/command';
import { pollUntil } from '../harness/poll';
import { makeTempDir, removeTempDir } from '../harness/temp-dir';
import { Rxbgp, type RxbgpConfig } from '../rxbgp';
import { RecordedUpdates } from './received-flow-events';

const REPO = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(REPO, 'bin', 'rxbgp');
const RECORD = path.join(REPO, 'spec', 'e2e', 'fixtures', 'record-helper.js');

export interface FlowReceiverOptions {
  /** Prefix of the temporary directory (helper output, control socket). */
  readonly name: string;
  /** rxbgp's address and BGP Identifier. */
  readonly localAddress: string;
  readonly routerId: string;
  /** The daemon rxbgp connects to (iBGP: rxbgp takes its AS). */
  readonly peer: { readonly address: string; readonly port: number; readonly asn: number };
  /** Said in waits and errors ("GoBGP", "ExaBGP"). */
  readonly peerName: string;
  readonly families: readonly string[];
  readonly timeoutMs: number;
  /** More diagnostics for a failed wait (the daemon's log). */
  readonly context?: () => string;
}

export class FlowReceiver {
  /** UPDATEs as the recording helper got them, with their bytes. */
  readonly updates: RecordedUpdates;
  private readonly socket: string;

  private constructor(
    readonly rxbgp: Rxbgp,
    private readonly dir: string,
    private readonly o: FlowReceiverOptions,
  ) {
    this.updates = new RecordedUpdates(path.join(dir, 'helper.txt'), o.timeoutMs);
    this.socket = path.join(dir, 'rxbgp.sock');
  }

  static async start(o: FlowReceiverOptions): Promise<FlowReceiver> {
    const dir = makeTempDir(o.name);
    const recorded = path.join(dir, 'helper.txt');
    const config = {
      control: { socket: path.join(dir, 'rxbgp.sock') },
      processes: { record: { run: [process.execPath, RECORD, recorded] } },
      neighbors: [
        {
          peerAddress: o.peer.address,
          peerPort: o.peer.port,
          localAddress: o.localAddress,
          localAs: o.peer.asn,
          peerAs: o.peer.asn,
          routerId: o.routerId,
          connectRetry: 1,
          families: [...o.families],
          api: { processes: ['record'], receive: ['update'], consolidate: true },
        },
      ],
    };
    // The harness types families as unicast ones; this config names flow families on purpose.
    const receiver = new FlowReceiver(Rxbgp.start(config as unknown as RxbgpConfig), dir, o);
    try {
      await receiver.rxbgp.waitForEvent(`the session with ${o.peerName} up`, (e) => e.type === 'state' && e.neighbor.state === 'up', o.timeoutMs);
    } catch (err) {
      await receiver.dispose();
      throw err;
    }
    return receiver;
  }

  /** `rxbgp cli show adj-rib in`, as a user reads it. */
  async adjRibIn(): Promise<string> {
    return (await runCommand(process.execPath, [BIN, 'cli', '--socket', this.socket, 'show', 'adj-rib', 'in'], 10000)).stdout;
  }

  /**
   * Waits until rxbgp has printed every rule text in `section` (per `ruleStrings`), then returns
   * the events that carried any rule in that section.
   */
  async waitForRules(section: 'announce' | 'withdraw', texts: readonly string[], ruleStrings: (e: ExaEvent, s: 'announce' | 'withdraw') => string[]): Promise<ExaEvent[]> {
    const { rxbgp } = this;
    await pollUntil(`rxbgp to print every ${section}`, () => (texts.every((t) => rxbgp.events.some((e) => ruleStrings(e, section).includes(t))) ? true : undefined), {
      timeoutMs: this.o.timeoutMs,
      context: () => (this.o.context ? `${rxbgp.diagnostics()}\n${this.o.context()}` : rxbgp.diagnostics()),
      abort: () => rxbgp.exitText(),
    });
    return rxbgp.events.filter((e) => ruleStrings(e, section).length > 0);
  }

  async dispose(): Promise<void> {
    await this.rxbgp.dispose();
    removeTempDir(this.dir);
  }
}

/**
 * `rxbgp run` listening on address:port for one passive neighbor, the raw speaker of a spec
 * (raw-flow-speaker.ts), in `families`; resolves once the port listens (`ss -ltn`).
 */
export async function startListeningRxbgp(o: {
  readonly address: string;
  readonly port: number;
  readonly peerAddress: string;
  readonly asn: number;
  readonly routerId: string;
  readonly families: readonly string[];
  readonly timeoutMs: number;
}): Promise<Rxbgp> {
  const config = {
    listen: [{ address: o.address, port: o.port }],
    neighbors: [
      { peerAddress: o.peerAddress, localAddress: o.address, localAs: o.asn, peerAs: o.asn, routerId: o.routerId, passive: true, families: [...o.families] },
    ],
  };
  // Flow families, which the harness's config type does not name.
  const rxbgp = Rxbgp.start(config as unknown as RxbgpConfig);
  try {
    await pollUntil('rxbgp to listen', async () => ((await runCommand('ss', ['-ltn', `sport = :${o.port}`])).stdout.includes(`${o.address}:${o.port}`) ? true : undefined), {
      timeoutMs: o.timeoutMs,
      context: () => rxbgp.diagnostics(),
      abort: () => rxbgp.exitText(),
    });
  } catch (err) {
    await rxbgp.dispose();
    throw err;
  }
  return rxbgp;
}
