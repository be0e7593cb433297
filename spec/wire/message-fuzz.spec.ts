/**
 * Random and mutated bytes through Framer + decodeMessage: the outcome is a message or a
 * BgpError (a NOTIFICATION to send), never any other exception. Covers OPEN and capabilities,
 * UPDATE with its attributes and NLRI, NOTIFICATION, KEEPALIVE and ROUTE-REFRESH.
 * A crasher found here becomes a fixture in the spec of the decoder that crashed.
 */
import fc from 'fast-check';
import { BgpError } from '../../lib/wire/errors';
import { Framer } from '../../lib/wire/framer';
import { decodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, familyKey, type CodecContext } from '../../lib/wire/types';
import { MARKER, hex } from '../helpers/hex';

/** A NEW speaker, an OLD (2-octet AS) one, and one with extended messages and ADD-PATH. */
const CONTEXTS: CodecContext[] = [
  DEFAULT_CONTEXT,
  { asn4: false, extendedMessage: false, addPath: new Set() },
  { asn4: true, extendedMessage: true, addPath: new Set([familyKey(1, 1), familyKey(2, 1)]) },
];

/** Decodes one frame in every context; true when every outcome is a value or a BgpError. */
function decodesOrRejects(frame: Buffer): boolean {
  for (const ctx of CONTEXTS) {
    try {
      decodeMessage(frame, ctx);
    } catch (e) {
      if (!(e instanceof BgpError)) throw e;
    }
  }
  return true;
}

/** A whole message of `type` around `body`, with a correct header. */
function message(type: number, body: Uint8Array): Buffer {
  const frame = Buffer.alloc(19 + body.length, 0xff);
  frame.writeUInt16BE(frame.length, 16);
  frame[18] = type;
  frame.set(body, 19);
  return frame;
}

const bytes = (maxLength: number) => fc.uint8Array({ maxLength });

/** AS_PATH / AS4_PATH segments (RFC 4271 §4.3, RFC 6793) with 2- or 4-octet ASes, counts right or wrong. */
const segments = fc
  .tuple(
    fc.constantFrom(2, 4),
    fc.array(
      fc.record({
        type: fc.integer({ min: 0, max: 5 }),
        asns: fc.array(fc.nat(), { maxLength: 5 }),
        skew: fc.constantFrom(0, 0, 0, 1, -1),
      }),
      { maxLength: 4 },
    ),
  )
  .map(([size, list]) => {
    const out: number[] = [];
    for (const { type, asns, skew } of list) {
      out.push(type, Math.max(0, asns.length + skew));
      for (const asn of asns) for (let i = size - 1; i >= 0; i--) out.push((asn >>> (8 * i)) & 255);
    }
    return Uint8Array.from(out);
  });

/** Values whose length suits the fixed-size attributes (4, 6, 8, 12 and their multiples). */
const fixedSize = fc.constantFrom(0, 1, 4, 6, 8, 12, 16, 24).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

/** The flags each attribute type should carry (RFC 4271 §5, RFC 4760, RFC 6793, ...). */
const PROPER_FLAGS: Record<number, number> = {
  1: 0x40, 2: 0x40, 3: 0x40, 4: 0x80, 5: 0x40, 6: 0x40, 7: 0xc0, 8: 0xc0,
  9: 0x80, 10: 0x80, 14: 0x80, 15: 0x80, 16: 0xc0, 17: 0xc0, 18: 0xc0, 32: 0xc0,
};
const KNOWN_TYPES = Object.keys(PROPER_FLAGS).map(Number);

/** Path attribute TLVs: mostly known types with their proper flags, lengths right or wrong. */
const attribute = fc
  .oneof(fc.constantFrom(...KNOWN_TYPES), fc.integer({ min: 0, max: 255 }))
  .chain((type) =>
    fc.record({
      type: fc.constant(type),
      flags: fc.oneof(
        fc.constant(PROPER_FLAGS[type] ?? 0xc0),
        fc.constant((PROPER_FLAGS[type] ?? 0xc0) | 0x10),
        fc.constantFrom(0x40, 0x80, 0xc0, 0xe0, 0x00, 0xff),
      ),
      value: fc.oneof(bytes(40), segments, fixedSize),
      lengthDelta: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -3, max: 3 })),
    }),
  )
  .map(({ flags, type, value, lengthDelta }) => {
    const extended = (flags & 0x10) !== 0;
    const length = Math.max(0, value.length + lengthDelta);
    const head = extended ? [flags, type, length >> 8, length & 255] : [flags, type, length & 255];
    return Buffer.concat([Buffer.from(head), value]);
  });

