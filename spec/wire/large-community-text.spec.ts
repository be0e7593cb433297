import fc from 'fast-check';
import { formatLargeCommunity, parseLargeCommunity } from '../../lib/wire/large-community-text';

describe('large community text (RFC 8092)', () => {
  it('parses global:local1:local2', () => {
    expect(parseLargeCommunity('65001:1:2')).toEqual([65001, 1, 2]);
    expect(parseLargeCommunity('4294967295:0:4294967295')).toEqual([4294967295, 0, 4294967295]);
  });

  it.each(['65001:1', '1:2:3:4', '4294967296:1:1', 'a:1:1', '1::1', '', '-1:1:1'])('refuses %j', (text) => {
    expect(parseLargeCommunity(text)).toBe('expected a large community global:local1:local2 with each part 0..4294967295');
  });

  it('parses what it formats', () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(fc.tuple(u32, u32, u32), (v) => {
        expect(parseLargeCommunity(formatLargeCommunity(v))).toEqual(v);
      }),
    );
  });
});
