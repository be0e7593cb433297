import { packedAddress, packedLength, parseIpv4PrefixPacked } from '../../../lib/wire/nlri/ipv4-prefix';
import { parsePrefix } from '../../../lib/wire/address';
import fc from 'fast-check';

describe('parseIpv4PrefixPacked', () => {
  it.each([
    ['10.0.0.0/8', 0x0a000000, 8],
    ['0.0.0.0/0', 0, 0],
    ['255.255.255.255/32', 0xffffffff, 32],
    ['192.0.2.1', 0xc0000201, 32],
    ['172.16.0.0/12', 0xac100000, 12],
  ])('parses %s', (text, address, length) => {
    const packed = parseIpv4PrefixPacked(text);
    expect([packedAddress(packed), packedLength(packed)]).toEqual([address, length]);
  });

  it.each(['10.0.0.1/24', '10.0.0.0/33', '256.0.0.0/8', '10.0.0/8', '10.0.0.0/', '10.0.0.0/8x', '1.2.3.4.5', 'a.b.c.d', '', '2001:db8::/32', '1111.0.0.0/8'])(
    'refuses %j',
    (text) => {
      expect(parseIpv4PrefixPacked(text)).toBe(-1);
    },
  );

  it('agrees with address.ts parsePrefix on generated prefixes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (raw, length) => {
        const address = length === 0 ? 0 : (raw & (0xffffffff << (32 - length))) >>> 0;
        const text = `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}/${length}`;
        const packed = parseIpv4PrefixPacked(text);
        const reference = parsePrefix(text);
        expect(typeof reference).toBe('object');
        expect([packedAddress(packed), packedLength(packed)]).toEqual([address, length]);
      }),
    );
  });
});
