import { ATTRIBUTE_CODECS, attributeCodec, buildAttributeRegistry } from '../../../lib/wire/attributes';
import { AttrAction, BgpError } from '../../../lib/wire/errors';
import { AttrType } from '../../../lib/wire/iana';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

function resetBy(run: () => unknown): { code: number; subcode: number; data: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof BgpError) return { code: error.code, subcode: error.subcode, data: toHex(error.data) };
    throw error;
  }
  throw new Error('no BgpError');
}

describe('attribute registry', () => {
  it('has a codec for every attribute type of iana.ts', () => {
    for (const code of Object.values(AttrType)) expect(attributeCodec(code)?.code).toBe(code);
    expect(ATTRIBUTE_CODECS).toHaveLength(Object.keys(AttrType).length);
  });

  it('refuses a type code registered twice', () => {
    expect(() => buildAttributeRegistry([...ATTRIBUTE_CODECS, ATTRIBUTE_CODECS[0]])).toThrow(/ORIGIN.*twice/);
  });
});

describe('path attribute list', () => {
  it('writes attributes in ascending type order, unknown ones in their place', () => {
    const encoded = encodeList({
      attributes: {
        largeCommunities: [[1, 2, 3]],
        unknown: [
          { flags: 0xc0, type: 40, value: hex`aa` },
          { flags: 0xe0, type: 20, value: hex`bbcc` },
        ],
        med: 5,
        origin: 0,
      },
    });
    expect(encoded).toBe(
      toHex(hex`
        40 01 01 00                     # ORIGIN IGP
        80 04 04 00000005               # MED 5
        e0 14 02 bbcc                   # unknown type 20, optional transitive partial
        c0 20 0c 00000001 00000002 00000003  # LARGE_COMMUNITIES 1:2:3
        c0 28 01 aa                     # unknown type 40
      `),
    );
  });

  it('keeps unknown optional attributes with their four RFC 4271 §4.3 flag bits, Extended Length included', () => {
    const parts = decodeClean(hex`
      f0 63 0002 0102      # type 99, Optional|Transitive|Partial|Extended Length, length 2
      8f 64 01 03          # type 100, Optional and stray low bits
    `);
    expect(parts.attributes.unknown).toEqual([
      { flags: 0xf0, type: 99, value: hex`0102` },
      { flags: 0x80, type: 100, value: hex`03` },
    ]);
    // Written back byte for byte, the 2-octet length kept; the unused low bits are zero (§4.3).
    expect(encodeList(parts)).toBe(toHex(hex`
      f0 63 0002 0102      # type 99 as received
      80 64 01 03          # type 100, low bits cleared
    `));
  });

  it('writes a given unknown attribute with exactly its flags, a short value in the Extended Length form when that bit is set', () => {
    // ExaBGP's generic attribute from a helper: attribute [ 0x99 0x70 0x00000064 ].
    expect(encodeList({ attributes: { unknown: [{ flags: 0x70, type: 0x99, value: hex`00000064` }] } })).toBe(
      toHex(hex`70 99 0004 00000064   # Transitive|Partial|Extended Length, type 153, 2-octet length 4`),
    );
  });

  it('uses the Extended Length form only past 255 octets', () => {
    const value = Buffer.alloc(256, 7);
    expect(encodeList({ attributes: { unknown: [{ flags: 0xc0, type: 99, value }] } }).slice(0, 8)).toBe('d0630100');
    expect(encodeList({ attributes: { unknown: [{ flags: 0xc0, type: 99, value: value.subarray(0, 255) }] } }).slice(0, 6)).toBe('c063ff');
  });

  it('resets with Unrecognized Well-known Attribute, the attribute as data (RFC 4271 §6.3)', () => {
    const bytes = hex`40 01 01 00  40 63 02 abcd  # ORIGIN, then well-known type 99`;
    expect(resetBy(() => decodeList(bytes))).toEqual({ code: 3, subcode: 2, data: '406302abcd' });
  });

  it('keeps the first of repeated attributes and discards the rest (RFC 7606 §3.g)', () => {
    const list = decodeList(hex`40 01 01 00  40 01 01 02  80 04 04 00000001`);
    expect(list.parts.attributes).toEqual({ origin: 0, med: 1 });
    expect(list).toMatchObject({ action: AttrAction.DISCARD, discarded: [1] });
  });

  it.each([
    ['MP_REACH_NLRI', hex`80 0e 05 0019 46 00 00  80 0e 05 0019 46 00 00`],
    ['MP_UNREACH_NLRI', hex`80 0f 03 0002 01  80 0f 03 0002 01`],
  ])('resets with Malformed Attribute List on a repeated %s (RFC 7606 §3.g)', (_name, bytes) => {
    expect(resetBy(() => decodeList(bytes))).toEqual({ code: 3, subcode: 1, data: '' });
  });

  it('keeps the strongest action and lists every dropped attribute (RFC 7606 §3.h)', () => {
    const list = decodeList(hex`
      40 06 01 00           # ATOMIC_AGGREGATE with a value: discard
      40 01 01 07           # ORIGIN 7: treat-as-withdraw
      c0 07 06 fde8 c0000202  # 6-octet AGGREGATOR on a 4-octet session: discard
    `);
    expect(list).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [6, 1, 7], parts: { attributes: {} } });
  });

  describe('overrun of the Total Path Attribute Length (RFC 7606 §4)', () => {
    const overrun = hex`40 01 01 00  40 02 08 02 01 0000fde8  # AS_PATH says 8 octets, 6 remain`;
    const shortHeader = hex`40 01 01 00  50 02 00  # Extended Length header needs 4 octets`;

    it('treats as withdraw when the NLRI are located elsewhere', () => {
      expect(decodeList(overrun, undefined, true)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, parts: { attributes: { origin: 0 } } });
      expect(decodeList(shortHeader, undefined, true)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW });
    });

    it('treats as withdraw when an MP_REACH_NLRI came before the overrun', () => {
      const bytes = Buffer.concat([hex`80 0e 0d 0001 01 04 c0000201 00 18 0a0001`, overrun]);
      expect(decodeList(bytes, undefined, false)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW });
    });

    it('resets with Malformed Attribute List when no NLRI could be located (RFC 7606 §2)', () => {
      expect(resetBy(() => decodeList(overrun, undefined, false))).toEqual({ code: 3, subcode: 1, data: '' });
      expect(resetBy(() => decodeList(shortHeader, undefined, false))).toEqual({ code: 3, subcode: 1, data: '' });
    });
  });
});
