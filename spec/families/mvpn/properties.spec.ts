/**
 * Properties of the MVPN codec (fast-check): any route of any type encodes and decodes back to
 * itself and its text reads back to it; random octets decode to routes or a malformed report, never
 * an exception (a peer's bytes must not crash the session).
 */
import fc from 'fast-check';
import { ipv4McastVpnFamily } from '../../../lib/families/mvpn';
import { decodeMvpnNlri } from '../../../lib/families/mvpn/decode-nlri';
import { encodeMvpnRoute } from '../../../lib/families/mvpn/encode-nlri';
import type { MvpnRoute } from '../../../lib/families/mvpn/types';
import { formatIpv4Number, formatIpv6 } from '../../../lib/wire/address';
import { Writer } from '../../../lib/wire/writer';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const rd = fc.oneof(
  fc.record({ type: fc.constant(0), admin: fc.integer({ min: 0, max: 0xffff }), assigned: u32 }),
  fc.record({ type: fc.constant(1), admin: u32, assigned: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ type: fc.constant(2), admin: u32, assigned: fc.integer({ min: 0, max: 0xffff }) }),
);
const ipv4 = u32.map(formatIpv4Number);
const ipv6 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => formatIpv6(b));
const ip = fc.oneof(ipv4, ipv6);
/** A source and group of one family, either possibly the RFC 6625 wildcard. */
const sg = fc.oneof(fc.tuple(ipv4, ipv4), fc.tuple(ipv6, ipv6)).chain(([s, g]) => fc.tuple(fc.oneof(fc.constant(s), fc.constant('*')), fc.oneof(fc.constant(g), fc.constant('*'))));
const routeKey = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 60 })).map(([t, b]) => Buffer.concat([Buffer.from([t, b.length]), b]).toString('hex'));

const route: fc.Arbitrary<MvpnRoute> = fc.oneof(
  fc.record({ type: fc.constant(1 as const), rd, originator: ip }),
  fc.record({ type: fc.constant(2 as const), rd, sourceAs: u32 }),
  fc.tuple(rd, sg, ip).map(([r, [source, group], originator]) => ({ type: 3 as const, rd: r, source, group, originator })),
  fc.record({ type: fc.constant(4 as const), routeKey, originator: ip }),
  fc.tuple(rd, sg).map(([r, [source, group]]) => ({ type: 5 as const, rd: r, source, group })),
  fc.tuple(fc.constantFrom(6 as const, 7 as const), rd, u32, sg).map(([type, r, sourceAs, [source, group]]) => ({ type, rd: r, sourceAs, source, group })),
  fc.record({ type: fc.integer({ min: 8, max: 255 }), raw: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('hex')) }),
);

describe('MVPN codec properties', () => {
  it('decode(encode(route)) is the route, and its text reads back to it', () => {
    fc.assert(
      fc.property(route, (r) => {
        const w = new Writer(300);
        encodeMvpnRoute(w, r);
        const bytes = Buffer.from(w.view());
        const run = decodeMvpnNlri(bytes, 0, bytes.length, false);
        expect(run.error).toBeUndefined();
        expect(run.values).toEqual([r]);
        const text = ipv4McastVpnFamily.formatText(r);
        const parsed = ipv4McastVpnFamily.parseText(text);
        expect(parsed.ok && parsed.value).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('random octets give routes or a malformed report, never an exception, with or without ADD-PATH', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.boolean(), (b, addPath) => {
        const buf = Buffer.from(b);
        const run = decodeMvpnNlri(buf, 0, buf.length, addPath);
        if (addPath && run.pathIds) expect(run.pathIds).toHaveLength(run.values.length);
        // Whatever was read encodes, and its text (the RIB key) reads back to it.
        for (const r of run.values) {
          encodeMvpnRoute(new Writer(300), r);
          const parsed = ipv4McastVpnFamily.parseText(ipv4McastVpnFamily.formatText(r));
          expect(parsed.ok && parsed.value).toEqual(r);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
