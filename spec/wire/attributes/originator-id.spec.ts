import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('ORIGINATOR_ID (RFC 4456 §8)', () => {
  it('decodes and encodes', () => {
    const bytes = hex`80 09 04 0a000001  # optional non-transitive, ORIGINATOR_ID, length 4, 10.0.0.1`;
    expect(decodeClean(bytes).attributes).toEqual({ originatorId: '10.0.0.1' });
    expect(encodeList({ attributes: { originatorId: '10.0.0.1' } })).toBe(toHex(bytes));
  });

  it('is treated as withdraw with length 8 (RFC 7606 §7.9)', () => {
    expect(decodeList(hex`80 09 08 0a000001 0a000002`)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [9] });
  });
});
