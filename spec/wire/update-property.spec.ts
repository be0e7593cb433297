/**
 * Property tests: generated valid UPDATEs round-trip through encodeUpdateBody/decodeUpdate,
 * and any bytes at all decode to an UpdateMessage or a BgpError, never another exception.
 */
import fc from 'fast-check';
import { formatIpv4Number, formatIpv6 } from '../../lib/wire/address';
import { BgpError } from '../../lib/wire/errors';
import { decodeUpdate } from '../../lib/wire/update';
import {
  familyKey,
  type Announced,
  type AsPathSegment,
  type CodecContext,
  type NlriList,
  type PathAttributes,
  type UnknownAttribute,
  type UpdateMessage,
} from '../../lib/wire/types';
import { hex } from '../helpers/hex';
import { ASN2, decodeBody, encodeBody } from './update-helpers';

/** Plain objects, as the decoder builds them (toStrictEqual compares prototypes). */
const PLAIN = { noNullPrototype: true } as const;
const KNOWN_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 26, 32, 40]);

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const asn = fc.integer({ min: 1, max: 0xffffffff });
const ipv4 = u32.map(formatIpv4Number);
const ipv6 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => formatIpv6(b));

const ipv4Prefix = fc.tuple(u32, fc.integer({ min: 0, max: 32 })).map(([address, length]) => {
  const masked = length === 0 ? 0 : (address & (0xffffffff << (32 - length))) >>> 0;
  return `${formatIpv4Number(masked)}/${length}`;
});

const ipv6Prefix = fc.tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 128 })).map(([bytes, length]) => {
  const b = Buffer.from(bytes);
  for (let bit = length; bit < 128; bit++) b[bit >> 3] &= ~(0x80 >> (bit & 7));
  return `${formatIpv6(b)}/${length}`;
});

function segment(asnArb: fc.Arbitrary<number>, types = [1, 2, 3, 4]): fc.Arbitrary<AsPathSegment> {
  return fc.record({ type: fc.constantFrom(...types), asns: fc.array(asnArb, { minLength: 1, maxLength: 8 }) }, PLAIN);
}

const unknownAttributes: fc.Arbitrary<UnknownAttribute[]> = fc
  .uniqueArray(
    fc.record({
      // The Extended Length bit is kept as received (RFC 4271 §4.3): set on any value, and always past 255 octets.
      flags: fc.constantFrom(0x80, 0xc0, 0xe0, 0xa0, 0x90, 0xd0, 0xf0),
      type: fc.integer({ min: 0, max: 255 }).filter((t) => !KNOWN_TYPES.has(t)),
      value: fc.uint8Array({ maxLength: 300 }).map((v) => Buffer.from(v)),
    }, PLAIN).map((u) => (u.value.length > 255 ? { ...u, flags: u.flags | 0x10 } : u)),
    { selector: (a) => a.type, maxLength: 3 },
  )
  .map((list) => list.sort((a, b) => a.type - b.type));

