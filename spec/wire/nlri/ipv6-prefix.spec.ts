import fc from 'fast-check';
import { formatIpv6, parseIpv6 } from '../../../lib/wire/address';
import { parseIpv6PrefixInto, parseIpv6Range } from '../../../lib/wire/nlri/ipv6-prefix';

function bytesOf(words: Uint16Array): string {
  return Buffer.from(Array.from(words).flatMap((w) => [w >> 8, w & 255])).toString('hex');
}

describe('parseIpv6PrefixInto', () => {
  const words = new Uint16Array(8);

  it.each([
    ['2001:db8::/32', 32, '20010db8000000000000000000000000'],
    ['::/0', 0, '00000000000000000000000000000000'],
    ['::1', 128, '00000000000000000000000000000001'],
    ['2001:DB8:0:0:1::/80', 80, '20010db8000000000001000000000000'],
    ['::ffff:10.1.2.3/128', 128, '00000000000000000000ffff0a010203'],
    ['fe80::/10', 10, 'fe800000000000000000000000000000'],
    ['1:2:3:4:5:6:7:8/128', 128, '00010002000300040005000600070008'],
    ['1:2:3:4:5:6:7::/112', 112, '00010002000300040005000600070000'],
  ])('parses %s', (text, length, hex) => {
    expect(parseIpv6PrefixInto(text, words)).toBe(length);
    expect(bytesOf(words)).toBe(hex);
  });

  it.each([
    '2001:db8::1/32', // host bits
    '2001:db8::/129',
    '2001:db8::/',
    '2001:db8::/1x',
    '1::2::3',
    '12345::',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    'g::',
    ':',
    ':1::',
    '1::2:',
    '1.2.3.4',
    '::1.2.3',
    '::1.2.3.4:5',
    '1:2:3:4:5:6:7:1.2.3.4',
    '',
  ])('refuses %j', (text) => {
    expect(parseIpv6PrefixInto(text, words)).toBe(-1);
  });

  it('agrees with address.ts parseIpv6 on generated addresses, canonical or spelled out', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.boolean(), (bytes, spelledOut) => {
        const text = spelledOut
          ? Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).toString(16).toUpperCase()).join(':')
          : formatIpv6(bytes);
        expect(parseIpv6Range(text, 0, text.length, words)).toBe(true);
        expect(bytesOf(words)).toBe(parseIpv6(text)?.toString('hex'));
      }),
    );
  });

  it('refuses what address.ts parseIpv6 refuses, on generated near-addresses', () => {
    const alphabet = fc.constantFrom(...'0123456789abcdefABCDEF:.g'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 20 }), (chars) => {
        const text = chars.join('');
        const reference = parseIpv6(text);
        const ok = parseIpv6Range(text, 0, text.length, words);
        expect(ok).toBe(reference !== undefined);
        if (reference) expect(bytesOf(words)).toBe(reference.toString('hex'));
      }),
      { numRuns: 2000 },
    );
  });
});
