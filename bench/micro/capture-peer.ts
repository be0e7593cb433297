/**
 * A minimal BGP peer written for the bench, only to record what a real sender sends: it listens on
 * loopback, accepts one session from the sender's address, answers its OPEN with ours (RFC 4271
 * §8.2.2: OpenSent → OpenConfirm on a valid OPEN, KEEPALIVE sent; Established on the peer's
 * KEEPALIVE), keeps the session alive with KEEPALIVEs, and from Established on hands every message
 * to a StreamCapture until it is complete; then it sends a Cease and closes.
 * Everything is rxbgp's own codec (lib/wire): the framer cuts, decodeMessage reads, encodeMessage writes.
 */
import net from 'net';
import { performance } from 'perf_hooks';
import { Framer } from '../../lib/wire/framer';
import { CeaseSubcode, MessageType } from '../../lib/wire/iana';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import { ceaseNotification, notificationText } from '../../lib/wire/notification';
import { DEFAULT_CONTEXT, type CodecContext } from '../../lib/wire/types';
import { DeadlineExceeded, type Deadline } from '../measure/deadline';
import { CAPTURE_HOLD_TIME, captureOpen, type CaptureSpeaker } from './capture-open';
import { messageType } from './message-split';
import { StreamCapture } from './stream-capture';

export interface CapturePeerOptions {
  /** Where to listen (the case's receiver slot). */
  readonly address: string;
  readonly port: number;
  /** Connections from any other address are refused. */
  readonly peerAddress: string;
  readonly local: CaptureSpeaker;
  /** The capture ends once this many prefixes were announced (or at the End-of-RIB). */
  readonly expectedPrefixes: number;
  readonly deadline: Deadline;
  /** Why to give up (the sender exited), checked while waiting. */
  readonly abort?: () => string | undefined;
  readonly log: (message: string) => void;
}

export interface CapturedStream {
  /** Every octet the sender sent from Established to the end of the capture, whole messages only. */
  readonly bytes: Buffer;
  readonly messages: number;
  readonly updates: number;
  /** Prefixes the captured UPDATEs announce. */
  readonly prefixes: number;
  /** The capture ended on the End-of-RIB marker rather than on the N-th prefix. */
  readonly endOfRib: boolean;
  /** What the OPEN exchange negotiated, for decoding the capture. */
  readonly codec: CodecContext;
  /** Established → capture complete. */
  readonly streamSeconds: number;
}

/** How often the deadline and the sender are checked while waiting. */
const WATCH_INTERVAL_MS = 200;

type PeerState = 'open-sent' | 'open-confirm' | 'established';

export class CapturePeer {
  private socket: net.Socket | undefined;
  private state: PeerState = 'open-sent';
  private capture: StreamCapture | undefined;
  private codec: CodecContext = DEFAULT_CONTEXT;
  private establishedAt = 0;
  private keepalives: NodeJS.Timeout | undefined;
  private readonly watch: NodeJS.Timeout;
  private finished = false;
  private readonly result: Promise<CapturedStream>;
  private resolve!: (stream: CapturedStream) => void;
  private reject!: (err: Error) => void;

  private constructor(
    private readonly server: net.Server,
    private readonly o: CapturePeerOptions,
  ) {
    this.result = new Promise<CapturedStream>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Whoever awaits captured() sees a failure; a failure before that is not an unhandled rejection.
    this.result.catch(() => undefined);
    server.on('connection', (socket) => this.accept(socket));
    this.watch = setInterval(() => {
      const reason = o.abort?.();
      if (reason) this.fail(new Error(`while capturing: ${reason}`));
      else if (o.deadline.expired()) this.fail(new DeadlineExceeded(`the capture (${this.progress()})`));
    }, WATCH_INTERVAL_MS);
  }

