/** The path attributes of a whole UPDATE message (RFC 4271 §4.3), read from its bytes for tests that compare octets. */
export interface RawAttribute {
  readonly type: number;
  /** Flags without the Extended Length bit (its use is the encoder's choice, not the attribute's). */
  readonly flags: number;
  readonly value: Buffer;
}

export function updateAttributes(message: Buffer): RawAttribute[] {
  const withdrawnLength = message.readUInt16BE(19);
  let at = 21 + withdrawnLength + 2;
  const end = at + message.readUInt16BE(21 + withdrawnLength);
  const out: RawAttribute[] = [];
  while (at < end) {
    const flags = message[at];
    const extended = (flags & 0x10) !== 0;
    const length = extended ? message.readUInt16BE(at + 2) : message[at + 2];
    const value = at + (extended ? 4 : 3);
    out.push({ type: message[at + 1], flags: flags & ~0x10, value: message.subarray(value, value + length) });
    at = value + length;
  }
  return out;
}
