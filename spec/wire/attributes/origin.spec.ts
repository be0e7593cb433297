import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('ORIGIN (RFC 4271 §5.1.1)', () => {
  it.each([
    [0, hex`40 01 01 00  # flags well-known transitive, type 1, length 1, IGP`],
    [1, hex`40 01 01 01  # EGP`],
    [2, hex`40 01 01 02  # INCOMPLETE`],
  ])('decodes and encodes %i', (origin, bytes) => {
    expect(decodeClean(bytes).attributes).toEqual({ origin });
    expect(encodeList({ attributes: { origin } })).toBe(toHex(bytes));
  });

  it.each([
    ['an undefined value', hex`40 01 01 03`],
    ['length 2', hex`40 01 02 00 00`],
    ['length 0', hex`40 01 00`],
    ['the Optional bit set', hex`c0 01 01 00`],
    ['the Transitive bit clear', hex`00 01 01 00`],
  ])('is treated as withdraw when it has %s (RFC 7606 §7.1, §3.c)', (_why, bytes) => {
    const list = decodeList(bytes);
    expect(list.action).toBe(AttrAction.TREAT_AS_WITHDRAW);
    expect(list.discarded).toEqual([1]);
    expect(list.parts.attributes.origin).toBeUndefined();
  });

  it('accepts the Extended Length form on input and writes the short form', () => {
    expect(decodeClean(hex`50 01 0001 02  # Extended Length bit, 2-octet length`).attributes).toEqual({ origin: 2 });
  });
});
