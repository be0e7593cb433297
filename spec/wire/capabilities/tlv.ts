/** Shared checks for capability specs: a TLV decodes to the value and the value encodes to the TLV. */
import { decodeCapabilities, encodeCapability } from '../../../lib/wire/capabilities';
import type { Capability } from '../../../lib/wire/types';
import { Writer } from '../../../lib/wire/writer';
import { toHex } from '../../helpers/hex';

export function decodeTlv(tlv: Buffer): Capability[] {
  return decodeCapabilities(tlv, 0, tlv.length);
}

export function encodeTlv(cap: Capability): string {
  const w = new Writer(16);
  encodeCapability(w, cap);
  return toHex(w.view());
}

/** Both directions: the bytes decode to exactly `cap`, and `cap` encodes to exactly the bytes. */
export function expectTlv(tlv: Buffer, cap: Capability): void {
  expect(decodeTlv(tlv)).toEqual([cap]);
  expect(encodeTlv(cap)).toBe(toHex(tlv));
}

/** A malformed Value is kept opaque (RFC 5492 §3 lets the session ignore it). */
export function expectKeptOpaque(tlv: Buffer): void {
  expect(decodeTlv(tlv)).toEqual([{ kind: 'unknown', code: tlv[0], value: tlv.subarray(2) }]);
}