  /** Starts listening; resolves once the port is bound. */
  static listen(o: CapturePeerOptions): Promise<CapturePeer> {
    return new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen({ host: o.address, port: o.port, exclusive: true }, () => {
        server.off('error', reject);
        server.on('error', (err) => o.log(`capture peer: ${err.message}`));
        resolve(new CapturePeer(server, o));
      });
    });
  }

  /** The bound port (the one asked for, or the kernel's choice for port 0). */
  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Resolves when the capture is complete; rejects on a NOTIFICATION, a closed session, the deadline or an abort. */
  captured(): Promise<CapturedStream> {
    return this.result;
  }

  /** Closes the session (if still open) and stops listening. Safe to call more than once. */
  async close(): Promise<void> {
    this.fail(new Error('capture peer closed before the capture was complete'));
    clearInterval(this.watch);
    this.socket?.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    if (this.finished || this.socket || socket.remoteAddress !== this.o.peerAddress) {
      socket.destroy();
      return;
    }
    this.socket = socket;
    this.state = 'open-sent';
    socket.setNoDelay(true);
    const framer = new Framer();
    socket.on('data', (chunk: Buffer) => {
      if (this.finished) return;
      try {
        for (const message of framer.push(chunk)) {
          this.receive(message);
          if (this.finished) return;
        }
      } catch (err) {
        this.fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
    socket.on('error', (err) => this.fail(new Error(`capture session: ${err.message}`)));
    socket.on('close', () => {
      if (this.finished) return;
      if (this.state === 'established') {
        this.fail(new Error(`the sender closed the session during the capture (${this.progress()})`));
        return;
      }
      // Before Established the sender may simply try again (connect retry): accept its next attempt.
      this.o.log('capture peer: connection closed before Established; waiting for another');
      this.socket = undefined;
    });
    socket.write(captureOpen(this.o.local));
  }

  private receive(message: Buffer): void {
    const type = messageType(message);
    if (this.state === 'established') {
      if (this.capture!.add(message)) this.finish();
      return;
    }
    if (type === MessageType.NOTIFICATION) {
      const n = decodeMessage(message, DEFAULT_CONTEXT);
      throw new Error(`the sender refused the session: ${n.type === 'notification' ? notificationText(n.code, n.subcode) : n.type}`);
    }
    if (this.state === 'open-sent') {
      const open = decodeMessage(message, DEFAULT_CONTEXT);
      if (open.type !== 'open') throw new Error(`expected the sender's OPEN, got ${open.type}`);
      // RFC 6793: 4-octet AS numbers in AS_PATH when both sides advertise the capability (ours does).
      const asn4 = open.capabilities.some((c) => c.kind === 'asn4');
      this.codec = { asn4, extendedMessage: false, addPath: new Set() };
      this.capture = new StreamCapture(this.o.expectedPrefixes, this.codec);
      this.send(KEEPALIVE_BYTES);
      this.state = 'open-confirm';
      // RFC 4271 §4.4: keepalives at a third of the negotiated hold time (0: none at all).
      const hold = Math.min(CAPTURE_HOLD_TIME, open.holdTime);
      if (hold > 0) this.keepalives = setInterval(() => this.send(KEEPALIVE_BYTES), (hold / 3) * 1000);
      return;
    }
    if (type !== MessageType.KEEPALIVE) throw new Error(`expected the sender's KEEPALIVE in OpenConfirm, got message type ${type}`);
    this.state = 'established';
    this.establishedAt = performance.now();
    this.o.log('capture peer: session established, recording');
  }

  private send(bytes: Buffer): void {
    if (this.socket && !this.socket.destroyed) this.socket.write(bytes);
  }

  private finish(): void {
    const c = this.capture!;
    const streamSeconds = (performance.now() - this.establishedAt) / 1000;
    this.stop();
    // RFC 4486 Cease / Administrative Shutdown: we are done, not failing.
    this.socket?.end(encodeMessage(ceaseNotification(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN), this.codec));
    this.resolve({
      bytes: c.bytes(),
      messages: c.messages,
      updates: c.updates,
      prefixes: c.prefixes,
      endOfRib: c.endOfRib,
      codec: this.codec,
      streamSeconds,
    });
  }

  private fail(err: Error): void {
    if (this.finished) return;
    this.stop();
    this.socket?.destroy();
    this.reject(err);
  }

  private stop(): void {
    this.finished = true;
    clearInterval(this.watch);
    if (this.keepalives) clearInterval(this.keepalives);
  }

  private progress(): string {
    const c = this.capture;
    return c ? `${c.prefixes} of ${this.o.expectedPrefixes} prefixes in ${c.messages} messages so far` : `session not up (${this.state})`;
  }
}
