/**
 * The flow-latency cases' BGP peer: the sender's neighbor for IPv4 FlowSpec (RFC 8955, AFI 1 /
 * SAFI 133). Its socket lives in a small process of its own (bench/helpers/flow-arrival-peer.py),
 * so the UPDATE's arrival is timed where the sender's write lands and not after the bench runner's
 * event loop gets round to it: per UPDATE that process prints the kernel's receive stamp of the
 * segment that completed it (SO_TIMESTAMPNS, moved to CLOCK_MONOTONIC: the clock the helper's
 * time.monotonic_ns reads) and the moment its own recvmsg returned. Here each UPDATE is decoded
 * with rxbgp's codec; one that announces FlowSpec rules is recorded with both times and the
 * rules' text, and `onRule` is called (the case tells the helper to write its next line). UPDATEs
 * announcing no rule (the End-of-RIB) are not recorded. The OPEN it sends is built here
 * (capture-open.ts) and handed over as hex.
 */
import path from 'path';
import { REPO_ROOT } from '../daemons/rxbgp';
import { TrackedChild } from '../daemons/tracked-child';
import { PYTHON } from '../cases/api-helper';
import { Afi, Safi } from '../../lib/wire/iana';
import { decodeMessage } from '../../lib/wire/message';
import { notificationText } from '../../lib/wire/notification';
import { DEFAULT_CONTEXT, type CodecContext } from '../../lib/wire/types';
import { familyContext } from '../../lib/families/family-context';
import { CAPTURE_HOLD_TIME, captureOpen, type CaptureSpeaker } from './capture-open';

export const FLOW_ARRIVAL_PEER = path.join(REPO_ROOT, 'bench', 'helpers', 'flow-arrival-peer.py');

export interface FlowArrival {
  /** CLOCK_MONOTONIC ns at which the peer's kernel queued the segment that completed the UPDATE. */
  readonly atNs: bigint;
  /** CLOCK_MONOTONIC ns at which the peer process's read of it returned (its wake-up included). */
  readonly readNs: bigint;
  /** The FlowSpec rules it announced, as rxbgp's decoder prints them. */
  readonly rules: readonly string[];
}

export interface FlowArrivalPeerOptions {
  readonly address: string;
  readonly port: number;
  /** Connections from any other address are refused. */
  readonly peerAddress: string;
  readonly local: CaptureSpeaker;
  /** Called once per recorded UPDATE, after it is recorded. */
  readonly onRule: (arrival: FlowArrival, index: number) => void;
  readonly log: (message: string) => void;
}

export const FLOW_FAMILIES = [{ afi: Afi.IPV4, safi: Safi.FLOWSPEC }];

/** How long the peer process may take to listen. */
const LISTEN_WAIT_MS = 10_000;

export class FlowArrivalPeer {
  readonly arrivals: FlowArrival[] = [];
  /** Why the session failed, once it did. */
  failure: string | undefined;
  private established_ = false;
  private codec: CodecContext = DEFAULT_CONTEXT;
  private closed = false;
  private child!: TrackedChild;

  private constructor(private readonly o: FlowArrivalPeerOptions) {}

  static listen(o: FlowArrivalPeerOptions): Promise<FlowArrivalPeer> {
    const peer = new FlowArrivalPeer(o);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`flow peer: not listening after ${LISTEN_WAIT_MS} ms; ${peer.child.lastLines()}`)), LISTEN_WAIT_MS);
      peer.child = new TrackedChild({
        name: 'flow-peer',
        command: PYTHON,
        args: [
          FLOW_ARRIVAL_PEER,
          '--address',
          o.address,
          '--port',
          String(o.port),
          '--peer',
          o.peerAddress,
          '--open',
          captureOpen(o.local, FLOW_FAMILIES).toString('hex'),
          '--keepalive',
          String(CAPTURE_HOLD_TIME / 3),
        ],
        onStdoutLine: (line) => {
          if (line === 'L') {
            clearTimeout(timer);
            resolve(peer);
            return;
          }
          try {
            peer.line(line);
          } catch (err) {
            peer.fail(err instanceof Error ? err.message : String(err));
          }
        },
        onStderrLine: (line) => o.log(`flow peer: ${line}`),
      });
      void peer.child.waitForExit(24 * 3600 * 1000).then(() => {
        clearTimeout(timer);
        if (!peer.closed && !peer.failure) peer.fail(`the peer process exited: ${peer.child.lastLines()}`);
        reject(new Error(`flow peer: exited before listening: ${peer.child.lastLines()}`));
      });
    });
  }

  get established(): boolean {
    return this.established_;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.child.stop(2000);
  }

  private line(line: string): void {
    if (this.closed || this.failure) return;
    const space = line.indexOf(' ');
    const tag = space < 0 ? line : line.slice(0, space);
    const rest = space < 0 ? '' : line.slice(space + 1);
    switch (tag) {
      case 'O': {
        const open = decodeMessage(Buffer.from(rest, 'hex'), DEFAULT_CONTEXT);
        if (open.type !== 'open') throw new Error(`expected the sender's OPEN, got ${open.type}`);
        const asn4 = open.capabilities.some((c) => c.kind === 'asn4');
        this.codec = familyContext({ asn4, extendedMessage: false, addPath: new Set() });
        return;
      }
      case 'E':
        this.established_ = true;
        this.o.log('flow peer: session established');
        return;
      case 'U':
        return this.update(rest);
      case 'N': {
        const n = decodeMessage(Buffer.from(rest, 'hex'), DEFAULT_CONTEXT);
        throw new Error(`the sender sent a NOTIFICATION: ${n.type === 'notification' ? notificationText(n.code, n.subcode) : n.type}`);
      }
      case 'W':
        this.o.log(`flow peer: connection closed before Established (${rest}); waiting for another`);
        return;
      case 'X':
        throw new Error(`the session ended after ${this.arrivals.length} UPDATEs: ${rest}`);
      default:
        throw new Error(`the peer process printed ${JSON.stringify(line.slice(0, 100))}`);
    }
  }

  private update(rest: string): void {
    const [kernel, read, hex] = rest.split(' ');
    if (!kernel || !read || !hex) throw new Error(`a malformed UPDATE line from the peer process: ${rest.slice(0, 100)}`);
    const u = decodeMessage(Buffer.from(hex, 'hex'), this.codec);
    if (u.type !== 'update') return;
    if (u.errorAction) throw new Error(`an UPDATE decoded with ${u.errorAction}`);
    const rules: string[] = [];
    for (const list of u.announced) if (list.safi === Safi.FLOWSPEC) for (const r of list.prefixes) rules.push(r);
    if (!rules.length) return;
    if (kernel.startsWith('-')) throw new Error('the peer socket gave no receive time stamp (SO_TIMESTAMPNS)');
    const arrival = { atNs: BigInt(kernel), readNs: BigInt(read), rules };
    this.arrivals.push(arrival);
    this.o.onRule(arrival, this.arrivals.length - 1);
  }

  private fail(reason: string): void {
    if (this.failure) return;
    this.failure = reason;
    this.o.log(`flow peer: ${reason}`);
    void this.child.stop(2000);
  }
}
