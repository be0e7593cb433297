import fc from 'fast-check';
import { CAPABILITY_CODECS } from '../../lib/wire/capabilities';
import { BgpError } from '../../lib/wire/errors';
import { asnFromOpen, decodeOpen, encodeOpenBody } from '../../lib/wire/open';
import type { Capability, OpenMessage } from '../../lib/wire/types';
import { Writer } from '../../lib/wire/writer';
import { hex, toHex } from '../helpers/hex';

function encode(msg: OpenMessage): Buffer {
  const w = new Writer(64);
  encodeOpenBody(w, msg);
  return w.toBuffer();
}

function decode(body: Buffer): OpenMessage {
  return decodeOpen(body, 0, body.length);
}

function thrown(fn: () => unknown): BgpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BgpError) return e;
    throw e;
  }
  throw new Error('expected a BgpError');
}

// OPEN bodies captured on loopback (the 19-octet header left out).

/** BIRD 2.0.12, ipv4 + ipv6 channels, defaults. */
const BIRD_OPEN = hex`
  04          # version 4
  fe49        # My AS 65097
  00f0        # hold time 240
  c0000261    # BGP Identifier 192.0.2.97
  1e          # Opt Parm Len 30
  02 1c       # one Capabilities parameter, 28 octets
  01 04 0001 00 01  # multiprotocol IPv4 unicast
  01 04 0002 00 01  # multiprotocol IPv6 unicast
  02 00             # route refresh
  40 02 0078        # graceful restart, no flags, 120 s, no families
  41 04 0000fe49    # 4-octet AS 65097
  46 00             # enhanced route refresh
  47 00             # long-lived graceful restart (no codec: kept opaque)
`;
const BIRD_DECODED: OpenMessage = {
  type: 'open',
  version: 4,
  myAs: 65097,
  holdTime: 240,
  bgpId: '192.0.2.97',
  capabilities: [
    { kind: 'multiprotocol', afi: 1, safi: 1 },
    { kind: 'multiprotocol', afi: 2, safi: 1 },
    { kind: 'route-refresh' },
    { kind: 'graceful-restart', flags: 0, restartTime: 120, families: [] },
    { kind: 'asn4', asn: 65097 },
    { kind: 'enhanced-route-refresh' },
    { kind: 'unknown', code: 71, value: hex`` },
  ],
};

/** GoBGP 3.10, AS 4200000098, graceful restart and ADD-PATH receive configured. */
const GOBGP_OPEN = hex`
  04 5ba0     # version 4, My AS 23456 (AS_TRANS)
  005a        # hold time 90
  c0000262    # 192.0.2.98
  32 02 30    # Opt Parm Len 50: one Capabilities parameter of 48
  02 00                   # route refresh
  49 04 02 766d 00        # FQDN: hostname "vm", no domain
  01 04 0001 00 01        # multiprotocol IPv4 unicast
  01 04 0002 00 01        # multiprotocol IPv6 unicast
  41 04 fa56ea62          # 4-octet AS 4200000098
  40 02 005a              # graceful restart, 90 s
  05 06 0001 0001 0002    # extended next hop (RFC 8950, no codec: kept opaque)
  45 08 0001 01 01 0002 01 01  # ADD-PATH receive for IPv4 and IPv6 unicast
`;
const GOBGP_DECODED: OpenMessage = {
  type: 'open',
  version: 4,
  myAs: 23456,
  holdTime: 90,
  bgpId: '192.0.2.98',
  capabilities: [
    { kind: 'route-refresh' },
    { kind: 'hostname', hostname: 'vm', domain: '' },
    { kind: 'multiprotocol', afi: 1, safi: 1 },
    { kind: 'multiprotocol', afi: 2, safi: 1 },
    { kind: 'asn4', asn: 4200000098 },
    { kind: 'graceful-restart', flags: 0, restartTime: 90, families: [] },
    { kind: 'unknown', code: 5, value: hex`000100010002` },
    {
      kind: 'add-path',
      families: [
        { afi: 1, safi: 1, mode: 1 },
        { afi: 2, safi: 1, mode: 1 },
      ],
    },
  ],
};

