import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { ASN2, ASN4, decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('AS_PATH (RFC 4271 §5.1.2, RFC 6793, RFC 5065)', () => {
  it('decodes and encodes 4-octet segments of every type', () => {
    const bytes = hex`
      40 02 24               # well-known transitive, AS_PATH, length 36
      02 03                  # AS_SEQUENCE of 3
        0000fde8 00011170 00000001   # 65000 70000 1
      01 02                  # AS_SET of 2
        00000064 000000c8    # 100 200
      03 01 0000fde9         # AS_CONFED_SEQUENCE 65001
      04 01 0000fdea         # AS_CONFED_SET 65002
    `;
    const asPath = [
      { type: 2, asns: [65000, 70000, 1] },
      { type: 1, asns: [100, 200] },
      { type: 3, asns: [65001] },
      { type: 4, asns: [65002] },
    ];
    expect(decodeClean(bytes, ASN4).attributes).toEqual({ asPath });
    expect(encodeList({ attributes: { asPath } }, ASN4)).toBe(toHex(bytes));
  });

  it('decodes and encodes 2-octet segments on a session without the 4-octet AS capability', () => {
    const bytes = hex`
      40 02 0c               # AS_PATH, length 12
      02 02 fde8 0064        # AS_SEQUENCE 65000 100
      01 02 000a 0014        # AS_SET 10 20
    `;
    const asPath = [
      { type: 2, asns: [65000, 100] },
      { type: 1, asns: [10, 20] },
    ];
    expect(decodeClean(bytes, ASN2).attributes).toEqual({ asPath });
    expect(encodeList({ attributes: { asPath } }, ASN2)).toBe(toHex(bytes));
  });

  it('writes AS_TRANS for a large AS in the 2-octet form (RFC 6793 §4.2.2)', () => {
    expect(encodeList({ attributes: { asPath: [{ type: 2, asns: [70000] }] } }, ASN2)).toMatch(/^40020402015ba0/);
  });

  it('keeps an empty AS_PATH (a route originated in our own AS)', () => {
    expect(decodeClean(hex`40 02 00`).attributes).toEqual({ asPath: [] });
    expect(encodeList({ attributes: { asPath: [] } })).toBe('400200');
  });

  it('splits a segment of more than 255 ASes and uses the Extended Length form past 255 octets', () => {
    const asns = Array.from({ length: 300 }, (_, i) => i + 1);
    const encoded = encodeList({ attributes: { asPath: [{ type: 2, asns }] } });
    // flags 0x50 (Extended Length), type 2, length 2 + 255*4 + 2 + 45*4 = 1204 = 0x04b4
    expect(encoded.slice(0, 12)).toBe('500204b402ff');
    const decoded = decodeClean(hex(encoded)).attributes.asPath;
    expect(decoded).toEqual([
      { type: 2, asns: asns.slice(0, 255) },
      { type: 2, asns: asns.slice(255) },
    ]);
  });

  it.each([
    ['an unknown segment type', hex`40 02 06 05 01 00000001`],
    ['a segment of zero ASes', hex`40 02 02 02 00`],
    ['a segment running past the attribute', hex`40 02 06 02 02 00000001`],
    ['a lone octet after the last segment', hex`40 02 07 02 01 00000001 02`],
    ['AS 0 (RFC 7607)', hex`40 02 06 02 01 00000000`],
    ['the Optional bit set', hex`c0 02 00`],
  ])('is treated as withdraw with %s (RFC 7606 §7.2)', (_why, bytes) => {
    const list = decodeList(bytes);
    expect(list.action).toBe(AttrAction.TREAT_AS_WITHDRAW);
    expect(list.discarded).toEqual([2]);
    expect(list.parts.attributes.asPath).toBeUndefined();
  });

  it('reads 2-octet ASes as such: a 4-octet path on a 2-octet session is malformed here', () => {
    // 02 01 0000fde8 read with 2-octet ASes is a sequence of one AS 0, then two stray octets.
    expect(decodeList(hex`40 02 06 02 01 0000fde8`, ASN2).action).toBe(AttrAction.TREAT_AS_WITHDRAW);
  });
});