function attributesArb(asnArb: fc.Arbitrary<number>, withAs4: boolean, confedAsn: fc.Arbitrary<number>): fc.Arbitrary<PathAttributes> {
  // Confederation segments sit at the front of a path (RFC 5065 §4: prepended inside, removed on leaving).
  const path = fc
    .tuple(fc.array(segment(confedAsn, [3, 4]), { maxLength: 2 }), fc.array(segment(asnArb, [1, 2]), { maxLength: 3 }))
    .map(([confed, rest]) => [...confed, ...rest]);
  return fc.record(
    {
      origin: fc.integer({ min: 0, max: 2 }),
      asPath: path,
      nextHop: ipv4,
      med: u32,
      localPref: u32,
      atomicAggregate: fc.constant(true),
      aggregator: fc.record({ asn: asnArb, address: ipv4 }, PLAIN),
      communities: fc.array(u32, { minLength: 1, maxLength: 5 }),
      originatorId: ipv4,
      clusterList: fc.array(ipv4, { minLength: 1, maxLength: 3 }),
      extendedCommunities: fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { minLength: 1, maxLength: 3 }),
      ...(withAs4 ? { as4Path: fc.array(segment(asn, [1, 2]), { minLength: 1, maxLength: 3 }), as4Aggregator: fc.record({ asn, address: ipv4 }, PLAIN) } : {}),
      aigp: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), // RFC 7311
      // RFC 8669 / RFC 9252: label index, SRGB, an SRv6 service with a structure, an unknown TLV.
      prefixSid: fc.tuple(u32, fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 0, max: 0xffffff })), { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 0xffff }), fc.uint8Array({ maxLength: 8 }))
        .map(([labelIndex, srgbs, behavior, raw]) => [
          { type: 1, labelIndex },
          { type: 3, srgbs },
          { type: 5, subTlvs: [{ type: 1, sid: '2001:db8::1', flags: 0, behavior, subSubTlvs: [{ type: 1, structure: [64, 24, 16, 0, 0, 0] as [number, number, number, number, number, number] }] }] },
          { type: 99, value: Buffer.from(raw) },
        ]),
      largeCommunities: fc.array(fc.tuple(u32, u32, u32), { minLength: 1, maxLength: 3 }),
      unknown: unknownAttributes.filter((list) => list.length > 0),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

/** Prefixes with path ids when ADD-PATH is on for the family (none on an empty list, as decoded). */
function nlri(prefix: fc.Arbitrary<string>, addPath: boolean, minLength: number) {
  return fc.array(prefix, { minLength, maxLength: 12 }).chain((prefixes) =>
    addPath && prefixes.length > 0
      ? fc.array(u32, { minLength: prefixes.length, maxLength: prefixes.length }).map((pathIds) => ({ prefixes, pathIds }))
      : fc.constant({ prefixes }),
  );
}

const contexts = fc.record({
  asn4: fc.constant(true),
  extendedMessage: fc.constant(false),
  addPath: fc.subarray([familyKey(1, 1), familyKey(2, 1)]).map((keys) => new Set(keys)),
});

function updateArb(ctx: CodecContext, attributes: fc.Arbitrary<PathAttributes>): fc.Arbitrary<UpdateMessage> {
  const v4 = ctx.addPath.has(familyKey(1, 1));
  const v6 = ctx.addPath.has(familyKey(2, 1));
  const mpFamily = fc.constantFrom('ipv4', 'ipv6');
  return fc
    .record({
      attributes,
      classicWithdrawn: fc.option(nlri(ipv4Prefix, v4, 1), { nil: undefined }),
      mpWithdrawn: fc.option(
        mpFamily.chain((f) => nlri(f === 'ipv4' ? ipv4Prefix : ipv6Prefix, f === 'ipv4' ? v4 : v6, 0).map((run) => ({ f, run }))),
        { nil: undefined },
      ),
      classic: fc.option(nlri(ipv4Prefix, v4, 1), { nil: undefined }),
      mpReach: fc.option(
        mpFamily.chain((f) =>
          fc.record({
            run: nlri(f === 'ipv4' ? ipv4Prefix : ipv6Prefix, f === 'ipv4' ? v4 : v6, 0),
            nextHop: f === 'ipv4' ? fc.oneof(ipv4.map((a) => [a]), ipv6.map((a) => [a])) : fc.array(ipv6, { minLength: 1, maxLength: 2 }),
            f: fc.constant(f),
          }, PLAIN),
        ),
        { nil: undefined },
      ),
    })
    .map(({ attributes: generated, classicWithdrawn, mpWithdrawn, classic, mpReach }) => {
      let attrs = generated;
      // Announcing needs the well-known mandatory attributes, or the decoder treats it as withdraw.
      if (classic || mpReach) attrs = { origin: 0, asPath: [], ...attrs };
      if (classic && attrs.nextHop === undefined) attrs = { ...attrs, nextHop: '192.0.2.1' };
      const withdrawn: NlriList[] = [];
      if (classicWithdrawn) withdrawn.push({ afi: 1, safi: 1, ...classicWithdrawn });
      if (mpWithdrawn) withdrawn.push(mpWithdrawn.f === 'ipv4' ? { afi: 1, safi: 1, ...mpWithdrawn.run, mp: true } : { afi: 2, safi: 1, ...mpWithdrawn.run });
      const announced: Announced[] = [];
      if (classic) announced.push({ afi: 1, safi: 1, ...classic, nextHop: [attrs.nextHop as string] });
      if (mpReach) {
        const family = mpReach.f === 'ipv4' ? { afi: 1, safi: 1, mp: true as const } : { afi: 2, safi: 1 };
        announced.push({ ...family, ...mpReach.run, nextHop: mpReach.nextHop });
      }
      return { type: 'update' as const, withdrawn, attributes: attrs, announced };
    });
}

