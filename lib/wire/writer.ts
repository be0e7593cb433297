/**
 * A growable byte writer with back-patched lengths (the pg-protocol model): codecs write
 * values, the caller reserves a length field first and patches it once the value is written.
 * One scratch writer can be reused across messages: `reset()` keeps the allocation.
 */
export class Writer {
  private buf: Buffer;
  /** Next write position. */
  pos = 0;

  constructor(initialSize = 4096) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  reset(): this {
    this.pos = 0;
    return this;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  u8(v: number): this {
    this.ensure(1);
    this.buf[this.pos++] = v;
    return this;
  }

  u16(v: number): this {
    this.ensure(2);
    this.buf[this.pos++] = (v >>> 8) & 255;
    this.buf[this.pos++] = v & 255;
    return this;
  }

  u32(v: number): this {
    this.ensure(4);
    this.buf[this.pos++] = (v >>> 24) & 255;
    this.buf[this.pos++] = (v >>> 16) & 255;
    this.buf[this.pos++] = (v >>> 8) & 255;
    this.buf[this.pos++] = v & 255;
    return this;
  }

  u64(v: bigint): this {
    this.ensure(8);
    this.buf.writeBigUInt64BE(v, this.pos);
    this.pos += 8;
    return this;
  }

  bytes(src: Uint8Array, start = 0, end = src.length): this {
    const n = end - start;
    this.ensure(n);
    this.buf.set(src.subarray(start, end), this.pos);
    this.pos += n;
    return this;
  }

  /**
   * Octets held as a latin1 string (one char per octet, 0..255), as RIB keys hold NLRI values
   * (a FlowSpec rule's key): written back without a Buffer made for them.
   */
  latin1(octets: string): this {
    const n = octets.length;
    this.ensure(n);
    const { buf } = this;
    let at = this.pos;
    for (let i = 0; i < n; i++) buf[at++] = octets.charCodeAt(i);
    this.pos = at;
    return this;
  }

  /** Reserves `size` (1, 2 or 4) bytes for a length and returns their position for patch(). */
  reserve(size: 1 | 2 | 4): number {
    this.ensure(size);
    const at = this.pos;
    this.pos += size;
    return at;
  }

  /** Writes `value` into a field of `size` bytes at `at` (big-endian). */
  patch(at: number, size: 1 | 2 | 4, value: number): this {
    if (size === 1) this.buf[at] = value;
    else if (size === 2) this.buf.writeUInt16BE(value, at);
    else this.buf.writeUInt32BE(value, at);
    return this;
  }

  /** Shifts bytes [from, pos) right by `by` bytes (used when a length field must grow). */
  shift(from: number, by: number): this {
    this.ensure(by);
    this.buf.copy(this.buf, from + by, from, this.pos);
    this.pos += by;
    return this;
  }

  /** A copy of what was written: safe to keep after reset(). */
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
  }

  /** A view of what was written: valid only until the next write or reset(). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
