import { propagateUnknown } from '../../../lib/wire/attributes';
import { hex } from '../../helpers/hex';

describe('propagateUnknown (RFC 4271 §9)', () => {
  it('drops non-transitive attributes and sets Partial on optional transitive ones', () => {
    const value = hex`01`;
    expect(
      propagateUnknown([
        { flags: 0x80, type: 99, value }, // optional non-transitive: quietly ignored
        { flags: 0xc0, type: 100, value }, // optional transitive: Partial set
        { flags: 0xe0, type: 101, value }, // already partial
      ]),
    ).toEqual([
      { flags: 0xe0, type: 100, value },
      { flags: 0xe0, type: 101, value },
    ]);
  });
});

describe('propagateUnknown and the Extended Length bit', () => {
  it('keeps the Extended Length bit as received, setting only Partial', () => {
    const value = hex`0102`;
    expect(propagateUnknown([{ flags: 0xd0, type: 99, value }])).toEqual([{ flags: 0xf0, type: 99, value }]);
  });

  it('passes a transitive attribute without the Optional bit on unchanged (Partial is for optional ones)', () => {
    const value = hex`00000064`;
    expect(propagateUnknown([{ flags: 0x50, type: 0x99, value }])).toEqual([{ flags: 0x50, type: 0x99, value }]);
  });
});
