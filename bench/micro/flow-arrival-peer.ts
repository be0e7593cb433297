/**
 * The flow-latency cases' BGP peer: a raw TCP listener of the bench's own that acts as the
 * sender's neighbor for IPv4 FlowSpec (RFC 8955, AFI 1 / SAFI 133), built like capture-peer.ts on
 * rxbgp's codec. It notes CLOCK_MONOTONIC (process.hrtime, the clock the helper's
 * time.monotonic_ns reads) the moment each chunk arrives, before anything is decoded; every UPDATE
 * that announces FlowSpec rules is recorded with that arrival time and the rules' text, and
 * `onRule` is called (the case tells the helper to write its next line). UPDATEs announcing no
 * rule (the End-of-RIB) and KEEPALIVEs are not recorded.
 */
import net from 'net';
import { Framer } from '../../lib/wire/framer';
import { Afi, MessageType, Safi } from '../../lib/wire/iana';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { decodeMessage } from '../../lib/wire/message';
import { notificationText } from '../../lib/wire/notification';
import { DEFAULT_CONTEXT, type CodecContext } from '../../lib/wire/types';
import { familyContext } from '../../lib/families/family-context';
import { CAPTURE_HOLD_TIME, captureOpen, type CaptureSpeaker } from './capture-open';
import { messageType } from './message-split';

export interface FlowArrival {
  /** process.hrtime.bigint() when the chunk that completed the UPDATE arrived. */
  readonly atNs: bigint;
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

type PeerState = 'open-sent' | 'open-confirm' | 'established';

export const FLOW_FAMILIES = [{ afi: Afi.IPV4, safi: Safi.FLOWSPEC }];

export class FlowArrivalPeer {
  readonly arrivals: FlowArrival[] = [];
  /** Why the session failed, once it did. */
  failure: string | undefined;
  private socket: net.Socket | undefined;
  private state: PeerState = 'open-sent';
  private codec: CodecContext = DEFAULT_CONTEXT;
  private keepalives: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly server: net.Server,
    private readonly o: FlowArrivalPeerOptions,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static listen(o: FlowArrivalPeerOptions): Promise<FlowArrivalPeer> {
    return new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen({ host: o.address, port: o.port, exclusive: true }, () => {
        server.off('error', reject);
        server.on('error', (err) => o.log(`flow peer: ${err.message}`));
        resolve(new FlowArrivalPeer(server, o));
      });
    });
  }

  get established(): boolean {
    return this.state === 'established';
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.keepalives) clearInterval(this.keepalives);
    this.socket?.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    if (this.closed || this.socket || socket.remoteAddress !== this.o.peerAddress) {
      socket.destroy();
      return;
    }
    this.socket = socket;
    this.state = 'open-sent';
    socket.setNoDelay(true);
    const framer = new Framer();
    socket.on('data', (chunk: Buffer) => {
      const atNs = process.hrtime.bigint();
      if (this.closed || this.failure) return;
      try {
        for (const message of framer.push(chunk)) this.receive(message, atNs);
      } catch (err) {
        this.fail(err instanceof Error ? err.message : String(err));
      }
    });
    socket.on('error', (err) => this.fail(`flow peer session: ${err.message}`));
    socket.on('close', () => {
      if (this.closed) return;
      if (this.state === 'established') this.fail(`the sender closed the session after ${this.arrivals.length} UPDATEs`);
      else {
        this.o.log('flow peer: connection closed before Established; waiting for another');
        this.socket = undefined;
      }
    });
    socket.write(captureOpen(this.o.local, FLOW_FAMILIES));
  }

  private receive(message: Buffer, atNs: bigint): void {
    const type = messageType(message);
    if (type === MessageType.NOTIFICATION) {
      const n = decodeMessage(message, DEFAULT_CONTEXT);
      throw new Error(`the sender sent a NOTIFICATION: ${n.type === 'notification' ? notificationText(n.code, n.subcode) : n.type}`);
    }
    if (this.state === 'established') {
      if (type !== MessageType.UPDATE) return;
      const u = decodeMessage(message, this.codec);
      if (u.type !== 'update') return;
      if (u.errorAction) throw new Error(`an UPDATE decoded with ${u.errorAction}`);
      const rules: string[] = [];
      for (const list of u.announced) if (list.safi === Safi.FLOWSPEC) for (const r of list.prefixes) rules.push(r);
      if (!rules.length) return;
      const arrival = { atNs, rules };
      this.arrivals.push(arrival);
      this.o.onRule(arrival, this.arrivals.length - 1);
      return;
    }
    if (this.state === 'open-sent') {
      const open = decodeMessage(message, DEFAULT_CONTEXT);
      if (open.type !== 'open') throw new Error(`expected the sender's OPEN, got ${open.type}`);
      const asn4 = open.capabilities.some((c) => c.kind === 'asn4');
      this.codec = familyContext({ asn4, extendedMessage: false, addPath: new Set() });
      this.send(KEEPALIVE_BYTES);
      this.state = 'open-confirm';
      const hold = Math.min(CAPTURE_HOLD_TIME, open.holdTime);
      if (hold > 0) this.keepalives = setInterval(() => this.send(KEEPALIVE_BYTES), (hold / 3) * 1000);
      return;
    }
    if (type !== MessageType.KEEPALIVE) throw new Error(`expected the sender's KEEPALIVE in OpenConfirm, got message type ${type}`);
    this.state = 'established';
    this.o.log('flow peer: session established');
  }

  private send(bytes: Buffer): void {
    if (this.socket && !this.socket.destroyed) this.socket.write(bytes);
  }

  private fail(reason: string): void {
    if (this.failure) return;
    this.failure = reason;
    this.o.log(`flow peer: ${reason}`);
    if (this.keepalives) clearInterval(this.keepalives);
    this.socket?.destroy();
  }
}
