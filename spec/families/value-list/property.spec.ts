/**
 * Properties of the NLRI codecs of multicast, VPLS and RTC (lib/families/multicast, vpls, rtc over
 * lib/families/value-list): random octets, with and without RFC 7911 path ids, decode to NLRI that
 * encode back to a prefix of those octets, or say `malformed` (treat-as-withdraw, RFC 7606 §5.3),
 * never throw; random values encode and decode to themselves.
 */
import fc from 'fast-check';
import { ipv4MulticastFamily, ipv6MulticastFamily, rtcFamily, vplsFamily, type AnyFamily } from '../../../lib/families';
import { Writer } from '../../../lib/wire/writer';

const FAMILIES: readonly AnyFamily[] = [ipv4MulticastFamily, ipv6MulticastFamily, vplsFamily, rtcFamily];

function encode(family: AnyFamily, list: { prefixes: readonly string[]; pathIds?: readonly number[] }, addPath: boolean): Buffer {
  const w = new Writer(64);
  family.wire.encodeRange(w, list, addPath, 0, family.wire.count(list), Infinity);
  return Buffer.from(w.view());
}

describe.each(FAMILIES.map((f) => [f.name, f] as const))('%s NLRI codec', (_name, family) => {
  it('never throws on random octets; what it reads encodes back to the octets it read', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, addPath) => {
        const buf = Buffer.from(bytes);
        const run = family.wire.decodeField({}, buf, 0, buf.length, addPath) as { prefixes: string[]; pathIds?: number[]; malformed?: string };
        const again = encode(family, run, addPath);
        // Bits past a prefix's length are not kept (RFC 4271 §4.3), so compare by decoding again.
        const back = family.wire.decodeField({}, again, 0, again.length, addPath) as { prefixes: string[]; pathIds?: number[] };
        expect(back.prefixes).toEqual(run.prefixes);
        if (run.malformed === undefined) expect(again.length).toBe(buf.length);
        else expect(again.length).toBeLessThan(buf.length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('VPLS and RTC values', () => {
  const rd = fc.oneof(
    fc.record({ type: fc.constant(0), admin: fc.integer({ min: 0, max: 0xffff }), assigned: fc.integer({ min: 0, max: 0xffffffff }) }),
    fc.record({ type: fc.constant(1), admin: fc.integer({ min: 0, max: 0xffffffff }), assigned: fc.integer({ min: 0, max: 0xffff }) }),
    fc.record({ type: fc.constant(2), admin: fc.integer({ min: 0x10000, max: 0xffffffff }), assigned: fc.integer({ min: 0, max: 0xffff }) }),
  );
  const u16 = fc.integer({ min: 0, max: 0xffff });

  it('a VPLS NLRI encodes and decodes to itself, and its text and config read back', () => {
    fc.assert(
      fc.property(rd, u16, u16, u16, fc.integer({ min: 0, max: 0xfffff - 0xffff }), fc.integer({ min: 0, max: 0xffffffff }), (r, endpoint, offset, size, base, pathId) => {
        const value = { rd: r, endpoint, offset, size, base };
        const text = vplsFamily.formatText(value);
        const bytes = encode(vplsFamily, { prefixes: [text], pathIds: [pathId] }, true);
        const run = vplsFamily.wire.decodeField({}, bytes, 0, bytes.length, true);
        expect(vplsFamily.nlriAt(run, 0)).toEqual(value);
        expect(run.pathIds).toEqual([pathId]);
        expect(vplsFamily.parseText(text)).toEqual({ ok: true, value });
        expect(vplsFamily.decodeConfig(vplsFamily.encodeConfig(value))).toEqual({ ok: true, value });
      }),
    );
  });

  it('an RTC NLRI of any length 0 or 32..96 encodes and decodes to itself, and its text reads back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.integer({ min: 32, max: 96 })), fc.integer({ min: 0, max: 0xffffffff }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (bits, origin, rt) => {
        const rtBits = bits - 32;
        const masked = rtBits <= 0 ? 0n : rtBits >= 64 ? rt : rt & (((1n << BigInt(rtBits)) - 1n) << BigInt(64 - rtBits));
        const value = bits === 0 ? { bits: 0, origin: 0, rt: 0n } : { bits, origin, rt: masked };
        const text = rtcFamily.formatText(value);
        const bytes = encode(rtcFamily, { prefixes: [text] }, false);
        expect(bytes.length).toBe(1 + ((bits + 7) >> 3));
        const run = rtcFamily.wire.decodeField({}, bytes, 0, bytes.length, false);
        expect(rtcFamily.nlriAt(run, 0)).toEqual(value);
        expect(rtcFamily.parseText(text)).toEqual({ ok: true, value });
        expect(rtcFamily.decodeConfig(rtcFamily.encodeConfig(value))).toEqual({ ok: true, value });
      }),
    );
  });
});
