import { BgpError } from '../../lib/wire/errors';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { decodeHexMessage, decodeMessage, encodeMessage, maxMessageLength } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, type CodecContext, type Message, type OpenMessage, type UpdateMessage } from '../../lib/wire/types';
import { MARKER, hex, toHex } from '../helpers/hex';

const EXTENDED: CodecContext = { ...DEFAULT_CONTEXT, extendedMessage: true };

function thrown(fn: () => unknown): BgpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BgpError) return e;
    throw e;
  }
  throw new Error('expected a BgpError');
}

/** What BIRD 2.0.12 sent on a session, whole messages. */
const BIRD_OPEN = hex`${MARKER} 003b 01
  04 fe49 00f0 c0000261 1e 02 1c  01040001000101040002000102004002007841040000fe4946004700`;
const BIRD_UPDATE = hex`${MARKER} 002f 02
  0000                      # no withdrawn routes
  0014                      # 20 octets of path attributes
  40 01 01 00               # ORIGIN IGP
  40 02 06 02 01 0000fe49   # AS_PATH sequence [65097]
  40 03 04 7f000061         # NEXT_HOP 127.0.0.97
  18 140000                 # NLRI 20.0.0.0/24`;
const BIRD_END_OF_RIB = hex`${MARKER} 0017 02 0000 0000`;
const BIRD_SHUTDOWN = hex`${MARKER} 0034 03 06 02 1e 6d61696e74656e616e63652c206261636b2061742031343a303020555443`;

