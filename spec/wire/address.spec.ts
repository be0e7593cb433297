import { formatIpv6, parseIpv6, parseIpv4, parsePrefix, formatPrefix } from '../../lib/wire/address';

describe('address', () => {
  it.each([
    ['2001:db8::1', '20010db8000000000000000000000001'],
    ['::', '00000000000000000000000000000000'],
    ['::1', '00000000000000000000000000000001'],
    ['fe80::1:0:0:1', 'fe800000000000000001000000000001'],
    ['2001:db8:0:1:1:1:1:1', '20010db8000000010001000100010001'],
    ['2001:0:0:1::1', '20010000000000010000000000000001'],
    ['::ffff:10.1.2.3', '00000000000000000000ffff0a010203'],
    ['::10.1.2.3', '0000000000000000000000000a010203'],
  ])('formats and parses %s canonically (RFC 5952)', (text, bytes) => {
    expect(formatIpv6(Buffer.from(bytes, 'hex'))).toBe(text);
    expect(parseIpv6(text)?.toString('hex')).toBe(bytes);
  });

  it('rejects malformed addresses', () => {
    for (const bad of ['1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', 'g::', ':', '1.2.3']) expect(parseIpv6(bad)).toBeUndefined();
    for (const bad of ['1.2.3', '256.1.1.1', '1.2.3.4.5', 'a.b.c.d', '01.2.3.4444']) expect(parseIpv4(bad)).toBeUndefined();
  });

  it('parses prefixes and refuses host bits unless asked', () => {
    const p = parsePrefix('10.1.0.0/16');
    expect(typeof p).toBe('object');
    if (typeof p === 'string') return;
    expect(formatPrefix(p.afi, p.length, p.address)).toBe('10.1.0.0/16');
    expect(parsePrefix('10.1.2.3/16')).toMatch(/host bits.*10\.1\.0\.0\/16/);
    const q = parsePrefix('2001:db8::1/32', true);
    expect(typeof q !== 'string' && formatPrefix(q.afi, q.length, q.address)).toBe('2001:db8::/32');
    expect(parsePrefix('10.0.0.0/33')).toMatch(/0\.\.32/);
  });
});
