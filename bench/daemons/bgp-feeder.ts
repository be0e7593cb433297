/**
 * A minimal BGP speaker in the bench process that loads a table into a sender daemon (BIRD) over
 * one iBGP session before the measured session exists: OPEN with hold time 0 (RFC 4271 §4.2: no
 * KEEPALIVEs, no hold timer, so it needs no timers while idle), the daemon's OPEN and KEEPALIVE
 * answered, then pre-built UPDATE chunks written with backpressure. It keeps the session open until
 * closed, because the daemon withdraws the routes when it ends.
 *
 * Why not static routes: BIRD 2.0.12 compiles a per-route `{ bgp_path.prepend(..); .. }` block into
 * its config, measured here at ~4 KB a route (200 k routes: 780 MB of config, 875 MB RSS, against
 * 56 MB without blocks), so a full table of attributed static routes would not fit; routes learnt
 * over BGP are stored as BIRD stores any full table, with attribute sets shared.
 */
import net from 'net';
import type { Deadline } from '../measure/deadline';

const HEADER = 19;
const OPEN = 1;
const NOTIFICATION = 3;
const KEEPALIVE = 4;

export interface FeederOptions {
  readonly host: string;
  readonly port: number;
  readonly localAddress: string;
  readonly asn: number;
  readonly routerId: string;
}

/** RFC 4271 §4.2 OPEN: version 4, AS (AS_TRANS above 65535), hold time 0, capabilities. */
export function feederOpen(asn: number, routerId: string): Buffer {
  const capabilities = Buffer.concat([
    capability(1, Buffer.from([0, 1, 0, 1])), // RFC 4760 multiprotocol: IPv4 unicast
    capability(1, Buffer.from([0, 2, 0, 1])), // IPv6 unicast
    capability(65, uint32(asn)), // RFC 6793 4-octet AS
  ]);
  const optional = Buffer.concat([Buffer.from([2, capabilities.length]), capabilities]);
  const body = Buffer.alloc(10);
  body[0] = 4;
  body.writeUInt16BE(asn > 0xffff ? 23456 : asn, 1);
  body.writeUInt16BE(0, 3); // hold time
  routerId.split('.').forEach((octet, k) => (body[5 + k] = Number(octet)));
  body[9] = optional.length;
  return message(OPEN, Buffer.concat([body, optional]));
}

export function keepalive(): Buffer {
  return message(KEEPALIVE, Buffer.alloc(0));
}

export class BgpFeeder {
  private closedBy: Error | undefined;
  private drainWaiter: (() => void) | undefined;

  private constructor(private readonly socket: net.Socket) {}

  /** Connects and completes the OPEN exchange; rejects on a NOTIFICATION, a closed socket or the deadline. */
  static connect(o: FeederOptions, deadline: Deadline): Promise<BgpFeeder> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: o.host, port: o.port, localAddress: o.localAddress });
      const feeder = new BgpFeeder(socket);
      let pending = Buffer.alloc(0);
      let sawOpen = false;
      let established = false;
      const timer = setTimeout(() => fail(new Error(`feeder: no session with ${o.host}:${o.port} before the deadline`)), deadline.remainingMs());
      const fail = (err: Error) => {
        clearTimeout(timer);
        feeder.closedBy ??= err;
        socket.destroy();
        feeder.drainWaiter?.();
        if (!established) reject(err);
      };
      socket.on('connect', () => socket.write(feederOpen(o.asn, o.routerId)));
      socket.on('data', (chunk: Buffer) => {
        if (established) return; // UPDATEs BIRD sends back (none: it exports nothing here) are not needed.
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= HEADER) {
          const length = pending.readUInt16BE(16);
          if (length < HEADER || length > 4096) return fail(new Error(`feeder: bad message length ${length}`));
          if (pending.length < length) break;
          const type = pending[18];
          if (type === NOTIFICATION) return fail(new Error(`feeder: NOTIFICATION ${pending[19]}/${pending[20]} from ${o.host}`));
          if (type === OPEN) {
            sawOpen = true;
            socket.write(keepalive());
          } else if (type === KEEPALIVE && sawOpen) {
            established = true;
            clearTimeout(timer);
            resolve(feeder);
            return;
          }
          pending = pending.subarray(length);
        }
      });
      socket.on('drain', () => {
        const w = feeder.drainWaiter;
        feeder.drainWaiter = undefined;
        w?.();
      });
      socket.on('error', (err) => fail(err));
      socket.on('close', () => fail(new Error(`feeder: ${o.host}:${o.port} closed the session`)));
    });
  }

  /** Writes every chunk, waiting for 'drain' whenever the socket's buffer is full. */
  async send(chunks: Iterable<Buffer>, deadline: Deadline): Promise<void> {
    for (const chunk of chunks) {
      if (this.closedBy) throw this.closedBy;
      if (!this.socket.write(chunk)) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          this.drainWaiter = resolve;
          timer = setTimeout(resolve, deadline.remainingMs() + 1);
        });
        clearTimeout(timer);
      }
      deadline.check('the feeder to write the table');
    }
    if (this.closedBy) throw this.closedBy;
  }

  /** Why the session ended, if it has. */
  get failure(): Error | undefined {
    return this.closedBy;
  }

  close(): void {
    this.closedBy ??= new Error('feeder closed');
    this.socket.destroy();
  }
}

function message(type: number, body: Buffer): Buffer {
  const b = Buffer.alloc(HEADER + body.length);
  b.fill(0xff, 0, 16);
  b.writeUInt16BE(b.length, 16);
  b[18] = type;
  body.copy(b, HEADER);
  return b;
}

function capability(code: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([code, value.length]), value]);
}

function uint32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v);
  return b;
}
