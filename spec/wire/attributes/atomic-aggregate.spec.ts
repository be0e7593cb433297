import { AttrAction } from '../../../lib/wire/errors';
import { hex, toHex } from '../../helpers/hex';
import { decodeClean, decodeList, encodeList } from './attribute-helpers';

describe('ATOMIC_AGGREGATE (RFC 4271 §5.1.6)', () => {
  it('decodes and encodes', () => {
    const bytes = hex`40 06 00  # well-known transitive, ATOMIC_AGGREGATE, no value`;
    expect(decodeClean(bytes).attributes).toEqual({ atomicAggregate: true });
    expect(encodeList({ attributes: { atomicAggregate: true } })).toBe(toHex(bytes));
    expect(encodeList({ attributes: { atomicAggregate: false } })).toBe('');
  });

  it.each([
    ['a value', hex`40 06 01 00`],
    ['the Optional bit set', hex`c0 06 00`],
  ])('is discarded with %s (RFC 7606 §7.6)', (_why, bytes) => {
    const list = decodeList(bytes);
    expect(list).toMatchObject({ action: AttrAction.DISCARD, discarded: [6] });
    expect(list.parts.attributes).toEqual({});
  });
});
