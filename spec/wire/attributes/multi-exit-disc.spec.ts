import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('MULTI_EXIT_DISC (RFC 4271 §5.1.4)', () => {
  it('decodes and encodes', () => {
    const bytes = hex`80 04 04 ffffffff  # optional non-transitive, MED, length 4, 4294967295`;
    expect(decodeClean(bytes).attributes).toEqual({ med: 4294967295 });
    expect(encodeList({ attributes: { med: 4294967295 } })).toBe(toHex(bytes));
    expect(encodeList({ attributes: { med: 0 } })).toBe('80040400000000');
  });

  it.each([
    ['length 2', hex`80 04 02 0001`],
    ['the Transitive bit set', hex`c0 04 04 00000001`],
  ])('is treated as withdraw with %s (RFC 7606 §7.4)', (_why, bytes) => {
    expect(decodeList(bytes)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [4] });
  });
});
