import { AttrAction } from '../../../lib/wire/errors';
import { WellKnownCommunity } from '../../../lib/wire/iana';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('COMMUNITIES (RFC 1997)', () => {
  it('decodes and encodes', () => {
    const bytes = hex`
      c0 08 0c      # optional transitive, COMMUNITIES, length 12
      fde8 0001     # 65000:1
      ffff ff01     # NO_EXPORT
      ffff 029a     # BLACKHOLE
    `;
    const communities = [65000 * 65536 + 1, WellKnownCommunity.NO_EXPORT, WellKnownCommunity.BLACKHOLE];
    expect(decodeClean(bytes).attributes).toEqual({ communities });
    expect(encodeList({ attributes: { communities } })).toBe(toHex(bytes));
  });

  it('does not write an empty list (it would be malformed)', () => {
    expect(encodeList({ attributes: { communities: [] } })).toBe('');
  });

  it.each([
    ['length 0', hex`c0 08 00`],
    ['length 6', hex`c0 08 06 fde80001 0000`],
    ['the Transitive bit clear', hex`80 08 04 fde80001`],
  ])('is treated as withdraw with %s (RFC 7606 §7.8)', (_why, bytes) => {
    expect(decodeList(bytes)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [8] });
  });
});
