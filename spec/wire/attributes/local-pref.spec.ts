import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { ASN4, decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('LOCAL_PREF (RFC 4271 §5.1.5)', () => {
  it('decodes and encodes', () => {
    const bytes = hex`40 05 04 00000064  # well-known transitive, LOCAL_PREF, length 4, 100`;
    expect(decodeClean(bytes).attributes).toEqual({ localPref: 100 });
    expect(encodeList({ attributes: { localPref: 100 } })).toBe(toHex(bytes));
  });

  it.each([
    ['length 5', hex`40 05 05 0000006400`],
    ['the Optional bit set', hex`80 05 04 00000064`],
  ])('is treated as withdraw with %s (RFC 7606 §7.5)', (_why, bytes) => {
    expect(decodeList(bytes)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [5] });
  });

  it.each([
    ['length 5', hex`40 05 05 0000006400`],
    ['the Optional bit set', hex`80 05 04 00000064`],
  ])('from an external peer, is discarded with %s (RFC 7606 §7.5: attribute discard)', (_why, bytes) => {
    expect(decodeList(bytes, { ...ASN4, external: true })).toMatchObject({ action: AttrAction.DISCARD, discarded: [5] });
  });
});
