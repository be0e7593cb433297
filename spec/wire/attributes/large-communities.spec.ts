import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('LARGE_COMMUNITIES (RFC 8092)', () => {
  it('decodes and encodes', () => {
    const bytes = hex`
      c0 20 18                          # optional transitive, LARGE_COMMUNITIES, length 24
      00011170 00000001 00000002        # 70000:1:2
      ffffffff 00000000 ffffffff        # 4294967295:0:4294967295
    `;
    const largeCommunities: Array<[number, number, number]> = [
      [70000, 1, 2],
      [4294967295, 0, 4294967295],
    ];
    expect(decodeClean(bytes).attributes).toEqual({ largeCommunities });
    expect(encodeList({ attributes: { largeCommunities } })).toBe(toHex(bytes));
  });

  it('is treated as withdraw when its length is not a non-zero multiple of 12 (RFC 8092 §6)', () => {
    expect(decodeList(hex`c0 20 08 00011170 00000001`)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [32] });
    expect(decodeList(hex`c0 20 00`)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [32] });
  });
});
