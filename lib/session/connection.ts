/**
 * One TCP connection to a peer: the only place that touches net.Socket (DESIGN.md).
 * The socket's chunks are a stream (fromEvent 'data') cut into whole messages by the frame()
 * operator and handed on in batches (one call per TCP chunk); writes report backpressure so
 * senders can wait for 'drain'.
 * Socket creation lives in openConnection() so TCP-MD5 / GTSM sockets can slot in later.
 */
import * as net from 'net';
import { filter, fromEvent, map, Observable, of, race, take, timer, type SchedulerLike, type Subscription } from 'rxjs';
import { frame } from '../wire/framer';
import { MAX_MESSAGE_LENGTH } from '../wire/iana';
import { BgpError } from '../wire/errors';
import { EventLoopScheduler } from './event-loop-scheduler';

export type Direction = 'outgoing' | 'incoming';

export interface ConnectionHandlers {
  /** Whole messages of one TCP chunk. */
  frames(frames: Buffer[]): void;
  /** Framing failed (bad marker or length): RFC 4271 §6.1. */
  framingError(error: BgpError): void;
  /** Outgoing connection established. */
  connected(): void;
  /** The connection failed or closed (not called after close() was asked for); `error` when a socket error did it. */
  closed(reason: string, error?: NodeJS.ErrnoException): void;
}

/** What a connection reports, as one stream (events()). */
export type ConnectionEvent =
  /** Outgoing connection established (RFC 4271 Event 16 for the session). */
  | { readonly kind: 'connected' }
  /** Whole messages of one TCP chunk. */
  | { readonly kind: 'frames'; readonly frames: Buffer[] }
  /** Framing failed (bad marker or length): RFC 4271 §6.1. */
  | { readonly kind: 'framing-error'; readonly error: BgpError }
  /** The connection failed or closed; `error` when a socket error did it. */
  | { readonly kind: 'closed'; readonly reason: string; readonly error?: NodeJS.ErrnoException };

export interface Endpoint {
  readonly peerAddress: string;
  readonly peerPort: number;
  readonly localAddress?: string;
  readonly localPort?: number;
}

/** How long a closing connection may take to flush its last NOTIFICATION before it is destroyed. */
export const CLOSE_FLUSH_MS = 1000;

/** The flush bound's default clock: real time, and the pending bound does not keep the process alive. */
const CLOSE_SCHEDULER = new EventLoopScheduler({ unref: true });

export class Connection {
  private handlers: ConnectionHandlers | undefined;
  private closing = false;
  /** Largest message accepted, read by frame() at every chunk: RFC 8654 raises it once negotiated. */
  private maxLength = MAX_MESSAGE_LENGTH;
  private readonly reading: Subscription;

  /** `scheduler`: the session's (a virtual one in tests); the flush bound on close runs on it. */
  constructor(
    readonly socket: net.Socket,
    readonly direction: Direction,
    private readonly scheduler: SchedulerLike = CLOSE_SCHEDULER,
  ) {
    socket.setNoDelay(true);
    // Chunks that come before bind() or after close() are dropped before framing, as they always were.
    this.reading = fromEvent<Buffer>(socket, 'data')
      .pipe(
        filter(() => this.handlers !== undefined && !this.closing),
        frame(() => this.maxLength),
      )
      .subscribe({
        next: (frames) => this.handlers?.frames(frames),
        // RFC 4271 §6.1: a bad Marker or Length ends the stream; the session sends the NOTIFICATION.
        error: (e: unknown) => this.handlers?.framingError(e instanceof BgpError ? e : new BgpError(1, 0, Buffer.alloc(0), `framing failed: ${String(e)}`)),
      });
    socket.on('error', (err: NodeJS.ErrnoException) => this.fail(`socket error: ${err.message}`, err));
    socket.on('close', () => this.fail('connection closed by peer'));
    socket.on('end', () => this.fail('connection closed by peer'));
    // Only outgoing sockets emit 'connect'; accepted ones are connected already.
    socket.once('connect', () => this.handlers?.connected());
  }

  /** Starts delivering events to the session that owns this connection. */
  bind(handlers: ConnectionHandlers): void {
    this.handlers = handlers;
  }

  /**
   * The connection's events as a stream, for the one session that owns it (the stream binds the
   * connection; unsubscribing unbinds it). Nothing comes after close() was asked for, or after
   * 'closed' or 'framing-error'.
   */
  events(): Observable<ConnectionEvent> {
    return new Observable<ConnectionEvent>((subscriber) => {
      const handlers: ConnectionHandlers = {
        connected: () => subscriber.next({ kind: 'connected' }),
        frames: (frames) => subscriber.next({ kind: 'frames', frames }),
        framingError: (error) => subscriber.next({ kind: 'framing-error', error }),
        closed: (reason, error) => subscriber.next(error ? { kind: 'closed', reason, error } : { kind: 'closed', reason }),
      };
      this.bind(handlers);
      return () => {
        if (this.handlers === handlers) this.handlers = undefined;
      };
    });
  }

  get localAddress(): string | undefined {
    return stripMapped(this.socket.localAddress);
  }

  get remoteAddress(): string | undefined {
    return stripMapped(this.socket.remoteAddress);
  }

  /** An outgoing connection still waiting for the peer's answer (SYN sent, nothing back yet). */
  get connecting(): boolean {
    return this.direction === 'outgoing' && this.socket.connecting && !this.closing;
  }

  get isOpen(): boolean {
    return !this.closing && !this.socket.destroyed;
  }

  /** RFC 8654: after extended message is negotiated, frames may be up to 65535 octets. */
  setMaxMessageLength(n: number): void {
    this.maxLength = n;
  }

  /** Writes bytes; false means the kernel buffer is full and the caller should wait for drained(). */
  write(bytes: Buffer): boolean {
    if (!this.isOpen) return true;
    return this.socket.write(bytes);
  }

  /**
   * One value once the socket has drained its write buffer (or closed), then complete: at once when
   * nothing waits. What a sender waits for after write() returned false (paced-writes.ts).
   */
  drained(): Observable<void> {
    if (!this.isOpen || !this.socket.writableNeedDrain) return of(undefined);
    return race(fromEvent(this.socket, 'drain'), fromEvent(this.socket, 'close')).pipe(take(1), map(() => undefined));
  }

  /** Flushes what was written (a NOTIFICATION, say) and closes; no more events are delivered. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.handlers = undefined;
    this.reading.unsubscribe();
    this.socket.end();
    const bound = timer(CLOSE_FLUSH_MS, this.scheduler).subscribe(() => this.socket.destroy());
    this.socket.once('close', () => bound.unsubscribe());
  }

  private fail(reason: string, error?: NodeJS.ErrnoException): void {
    if (this.closing) return;
    const h = this.handlers;
    this.closing = true;
    this.handlers = undefined;
    this.reading.unsubscribe();
    this.socket.destroy();
    h?.closed(reason, error);
  }
}

/** Opens an outgoing connection. The one place sockets are created for peers. */
export function openConnection(ep: Endpoint, scheduler?: SchedulerLike): Connection {
  const socket = net.connect({
    host: ep.peerAddress,
    port: ep.peerPort,
    ...(ep.localAddress ? { localAddress: ep.localAddress } : {}),
    ...(ep.localPort ? { localPort: ep.localPort } : {}),
  });
  return new Connection(socket, 'outgoing', scheduler);
}

/** "::ffff:127.0.0.1" (dual-stack listener) -> "127.0.0.1". */
export function stripMapped(addr: string | undefined): string | undefined {
  return addr?.startsWith('::ffff:') && addr.includes('.') ? addr.slice(7) : addr;
}
