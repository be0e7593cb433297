/**
 * A stand-in for net.Socket under a Connection, for session tests in virtual time: it records what
 * is written (with the virtual time it was written at) and never closes by itself; the test emits
 * 'data' and 'close' when the scenario says so.
 */
import { EventEmitter } from 'events';
import type * as net from 'net';
import type { SchedulerLike } from 'rxjs';
import { Framer } from '../../lib/wire/framer';
import { decodeMessage } from '../../lib/wire/message';
import { nlriCount } from '../../lib/wire/nlri/packed-ipv4';
import { DEFAULT_CONTEXT, type CodecContext, type Message } from '../../lib/wire/types';

export class FakeSocket extends EventEmitter {
  readonly writes: Array<{ at: number; bytes: Buffer }> = [];
  ended = false;
  destroyed = false;
  connecting = false;
  writableNeedDrain = false;
  readonly localAddress = '192.0.2.1';
  readonly remoteAddress = '192.0.2.2';

  constructor(private readonly clock: SchedulerLike) {
    super();
  }

  asSocket(): net.Socket {
    return this as unknown as net.Socket;
  }

  setNoDelay(): this {
    return this;
  }

  write(bytes: Buffer): boolean {
    this.writes.push({ at: this.clock.now(), bytes });
    return true;
  }

  end(): this {
    this.ended = true;
    return this;
  }

  /** A real socket emits 'close' afterwards; this one leaves that to the test. */
  destroy(): this {
    this.destroyed = true;
    return this;
  }

  /** What was written, decoded, as "<ms> <name>" lines. */
  sent(ctx: CodecContext = DEFAULT_CONTEXT): string[] {
    const framer = new Framer();
    framer.maxLength = 65535;
    return this.writes.flatMap(({ at, bytes }) => framer.push(bytes).map((m) => `${at} ${describe(decodeMessage(m, ctx))}`));
  }
}

function describe(m: Message): string {
  if (m.type === 'notification') return `NOTIFICATION ${m.code}/${m.subcode}`;
  if (m.type === 'update') return [...m.announced, ...m.withdrawn].some((l) => nlriCount(l) > 0) ? 'UPDATE' : 'UPDATE (End-of-RIB)';
  return m.type.toUpperCase();
}
