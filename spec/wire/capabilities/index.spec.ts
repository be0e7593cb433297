import {
  CAPABILITY_CODECS,
  capabilityCode,
  capabilityName,
  decodeCapabilities,
  isMalformedCapability,
} from '../../../lib/wire/capabilities';
import { BgpError } from '../../../lib/wire/errors';
import { hex } from '../../helpers/hex';
import { decodeTlv, encodeTlv, expectTlv } from './tlv';

describe('capability registry (RFC 5492)', () => {
  it('lists every codec once, by code and by kind', () => {
    const codes = CAPABILITY_CODECS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.sort((a, b) => a - b)).toEqual([1, 2, 6, 64, 65, 69, 70, 73, 128]);
    expect(new Set(CAPABILITY_CODECS.map((c) => c.kind)).size).toBe(codes.length);
  });

  it('keeps unknown capabilities opaque, in both directions', () => {
    expectTlv(hex`05 06 0001 0001 0002 # extended next hop, not decoded`, {
      kind: 'unknown',
      code: 5,
      value: hex`000100010002`,
    });
    expectTlv(hex`47 00 # long-lived graceful restart, empty`, { kind: 'unknown', code: 71, value: hex`` });
  });

  it('copies opaque values so they outlive the socket chunk', () => {
    const tlv = hex`09 01 01`;
    const [cap] = decodeTlv(tlv);
    tlv[2] = 0xee;
    expect(cap).toEqual({ kind: 'unknown', code: 9, value: hex`01` });
  });

  it('decodes several TLVs in order', () => {
    expect(decodeTlv(hex`0200 4600 0600`)).toEqual([
      { kind: 'route-refresh' },
      { kind: 'enhanced-route-refresh' },
      { kind: 'extended-message' },
    ]);
  });

  it('throws OPEN Message Error / Unspecific when a TLV overruns its parameter (RFC 4271 §6.2)', () => {
    for (const bad of [hex`02`, hex`41 04 0000fd`, hex`0200 46`]) {
      let error: unknown;
      try {
        decodeCapabilities(bad, 0, bad.length);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BgpError);
      expect(error).toMatchObject({ code: 2, subcode: 0, data: Buffer.alloc(0) });
    }
  });

  it('names codes and flags malformed known capabilities', () => {
    expect(capabilityName(64)).toBe('Graceful Restart');
    expect(capabilityName(99)).toBe('capability 99');
    expect(capabilityCode({ kind: 'asn4', asn: 1 })).toBe(65);
    expect(isMalformedCapability({ kind: 'unknown', code: 65, value: hex`01` })).toBe(true);
    expect(isMalformedCapability({ kind: 'unknown', code: 5, value: hex`01` })).toBe(false);
  });

  it('refuses to encode a value of more than 255 octets', () => {
    expect(() => encodeTlv({ kind: 'unknown', code: 200, value: Buffer.alloc(256) })).toThrow(/255/);
  });
});
