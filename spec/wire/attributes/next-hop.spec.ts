import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('NEXT_HOP (RFC 4271 §5.1.3)', () => {
  const bytes = hex`40 03 04 c0000201  # well-known transitive, NEXT_HOP, length 4, 192.0.2.1`;

  it('decodes and encodes', () => {
    expect(decodeClean(bytes).attributes).toEqual({ nextHop: '192.0.2.1' });
    expect(encodeList({ attributes: { nextHop: '192.0.2.1' } })).toBe(toHex(bytes));
  });

  it("falls back to the classic NLRI's own next hop", () => {
    const nlri = { afi: 1, safi: 1, prefixes: ['10.0.0.0/8'], nextHop: ['192.0.2.1'] };
    expect(encodeList({ attributes: {}, nlri })).toBe(toHex(bytes));
    // The attribute wins when both are given.
    expect(encodeList({ attributes: { nextHop: '192.0.2.9' }, nlri })).toBe('400304c0000209');
  });

  it('refuses to encode something that is not an IPv4 address', () => {
    expect(() => encodeList({ attributes: { nextHop: '2001:db8::1' } })).toThrow(/not an IPv4 address/);
  });

  it.each([
    ['length 16', hex`40 03 10 20010db8000000000000000000000001`],
    ['length 3', hex`40 03 03 c00002`],
    ['the Optional bit set', hex`c0 03 04 c0000201`],
  ])('is treated as withdraw with %s (RFC 7606 §7.3)', (_why, bytes) => {
    expect(decodeList(bytes)).toMatchObject({ action: AttrAction.TREAT_AS_WITHDRAW, discarded: [3] });
  });
});
