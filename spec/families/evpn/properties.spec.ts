/**
 * Properties of the EVPN codec (fast-check): any route of any type encodes and decodes back to
 * itself and its text reads back to it; random octets decode to routes or a malformed report, never
 * an exception (a peer's bytes must not crash the session).
 */
import fc from 'fast-check';
import { evpnFamily, type EvpnRoute } from '../../../lib/families';
import { decodeEvpnNlri } from '../../../lib/families/evpn/decode-nlri';
import { encodeEvpnRoute } from '../../../lib/families/evpn/encode-nlri';
import { formatIpv4Number, formatIpv6 } from '../../../lib/wire/address';
import { Writer } from '../../../lib/wire/writer';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u24 = fc.integer({ min: 0, max: 0xffffff });
const hexOf = (n: number): fc.Arbitrary<string> => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Buffer.from(b).toString('hex'));
const rd = fc.oneof(
  fc.record({ type: fc.constant(0), admin: fc.integer({ min: 0, max: 0xffff }), assigned: u32 }),
  fc.record({ type: fc.constant(1), admin: u32, assigned: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ type: fc.constant(2), admin: u32, assigned: fc.integer({ min: 0, max: 0xffff }) }),
);
const ipv4 = u32.map(formatIpv4Number);
const ipv6 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => formatIpv6(b));
const ip = fc.oneof(ipv4, ipv6);

const route: fc.Arbitrary<EvpnRoute> = fc.oneof(
  fc.record({ type: fc.constant(1 as const), rd, esi: hexOf(10), etag: u32, label: u24 }),
  fc.record(
    { type: fc.constant(2 as const), rd, esi: hexOf(10), etag: u32, macLength: fc.integer({ min: 0, max: 48 }), mac: hexOf(6), ip, labels: fc.array(u24, { minLength: 1, maxLength: 2 }) },
    { requiredKeys: ['type', 'rd', 'esi', 'etag', 'macLength', 'mac', 'labels'] },
  ),
  fc.record({ type: fc.constant(3 as const), rd, etag: u32, ip }),
  fc.record({ type: fc.constant(4 as const), rd, esi: hexOf(10), ip }),
  fc.oneof(
    fc.record({ type: fc.constant(5 as const), rd, esi: hexOf(10), etag: u32, ip: ipv4, length: fc.integer({ min: 0, max: 32 }), gateway: ipv4, label: u24 }),
    fc.record({ type: fc.constant(5 as const), rd, esi: hexOf(10), etag: u32, ip: ipv6, length: fc.integer({ min: 0, max: 128 }), gateway: ipv6, label: u24 }),
  ),
  fc.record({ type: fc.integer({ min: 6, max: 255 }), raw: fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('hex')) }),
);

describe('EVPN codec properties', () => {
  it('decode(encode(route)) is the route, and its text reads back to it', () => {
    fc.assert(
      fc.property(fc.array(route, { minLength: 1, maxLength: 5 }), (routes) => {
        const w = new Writer(64);
        for (const r of routes) encodeEvpnRoute(w, r);
        const bytes = Buffer.from(w.view());
        const run = decodeEvpnNlri(bytes, 0, bytes.length, false);
        expect(run.error).toBeUndefined();
        expect(run.values).toEqual(routes);
        for (const r of routes) expect(evpnFamily.parseText(evpnFamily.formatText(r))).toEqual({ ok: true, value: r });
      }),
      { numRuns: 500 },
    );
  });

  it('reads random octets, with or without path ids, to routes or a malformed report, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.boolean(), (octets, addPath) => {
        const bytes = Buffer.from(octets);
        const run = decodeEvpnNlri(bytes, 0, bytes.length, addPath);
        if (run.pathIds) expect(run.pathIds).toHaveLength(run.values.length);
        for (const r of run.values) {
          // Whatever was read is a route the codec writes and prints.
          const w = new Writer(64);
          encodeEvpnRoute(w, r);
          expect(evpnFamily.parseText(evpnFamily.formatText(r)).ok).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
