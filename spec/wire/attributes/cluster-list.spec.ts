import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('CLUSTER_LIST (RFC 4456 §8)', () => {
  it('decodes and encodes', () => {
    const bytes = hex`80 0a 08 0a000001 0a000002  # optional non-transitive, CLUSTER_LIST, length 8, 10.0.0.1 10.0.0.2`;
    expect(decodeClean(bytes).attributes).toEqual({ clusterList: ['10.0.0.1', '10.0.0.2'] });
    expect(encodeList({ attributes: { clusterList: ['10.0.0.1', '10.0.0.2'] } })).toBe(toHex(bytes));
  });

  it.each([
    ['length 0', hex`80 0a 00`],
    ['length 5', hex`80 0a 05 0a00000100`],
  ])('is treated as withdraw with %s (RFC 7606 §7.10)', (_why, bytes) => {
    expect(decodeList(bytes)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [10] });
  });
});