describe('decodeMessage / encodeMessage (RFC 4271 §4)', () => {
  it('dispatches every message type and re-encodes it byte for byte', () => {
    const cases: Array<[Buffer, Partial<Message>]> = [
      [BIRD_OPEN, { type: 'open', myAs: 65097, holdTime: 240, bgpId: '192.0.2.97' }],
      [KEEPALIVE_BYTES, { type: 'keepalive' }],
      [
        BIRD_UPDATE,
        {
          type: 'update',
          withdrawn: [],
          attributes: { origin: 0, asPath: [{ type: 2, asns: [65097] }], nextHop: '127.0.0.97' },
          announced: [{ afi: 1, safi: 1, prefixes: ['20.0.0.0/24'], nextHop: ['127.0.0.97'] }],
        },
      ],
      [BIRD_END_OF_RIB, { type: 'update', withdrawn: [], attributes: {}, announced: [] }],
      [BIRD_SHUTDOWN, { type: 'notification', code: 6, subcode: 2, shutdownMessage: 'maintenance, back at 14:00 UTC' }],
      [hex`${MARKER} 0017 05 0002 01 01`, { type: 'route-refresh', afi: 2, safi: 1, subtype: 1 }],
    ];
    for (const [bytes, expected] of cases) {
      const msg = decodeMessage(bytes, DEFAULT_CONTEXT);
      expect(msg).toMatchObject(expected);
      expect(toHex(encodeMessage(msg, DEFAULT_CONTEXT))).toBe(toHex(bytes));
    }
  });

  it('encodes KEEPALIVE as the precomputed bytes', () => {
    expect(encodeMessage({ type: 'keepalive' }, DEFAULT_CONTEXT)).toBe(KEEPALIVE_BYTES);
  });

  it('returns a buffer of its own, which the next encode does not overwrite', () => {
    const open = decodeMessage(BIRD_OPEN, DEFAULT_CONTEXT);
    const first = encodeMessage(open, DEFAULT_CONTEXT);
    encodeMessage(decodeMessage(BIRD_SHUTDOWN, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
    expect(toHex(first)).toBe(toHex(BIRD_OPEN));
  });

  describe('header errors (RFC 4271 §6.1)', () => {
    it('rejects a marker that is not all ones (1/1)', () => {
      const bad = Buffer.from(KEEPALIVE_BYTES);
      bad[3] = 0;
      expect(thrown(() => decodeMessage(bad, DEFAULT_CONTEXT))).toMatchObject({ code: 1, subcode: 1, data: hex`` });
      expect(thrown(() => decodeMessage(hex`ff00`, DEFAULT_CONTEXT))).toMatchObject({ code: 1, subcode: 1 });
    });

    it('rejects bad lengths with 1/2 and the Length field as data', () => {
      const cases: Array<[Buffer, string]> = [
        [hex`${MARKER} 0012 04`, '0012'], // below the header
        [hex`${MARKER} 0014 04`, '0014'], // Length does not match the frame
        [hex`${MARKER} 0013`, '0013'], // frame shorter than a header
        [hex`${MARKER} 001c 01 04 fde9 005a 0a000001`, '001c'], // OPEN below 29
        [hex`${MARKER} 0016 02 0000 00`, '0016'], // UPDATE below 23
        [hex`${MARKER} 0014 03 06`, '0014'], // NOTIFICATION below 21
        [hex`${MARKER} 0014 04 00`, '0014'], // KEEPALIVE not 19
      ];
      for (const [frame, data] of cases) {
        expect(thrown(() => decodeMessage(frame, DEFAULT_CONTEXT))).toMatchObject({ code: 1, subcode: 2, data: hex`${data}` });
      }
    });

    it('rejects an unknown type with 1/3 and the Type octet as data', () => {
      for (const type of [0, 6, 255]) {
        const frame = hex`${MARKER} 0013 00`;
        frame[18] = type;
        expect(thrown(() => decodeMessage(frame, DEFAULT_CONTEXT))).toMatchObject({
          code: 1,
          subcode: 3,
          data: Buffer.from([type]),
        });
      }
    });

    it('rejects a ROUTE-REFRESH that is not 23 octets: 7/1 with the message for BoRR/EoRR (RFC 7313 §5), else 1/2', () => {
      const borr = hex`${MARKER} 0018 05 0001 01 01 00`;
      expect(thrown(() => decodeMessage(borr, DEFAULT_CONTEXT))).toMatchObject({ code: 7, subcode: 1, data: borr });
      const plain = hex`${MARKER} 0018 05 0001 00 01 00`;
      expect(thrown(() => decodeMessage(plain, DEFAULT_CONTEXT))).toMatchObject({ code: 1, subcode: 2, data: hex`0018` });
    });

    it('accepts more than 4096 octets only once extended messages are negotiated, and never for OPEN (RFC 8654)', () => {
      const prefixes = Array.from({ length: 1100 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
      const update: UpdateMessage = {
        type: 'update',
        withdrawn: [{ afi: 1, safi: 1, prefixes }],
        attributes: {},
        announced: [],
      };
      expect(() => encodeMessage(update, DEFAULT_CONTEXT)).toThrow(/exceeds the maximum of 4096/);
      const big = encodeMessage(update, EXTENDED);
      expect(big.length).toBe(19 + 2 + 1100 * 4 + 2);
      expect(thrown(() => decodeMessage(big, DEFAULT_CONTEXT))).toMatchObject({ code: 1, subcode: 2, data: big.subarray(16, 18) });
      expect(decodeMessage(big, EXTENDED)).toMatchObject({ withdrawn: [{ prefixes }] });

      const open: OpenMessage = {
        type: 'open',
        version: 4,
        myAs: 65001,
        holdTime: 90,
        bgpId: '10.0.0.1',
        capabilities: Array.from({ length: 17 }, () => ({ kind: 'unknown', code: 200, value: Buffer.alloc(255) })),
      };
      expect(() => encodeMessage(open, EXTENDED)).toThrow(/exceeds the maximum of 4096/);
      const bigOpen = Buffer.alloc(5000, 0);
      hex`${MARKER} 1388 01 04`.copy(bigOpen);
      expect(thrown(() => decodeMessage(bigOpen, EXTENDED))).toMatchObject({ code: 1, subcode: 2, data: hex`1388` });
      expect(maxMessageLength(2, EXTENDED)).toBe(65535);
      expect(maxMessageLength(4, EXTENDED)).toBe(4096);
    });

    it('passes body errors through: UPDATE Message Error from the UPDATE decoder', () => {
      const frame = hex`${MARKER} 0017 02 0005 0000`;
      expect(thrown(() => decodeMessage(frame, DEFAULT_CONTEXT))).toMatchObject({ code: 3, subcode: 1 });
    });
  });

  describe('decodeHexMessage', () => {
    it('accepts hex with the marker, spaces, colons, newlines and 0x', () => {
      expect(decodeHexMessage(toHex(BIRD_SHUTDOWN))).toMatchObject({ type: 'notification', code: 6, subcode: 2 });
      expect(decodeHexMessage(`0x${MARKER}:00:13:04`)).toEqual({ type: 'keepalive' });
      expect(decodeHexMessage(`${MARKER}\n0017 05\n0001 00 01`)).toEqual({
        type: 'route-refresh',
        afi: 1,
        safi: 1,
        subtype: 0,
      });
    });

    it('prepends the marker when the first 16 octets are not all ones', () => {
      expect(decodeHexMessage('0013 04')).toEqual({ type: 'keepalive' });
      expect(decodeHexMessage(toHex(BIRD_UPDATE.subarray(16)))).toMatchObject({ type: 'update' });
    });

    it('decodes with the context given', () => {
      const twoOctet: CodecContext = { ...DEFAULT_CONTEXT, asn4: false };
      const update = hex`002d 02 0000 0012 40010100 4002 04 0201fe49 4003047f000061 18140000`;
      expect(decodeHexMessage(toHex(update), twoOctet)).toMatchObject({
        attributes: { asPath: [{ type: 2, asns: [65097] }] },
      });
    });

    it('throws a clear Error for text that is not hex, and a BgpError for a bad message', () => {
      expect(() => decodeHexMessage('ff ff zz')).toThrow(/not hex: unexpected "z" at character 5/);
      expect(() => decodeHexMessage('fff')).toThrow(/odd number of digits/);
      expect(() => decodeHexMessage(' ')).toThrow(/no digits/);
      expect(() => decodeHexMessage('0014 04')).toThrow(BgpError);
    });
  });
});