/** MP_REACH_NLRI / MP_UNREACH_NLRI values for IPv4 and IPv6 unicast, plausible or not. */
const mpAttribute = fc
  .record({
    reach: fc.boolean(),
    afi: fc.constantFrom(1, 2, 25),
    safi: fc.constantFrom(1, 2, 128),
    nextHop: fc.oneof(bytes(4), bytes(16), bytes(32)),
    nlri: bytes(40),
  })
  .map(({ reach, afi, safi, nextHop, nlri }) => {
    const head = Buffer.from([afi >> 8, afi & 255, safi]);
    const value = reach
      ? Buffer.concat([head, Buffer.from([nextHop.length]), nextHop, Buffer.from([0]), nlri])
      : Buffer.concat([head, nlri]);
    return Buffer.concat([Buffer.from([0x90, reach ? 14 : 15, value.length >> 8, value.length & 255]), value]);
  });

/** UPDATE bodies with consistent outer lengths, so the attribute and NLRI decoders are reached. */
const updateBody = fc
  .record({
    withdrawn: bytes(20),
    attributes: fc.array(fc.oneof(attribute, mpAttribute), { maxLength: 8 }),
    nlri: bytes(20),
  })
  .map(({ withdrawn, attributes, nlri }) => {
    const attrs = Buffer.concat(attributes);
    const w = Buffer.from([withdrawn.length >> 8, withdrawn.length & 255]);
    const a = Buffer.from([attrs.length >> 8, attrs.length & 255]);
    return Buffer.concat([w, withdrawn, a, attrs, nlri]);
  });

/** Well-formed path segments with `size`-octet ASes (types 1-4, each with 1-5 ASes). */
const wellFormedPath = (size: 2 | 4) =>
  fc
    .array(fc.record({ type: fc.integer({ min: 1, max: 4 }), asns: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }) }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((list) => {
      const out: number[] = [];
      for (const { type, asns } of list) {
        out.push(type, asns.length);
        for (const asn of asns) {
          const value = size === 2 ? (asn % 4 === 0 ? 23456 : asn & 0xffff) : asn;
          for (let i = size - 1; i >= 0; i--) out.push((value >>> (8 * i)) & 255);
        }
      }
      return Buffer.from(out);
    });

const tlv = (flags: number, type: number, value: Uint8Array) => Buffer.concat([Buffer.from([flags, type, value.length]), value]);

/**
 * UPDATE bodies as an OLD (2-octet) speaker sends them (RFC 6793 §4.2.2): AS_PATH and AGGREGATOR
 * with AS_TRANS, AS4_PATH and AS4_AGGREGATOR beside them, so the §4.2.3 merge runs.
 */
const oldSpeakerUpdate = fc
  .record({
    asPath: wellFormedPath(2),
    as4Path: fc.option(fc.oneof(wellFormedPath(4), segments), { nil: undefined }),
    aggregator: fc.option(fc.tuple(fc.constantFrom(23456, 65001), bytes(4).filter((b) => b.length === 4)), { nil: undefined }),
    as4Aggregator: fc.option(fc.uint8Array({ minLength: 8, maxLength: 8 }), { nil: undefined }),
    extra: fc.array(attribute, { maxLength: 2 }),
  })
  .map(({ asPath, as4Path, aggregator, as4Aggregator, extra }) => {
    const attrs = [tlv(0x40, 1, Uint8Array.of(0)), tlv(0x40, 2, asPath), tlv(0x40, 3, Uint8Array.of(192, 0, 2, 1))];
    if (aggregator) attrs.push(tlv(0xc0, 7, Uint8Array.of(aggregator[0] >> 8, aggregator[0] & 255, ...aggregator[1])));
    if (as4Path) attrs.push(tlv(0xc0, 17, as4Path));
    if (as4Aggregator) attrs.push(tlv(0xc0, 18, as4Aggregator));
    const all = Buffer.concat([...attrs, ...extra]);
    return Buffer.concat([Buffer.from([0, 0, all.length >> 8, all.length & 255]), all, Buffer.from([24, 10, 0, 0])]);
  });

