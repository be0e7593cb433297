/**
 * Cuts a TCP byte stream into whole BGP messages (RFC 4271 §4.1: Marker, Length, Type, body).
 *
 * Messages wholly inside a chunk come out as zero-copy views of it; a message split across
 * chunks is assembled once, into a buffer of exactly its length. The Marker and the Length are
 * checked as soon as their bytes arrive, before waiting for the body, so a desynchronized or
 * hostile peer cannot make us buffer 64 KB of garbage first.
 */
import { Observable, type OperatorFunction } from 'rxjs';
import type { BgpError } from './errors';
import { LENGTH_OFFSET, badMessageLength, connectionNotSynchronized } from './header';
import { HEADER_LENGTH, MARKER_LENGTH, MAX_MESSAGE_LENGTH } from './iana';

/** Marker and Length: all the framer needs to know where a message ends. */
const PREFIX_LENGTH = LENGTH_OFFSET + 2;

export class Framer {
  /**
   * Largest Length accepted: 4096 (RFC 4271 §4.1), or 65535 once RFC 8654 extended messages are
   * negotiated. RFC 8654 §5 forbids accepting longer messages before that.
   */
  maxLength: number;

  /** Marker and Length of a message whose first bytes ended the previous chunk. */
  private readonly head = Buffer.allocUnsafe(PREFIX_LENGTH);
  private headFilled = 0;
  /** The message being assembled across chunks, allocated at its full length. */
  private partial: Buffer | undefined;
  private partialFilled = 0;
  /** Set once push() threw: the stream is out of sync and the session is closing. */
  private failure: BgpError | undefined;

  constructor(maxLength: number = MAX_MESSAGE_LENGTH) {
    this.maxLength = maxLength;
  }

  /**
   * Returns the messages completed by this chunk (header included), in order.
   * Throws BgpError 1/1 (Connection Not Synchronized) or 1/2 (Bad Message Length, data = the
   * Length field); after that every call throws the same error.
   */
  push(chunk: Buffer): Buffer[] {
    if (this.failure) throw this.failure;
    try {
      return this.cut(chunk);
    } catch (e) {
      this.failure = e as BgpError;
      throw e;
    }
  }

  /** Bytes held for a message not yet complete (for tests and diagnostics). */
  get pending(): number {
    return this.partial ? this.partialFilled : this.headFilled;
  }

  private cut(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    const n = chunk.length;
    let pos = 0;
    if (this.partial || this.headFilled > 0) pos = this.continuePartial(chunk, out);
    // Fast path: every message that lies wholly in this chunk is a view of it.
    while (n - pos >= PREFIX_LENGTH) {
      for (let i = pos; i < pos + MARKER_LENGTH; i++) if (chunk[i] !== 0xff) throw connectionNotSynchronized();
      const length = (chunk[pos + LENGTH_OFFSET] << 8) | chunk[pos + LENGTH_OFFSET + 1];
      this.checkLength(length);
      if (n - pos < length) break;
      out.push(chunk.subarray(pos, pos + length));
      pos += length;
    }
    if (pos < n) this.startPartial(chunk, pos);
    return out;
  }

  /** Keeps the tail chunk[pos..] of a message that continues in the next chunk. */
  private startPartial(chunk: Buffer, pos: number): void {
    const rest = chunk.length - pos;
    if (rest < PREFIX_LENGTH) {
      this.fillHead(chunk, pos, rest);
      return;
    }
    // The loop in cut() already checked this message's Marker and Length.
    const length = (chunk[pos + LENGTH_OFFSET] << 8) | chunk[pos + LENGTH_OFFSET + 1];
    this.partial = Buffer.allocUnsafe(length);
    chunk.copy(this.partial, 0, pos);
    this.partialFilled = rest;
  }

  /** Feeds the start of `chunk` to the message in progress; returns how many bytes it took. */
  private continuePartial(chunk: Buffer, out: Buffer[]): number {
    let pos = 0;
    if (!this.partial) {
      pos = Math.min(PREFIX_LENGTH - this.headFilled, chunk.length);
      this.fillHead(chunk, 0, pos);
      if (this.headFilled < PREFIX_LENGTH) return pos;
      const length = (this.head[LENGTH_OFFSET] << 8) | this.head[LENGTH_OFFSET + 1];
      this.checkLength(length);
      this.partial = Buffer.allocUnsafe(length);
      this.head.copy(this.partial, 0, 0, PREFIX_LENGTH);
      this.partialFilled = PREFIX_LENGTH;
      this.headFilled = 0;
    }
    const take = Math.min(this.partial.length - this.partialFilled, chunk.length - pos);
    chunk.copy(this.partial, this.partialFilled, pos, pos + take);
    this.partialFilled += take;
    pos += take;
    if (this.partialFilled === this.partial.length) {
      out.push(this.partial);
      this.partial = undefined;
      this.partialFilled = 0;
    }
    return pos;
  }

  /** Appends `count` bytes to the held Marker+Length, checking each Marker byte as it lands. */
  private fillHead(chunk: Buffer, pos: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const at = this.headFilled + i;
      const byte = chunk[pos + i];
      if (at < MARKER_LENGTH && byte !== 0xff) throw connectionNotSynchronized();
      this.head[at] = byte;
    }
    this.headFilled += count;
  }

  /** RFC 4271 §6.1: Length below 19 or above the maximum is a Bad Message Length. */
  private checkLength(length: number): void {
    if (length < HEADER_LENGTH) throw badMessageLength(length, 'message length below the 19-octet header');
    if (length > this.maxLength) throw badMessageLength(length, `message length above ${this.maxLength}`);
  }
}

/**
 * RxJS operator: TCP chunks in, one array of whole messages out per chunk that completed any
 * (empty arrays are skipped). Errors with the framer's BgpError. Each subscription has its own
 * Framer. `maxLength` may be a function, read at every chunk, so a session can raise it to
 * 65535 once RFC 8654 extended messages are negotiated.
 */
export function frame(maxLength: number | (() => number) = MAX_MESSAGE_LENGTH): OperatorFunction<Buffer, Buffer[]> {
  return (source) =>
    new Observable<Buffer[]>((subscriber) => {
      const framer = new Framer(typeof maxLength === 'number' ? maxLength : maxLength());
      return source.subscribe({
        next(chunk) {
          if (typeof maxLength === 'function') framer.maxLength = maxLength();
          let messages: Buffer[];
          try {
            messages = framer.push(chunk);
          } catch (e) {
            subscriber.error(e);
            return;
          }
          if (messages.length > 0) subscriber.next(messages);
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      });
    });
}
