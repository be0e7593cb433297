/**
 * Hex fixtures that read like a packet diagram: spaces, newlines, ':' and `# comments` are ignored.
 *
 *   hex`
 *     ffffffffffffffffffffffffffffffff  # marker
 *     0017                              # length 23
 *     02                                # type UPDATE
 *   `
 */
export function hex(strings: TemplateStringsArray | string, ...values: unknown[]): Buffer {
  const text = typeof strings === 'string' ? strings : String.raw({ raw: strings }, ...values);
  const clean = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('')
    .replace(/[\s:]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new Error(`bad hex fixture: ${clean}`);
  return Buffer.from(clean, 'hex');
}

/** Lower-case hex of bytes, for assertions whose diffs read well. */
export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** The 16-byte all-ones marker (RFC 4271 §4.1) as hex. */
export const MARKER = 'ff'.repeat(16);