/** OPEN bodies with capability TLVs, lengths right or wrong. */
const openBody = fc
  .record({
    version: fc.constantFrom(4, 4, 4, 3),
    fixed: bytes(8).filter((b) => b.length === 8),
    caps: fc.array(fc.record({ code: fc.integer({ min: 0, max: 255 }), value: bytes(12) }), { maxLength: 10 }),
    extended: fc.boolean(),
    skew: fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 2 })),
  })
  .map(({ version, fixed, caps, extended, skew }) => {
    const tlvs = Buffer.concat(caps.map((c) => Buffer.concat([Buffer.from([c.code, c.value.length]), c.value])));
    const params = extended
      ? Buffer.concat([Buffer.from([2, tlvs.length >> 8, tlvs.length & 255]), tlvs])
      : Buffer.concat([Buffer.from([2, tlvs.length & 255]), tlvs]);
    const total = Math.max(0, params.length + skew);
    const optLen = extended ? Buffer.from([255, 255, total >> 8, total & 255]) : Buffer.from([total & 255]);
    return Buffer.concat([Buffer.from([version]), fixed, optLen, params]);
  });

/** Real messages to mutate: BIRD's OPEN and UPDATE, GoBGP's OPEN, a shutdown NOTIFICATION. */
const SEEDS = [
  hex`${MARKER} 003b 01 04fe4900f0c00002611e021c01040001000101040002000102004002007841040000fe4946004700`,
  hex`${MARKER} 004f 01 045ba0005ac0000262 32 0230 0200 490402766d00 010400010001 010400020001 4104fa56ea62
       4002005a 0506000100010002 45080001010100020101`,
  hex`${MARKER} 002f 02 000000144001010040020602010000fe494003047f00006118140000`,
  hex`${MARKER} 0034 03 0602 1e 6d61696e74656e616e63652c206261636b2061742031343a303020555443`,
  hex`${MARKER} 0017 05 0001 01 01`,
];

describe('message fuzzing (fast-check): a value or a BgpError, never a crash', () => {
  it('random byte streams cut into random chunks', () => {
    fc.assert(
      fc.property(fc.array(bytes(64), { maxLength: 8 }), fc.boolean(), (chunks, marked) => {
        const framer = new Framer(65535);
        for (const chunk of chunks) {
          // Half the streams start each chunk with a marker so the framer gets past 1/1.
          const data = marked ? Buffer.concat([hex`${MARKER}`, chunk]) : Buffer.from(chunk);
          let frames: Buffer[];
          try {
            frames = framer.push(data);
          } catch (e) {
            if (e instanceof BgpError) return true;
            throw e;
          }
          for (const f of frames) decodesOrRejects(f);
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it('random bodies behind a correct header, for every type', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), bytes(80), (type, body) => decodesOrRejects(message(type, body))),
      { numRuns: 2000 },
    );
  });

  it('OPEN bodies with random capabilities', () => {
    fc.assert(
      fc.property(openBody, (body) => decodesOrRejects(message(1, body))),
      { numRuns: 2000 },
    );
  });

  it('UPDATE bodies with random attributes and NLRI', () => {
    fc.assert(
      fc.property(updateBody, (body) => decodesOrRejects(message(2, body))),
      { numRuns: 3000 },
    );
  });

  it('UPDATE bodies from an OLD speaker, with AS4_PATH and AS4_AGGREGATOR to merge', () => {
    fc.assert(
      fc.property(oldSpeakerUpdate, (body) => decodesOrRejects(message(2, body))),
      { numRuns: 1000 },
    );
  });

  it('real messages with bytes flipped and cut', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(),
        (seed, flips, cut) => {
          const body = Buffer.from(seed.subarray(19));
          for (const [at, value] of flips) if (body.length > 0) body[at % body.length] = value;
          return decodesOrRejects(message(seed[18], body.subarray(0, body.length - (cut % 4))));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