/** ExaBGP 4.2.21: one capability per optional parameter. */
const EXABGP_OPEN = hex`
  04 fe4b 00b4 c0000263  # version 4, AS 65099, hold time 180, 192.0.2.99
  30                     # Opt Parm Len 48
  02 06 01 04 0001 00 01 # Capabilities: multiprotocol IPv4 unicast
  02 06 01 04 0002 00 01 # Capabilities: multiprotocol IPv6 unicast
  02 06 41 04 0000fe4b   # Capabilities: 4-octet AS 65099
  02 0a 45 08 0001 01 03 0002 01 03 # Capabilities: ADD-PATH send/receive IPv4, IPv6
  02 02 02 00            # Capabilities: route refresh
  02 02 46 00            # Capabilities: enhanced route refresh
  02 02 06 00            # Capabilities: extended message
`;

describe('OPEN (RFC 4271 §4.2, RFC 5492)', () => {
  it('decodes and re-encodes what BIRD 2 sends, byte for byte', () => {
    expect(decode(BIRD_OPEN)).toEqual(BIRD_DECODED);
    expect(toHex(encode(BIRD_DECODED))).toBe(toHex(BIRD_OPEN));
  });

  it('decodes and re-encodes what GoBGP 3 sends, byte for byte', () => {
    expect(decode(GOBGP_OPEN)).toEqual(GOBGP_DECODED);
    expect(toHex(encode(GOBGP_DECODED))).toBe(toHex(GOBGP_OPEN));
    expect(asnFromOpen(GOBGP_DECODED)).toBe(4200000098);
  });

  it('reads several Capabilities parameters as one list (ExaBGP 4) and re-encodes them in one', () => {
    const open = decode(EXABGP_OPEN);
    expect(open).toMatchObject({ myAs: 65099, holdTime: 180, bgpId: '192.0.2.99' });
    expect(open.capabilities).toEqual([
      { kind: 'multiprotocol', afi: 1, safi: 1 },
      { kind: 'multiprotocol', afi: 2, safi: 1 },
      { kind: 'asn4', asn: 65099 },
      {
        kind: 'add-path',
        families: [
          { afi: 1, safi: 1, mode: 3 },
          { afi: 2, safi: 1, mode: 3 },
        ],
      },
      { kind: 'route-refresh' },
      { kind: 'enhanced-route-refresh' },
      { kind: 'extended-message' },
    ]);
    expect(toHex(encode(open))).toBe(
      toHex(hex`04 fe4b 00b4 c0000263
                24 02 22  # Opt Parm Len 36: one Capabilities parameter of 34
                01 04 0001 00 01  01 04 0002 00 01  41 04 0000fe4b
                45 08 0001 01 03 0002 01 03  02 00  46 00  06 00`),
    );
  });

  it('encodes an OPEN without capabilities with Opt Parm Len 0', () => {
    const open: OpenMessage = { type: 'open', version: 4, myAs: 65001, holdTime: 0, bgpId: '10.0.0.1', capabilities: [] };
    expect(toHex(encode(open))).toBe(toHex(hex`04 fde9 0000 0a000001 00`));
    expect(decode(encode(open))).toEqual(open);
    expect(asnFromOpen(open)).toBe(65001);
  });

  it('keeps optional parameters other than capabilities, for the FSM to refuse (2/4)', () => {
    const body = hex`04 fde9 005a 0a000001 08
                     01 02 abcd   # type 1, deprecated authentication
                     02 02 0200   # capabilities: route refresh`;
    const open = decode(body);
    expect(open.otherParams).toEqual([{ type: 1, value: hex`abcd` }]);
    expect(open.capabilities).toEqual([{ kind: 'route-refresh' }]);
    expect(toHex(encode(open))).toBe(toHex(hex`04 fde9 005a 0a000001 08 02 02 0200 01 02 abcd`));
  });

  it('ignores octets after the optional parameters, as BIRD and GoBGP do', () => {
    expect(decode(Buffer.concat([BIRD_OPEN, hex`0000`]))).toEqual(BIRD_DECODED);
  });

  describe('RFC 9072 extended optional parameters length', () => {
    const EXTENDED = hex`
      04 fde9 005a c0000201
      ff          # Non-Ext OP Len
      ff          # Non-Ext OP Type: extended encoding
      000f        # Extended Opt. Parm. Length 15
      02 000c     # Capabilities, 2-octet Parameter Length 12
      01 04 0001 00 01  41 04 0000fde9
    `;
    const CAPS: Capability[] = [
      { kind: 'multiprotocol', afi: 1, safi: 1 },
      { kind: 'asn4', asn: 65001 },
    ];

    it('decodes the extended encoding even when the parameters would fit 255 octets (§2)', () => {
      expect(decode(EXTENDED)).toEqual({
        type: 'open',
        version: 4,
        myAs: 65001,
        holdTime: 90,
        bgpId: '192.0.2.1',
        capabilities: CAPS,
      });
    });

    it('decodes it when Non-Ext OP Len is not 255 but the first type is (§3)', () => {
      const body = Buffer.from(EXTENDED);
      body[9] = 0x10;
      expect(decode(body).capabilities).toEqual(CAPS);
    });

    it('encodes it only when the parameters exceed 255 octets', () => {
      const fits: Capability[] = Array.from({ length: 42 }, (_, i) => ({ kind: 'multiprotocol', afi: 1, safi: i }));
      const open: OpenMessage = { type: 'open', version: 4, myAs: 65001, holdTime: 90, bgpId: '192.0.2.1', capabilities: fits };
      const classic = encode(open);
      expect(toHex(classic.subarray(9, 12))).toBe('fe02fc'); // 254 octets: 2 + 252
      expect(decode(classic)).toEqual(open);

      const big = { ...open, capabilities: [...fits, { kind: 'asn4', asn: 4200000001 } as const] };
      const extended = encode(big);
      expect(toHex(extended.subarray(9, 16))).toBe(toHex(hex`ff ff 0105 02 0102`)); // 3 + 258
      expect(extended.length).toBe(13 + 3 + 258);
      expect(decode(extended)).toEqual(big);
    });

    it('rejects an extended length that is cut short or overruns (2/0)', () => {
      expect(thrown(() => decode(hex`04 fde9 005a c0000201 ff ff 00`))).toMatchObject({ code: 2, subcode: 0 });
      expect(thrown(() => decode(hex`04 fde9 005a c0000201 ff ff 0010 02 000c 0104000100014104 0000fde9`))).toMatchObject(
        { code: 2, subcode: 0 },
      );
      expect(thrown(() => decode(hex`04 fde9 005a c0000201 ff ff 0003 02 0004`))).toMatchObject({ code: 2, subcode: 0 });
    });
  });

  describe('errors', () => {
    it('answers a version other than 4 with 2/1 and our version 4 as data (BIRD answers the same)', () => {
      for (const version of [3, 5]) {
        const body = Buffer.from(BIRD_OPEN);
        body[0] = version;
        expect(thrown(() => decode(body))).toMatchObject({ code: 2, subcode: 1, data: hex`0004` });
      }
    });

    it('rejects optional parameters that overrun their length as malformed (2/0, RFC 4271 §6.2)', () => {
      const cases = [
        hex`04 fde9 005a 0a000001 05 02 02 0200`, // Opt Parm Len past the end
        hex`04 fde9 005a 0a000001 04 02 03 0200 00`, // parameter past Opt Parm Len
        hex`04 fde9 005a 0a000001 01 02`, // parameter header cut
        hex`04 fde9 005a 0a000001 04 02 02 4104`, // capability past its parameter
      ];
      for (const body of cases) expect(thrown(() => decode(body))).toMatchObject({ code: 2, subcode: 0, data: hex`` });
    });

    it('rejects a body shorter than its fixed fields (1/2, data = the message length)', () => {
      expect(thrown(() => decode(hex`04 fde9 005a 0a000001`))).toMatchObject({ code: 1, subcode: 2, data: hex`001c` });
    });

    it('refuses to encode fields that do not fit', () => {
      const open: OpenMessage = { type: 'open', version: 4, myAs: 65001, holdTime: 90, bgpId: '10.0.0.1', capabilities: [] };
      expect(() => encode({ ...open, myAs: 4200000001 })).toThrow(/AS_TRANS/);
      expect(() => encode({ ...open, bgpId: 'router' })).toThrow(/dotted quad/);
      expect(() => encode({ ...open, otherParams: [{ type: 255, value: hex`` }] })).toThrow(/255/);
      expect(() => encode({ ...open, otherParams: [{ type: 2, value: hex`0200` }] })).toThrow(/type 2/);
    });
  });

  describe('round trip (fast-check)', () => {
    const knownCodes = new Set(CAPABILITY_CODECS.map((c) => c.code));
    const afi = fc.integer({ min: 0, max: 0xffff });
    const safi = fc.integer({ min: 0, max: 0xff });
    const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((a) => Buffer.from(a));
    const name = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .filter((s) => Buffer.byteLength(s) <= 120 && Buffer.from(s, 'utf8').toString('utf8') === s);
    const capability: fc.Arbitrary<Capability> = fc.oneof(
      fc.record({ kind: fc.constant('multiprotocol' as const), afi, safi }),
      fc.constant({ kind: 'route-refresh' as const }),
      fc.constant({ kind: 'route-refresh-cisco' as const }),
      fc.constant({ kind: 'enhanced-route-refresh' as const }),
      fc.constant({ kind: 'extended-message' as const }),
      fc.record({ kind: fc.constant('asn4' as const), asn: fc.integer({ min: 0, max: 0xffffffff }) }),
      fc.record({
        kind: fc.constant('add-path' as const),
        families: fc.array(fc.record({ afi, safi, mode: fc.integer({ min: 1, max: 3 }) }), { maxLength: 8 }),
      }),
      fc.record({
        kind: fc.constant('graceful-restart' as const),
        flags: fc.integer({ min: 0, max: 15 }),
        restartTime: fc.integer({ min: 0, max: 4095 }),
        families: fc.array(fc.record({ afi, safi, flags: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('hostname' as const), hostname: name, domain: name }),
      fc.record({
        kind: fc.constant('unknown' as const),
        code: fc.integer({ min: 0, max: 255 }).filter((c) => !knownCodes.has(c)),
        value: bytes(40),
      }),
    );
    const open: fc.Arbitrary<OpenMessage> = fc.record(
      {
        type: fc.constant('open' as const),
        version: fc.constant(4),
        myAs: fc.integer({ min: 0, max: 0xffff }),
        holdTime: fc.integer({ min: 0, max: 0xffff }),
        bgpId: fc.tuple(safi, safi, safi, safi).map((q) => q.join('.')),
        capabilities: fc.array(capability, { maxLength: 60, size: 'max' }),
        otherParams: fc.array(
          fc.record({ type: fc.integer({ min: 0, max: 254 }).filter((t) => t !== 2), value: bytes(30) }),
          { minLength: 1, maxLength: 3 },
        ),
      },
      { requiredKeys: ['type', 'version', 'myAs', 'holdTime', 'bgpId', 'capabilities'] },
    );

    it('decode(encode(open)) equals open, in the RFC 4271 and RFC 9072 encodings', () => {
      let extended = 0;
      fc.assert(
        fc.property(open, (msg) => {
          const body = encode(msg);
          if (body[9] !== 0 && body[10] === 255) extended++;
          expect(decode(body)).toEqual(msg);
        }),
        { numRuns: 300 },
      );
      expect(extended).toBeGreaterThan(10);
    });
  });
});