const validUpdates = contexts.chain((ctx) =>
  updateArb(ctx, attributesArb(asn, true, asn)).map((msg) => ({ ctx, msg })),
);

describe('UPDATE properties', () => {
  it('decodeUpdate(encodeUpdateBody(x)) equals x on 4-octet sessions', () => {
    fc.assert(
      fc.property(validUpdates, ({ ctx, msg }) => {
        expect(decodeBody(hex(encodeBody(msg, ctx)), ctx)).toStrictEqual(msg);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips asPath and aggregator on 2-octet sessions through AS4_PATH / AS4_AGGREGATOR (RFC 6793)', () => {
    // Confederation members keep 2-octet ASes: a 4-octet one cannot cross an OLD session.
    const arb = updateArb(ASN2, attributesArb(asn, false, fc.integer({ min: 1, max: 0xffff })));
    fc.assert(
      fc.property(arb, (msg) => {
        const decoded = decodeBody(hex(encodeBody(msg, ASN2)), ASN2);
        const { asPath, aggregator } = msg.attributes;
        const expected: PathAttributes = { ...msg.attributes };
        if (asPath?.some((s) => s.asns.some((a) => a > 0xffff))) {
          Object.assign(expected, { as4Path: asPath.filter((s) => s.type === 1 || s.type === 2) });
        }
        if (aggregator && aggregator.asn > 0xffff) Object.assign(expected, { as4Aggregator: aggregator });
        expect(decoded).toStrictEqual({ ...msg, attributes: expected });
      }),
      { numRuns: 200 },
    );
  });

  it('decodes random bytes to an UpdateMessage or a BgpError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), contexts, (bytes, ctx) => {
        expectMessageOrBgpError(Buffer.from(bytes), ctx);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes mutated valid UPDATEs to an UpdateMessage or a BgpError, nothing else', () => {
    const mutation = fc.record({
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      cut: fc.nat(),
      insert: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })), { nil: undefined }),
    });
    fc.assert(
      fc.property(validUpdates, mutation, ({ ctx, msg }, { flips, cut, insert }) => {
        let bytes = hex(encodeBody(msg, ctx));
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        if (insert) {
          const at = insert[0] % (bytes.length + 1);
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(insert[1]), bytes.subarray(at)]);
        }
        bytes = bytes.subarray(0, bytes.length - (cut % 3 === 0 ? cut % (bytes.length + 1) : 0));
        expectMessageOrBgpError(bytes, ctx);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Decodes `bytes` framed by 0x00 and by 0xff padding: the outcome must be a message or a
 * BgpError, and the same both times (a difference would mean a read outside [start, end)).
 */
function expectMessageOrBgpError(bytes: Buffer, ctx: CodecContext): void {
  const outcomes = [0x00, 0xff].map((pad) => {
    const framed = Buffer.concat([Buffer.alloc(2, pad), bytes, Buffer.alloc(8, pad)]);
    try {
      return decodeUpdate(framed, 2, 2 + bytes.length, ctx);
    } catch (error) {
      if (!(error instanceof BgpError)) throw error;
      expect(error.code).toBe(3);
      return { code: error.code, subcode: error.subcode, data: error.data };
    }
  });
  expect(outcomes[0]).toStrictEqual(outcomes[1]);
}
