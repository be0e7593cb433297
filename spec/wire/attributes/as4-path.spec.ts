import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { ASN2, ASN4, decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('AS4_PATH (RFC 6793)', () => {
  const bytes = hex`
    c0 11 0a              # optional transitive, AS4_PATH, length 10
    02 02                 # AS_SEQUENCE of 2
    00011170 00011171     # 70000 70001
  `;
  const as4Path = [{ type: 2, asns: [70000, 70001] }];

  it('decodes as received and passes a given one through', () => {
    expect(decodeClean(bytes, ASN4).attributes).toEqual({ as4Path });
    expect(encodeList({ attributes: { as4Path } }, ASN4)).toBe(toHex(bytes));
  });

  it('is generated towards a 2-octet peer when the path holds a large AS, without confederation segments (§4.2.2)', () => {
    const asPath = [
      { type: 3, asns: [65001] },
      { type: 2, asns: [70000, 70001] },
    ];
    expect(encodeList({ attributes: { asPath } }, ASN2)).toBe(
      toHex(hex`
        40 02 0a  03 01 fde9  02 02 5ba0 5ba0   # AS_PATH: CONFED_SEQUENCE 65001, SEQUENCE AS_TRANS AS_TRANS
      `) + toHex(bytes),
    );
  });

  it('is regenerated from asPath rather than copied when asPath needs it', () => {
    const attributes = { asPath: [{ type: 2, asns: [70000, 70001] }], as4Path: [{ type: 2, asns: [1] }] };
    expect(encodeList({ attributes }, ASN2)).toBe('4002060202' + '5ba05ba0' + toHex(bytes));
  });

  it('is not generated when every AS fits 2 octets', () => {
    expect(encodeList({ attributes: { asPath: [{ type: 2, asns: [65000] }] } }, ASN2)).toBe('40020402' + '01fde8');
  });

  it.each([
    ['empty', hex`c0 11 00`],
    ['with a segment overrun', hex`c0 11 06 02 02 00011170`],
    ['with AS 0 (RFC 7607)', hex`c0 11 06 02 01 00000000`],
    ['with the Optional bit clear', hex`40 11 06 02 01 00011170`],
  ])('is discarded when %s (RFC 6793 §6)', (_why, bad) => {
    expect(decodeList(bad, ASN2)).toMatchObject({ action: AttrAction.DISCARD, discarded: [17], parts: { attributes: {} } });
  });
});
