import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('EXTENDED_COMMUNITIES (RFC 4360)', () => {
  it('decodes and encodes 8-octet values as bigints', () => {
    const bytes = hex`
      c0 10 10                   # optional transitive, EXTENDED_COMMUNITIES, length 16
      0002 fde8 00000064         # route target 65000:100 (type 0x00, sub-type 0x02)
      8006 0000 00000000         # flowspec traffic-rate 0 (RFC 8955)
    `;
    const extendedCommunities = [0x0002fde800000064n, 0x8006000000000000n];
    expect(decodeClean(bytes).attributes).toEqual({ extendedCommunities });
    expect(encodeList({ attributes: { extendedCommunities } })).toBe(toHex(bytes));
  });

  it.each([
    ['length 0', hex`c0 10 00`],
    ['length 12', hex`c0 10 0c 0002fde800000064 00000000`],
  ])('is treated as withdraw with %s (RFC 7606 §7.14)', (_why, bytes) => {
    expect(decodeList(bytes)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [16] });
  });
});
