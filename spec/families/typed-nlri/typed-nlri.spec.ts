import { decodeTypedNlri } from '../../../lib/families/typed-nlri';

/** A toy route type: type 1 holds exactly one octet; any other length of it is malformed. */
const decodeOne = (type: number, buf: Buffer, at: number, length: number): number | string => (type === 1 && length === 1 ? buf[at] : `type ${type} of ${length} octets`);

describe('decodeTypedNlri (RFC 7432 §7 / RFC 6514 §4 layout)', () => {
  it('reads every route of the field, with ADD-PATH ids parallel to them', () => {
    expect(decodeTypedNlri(Buffer.from('0101070101 09'.replace(/ /g, ''), 'hex'), 0, 6, false, decodeOne)).toEqual({ values: [7, 9] });
    expect(decodeTypedNlri(Buffer.from('0000000501010700000006010109', 'hex'), 0, 14, true, decodeOne)).toEqual({ values: [7, 9], pathIds: [5, 6] });
  });

  it('skips a malformed route by its Length octet, keeps the others and reports the first error (RFC 7606 §5.4)', () => {
    const run = decodeTypedNlri(Buffer.from('00000005 0102aabb 00000006 010109'.replace(/ /g, ''), 'hex'), 0, 15, true, decodeOne);
    expect(run).toEqual({ values: [9], pathIds: [6], error: 'at offset 0: type 1 of 2 octets' });
  });

  it('stops at a route running past the end of the field', () => {
    expect(decodeTypedNlri(Buffer.from('010107 0105aa'.replace(/ /g, ''), 'hex'), 0, 6, false, decodeOne)).toEqual({
      values: [7],
      error: 'at offset 3: route type 1 of 5 octets runs past the end of the field',
    });
    expect(decodeTypedNlri(Buffer.from('000000', 'hex'), 0, 3, true, decodeOne)).toEqual({ values: [], error: 'at offset 0: ADD-PATH identifier runs past the end of the field' });
    expect(decodeTypedNlri(Buffer.from('01', 'hex'), 0, 1, false, decodeOne)).toEqual({ values: [], error: 'at offset 0: no route type and length' });
  });
});
