import { parseRoutePrefix, type RoutePrefix } from '../../../lib/api/commands/address-text';
import { splitPrefix } from '../../../lib/api/commands/split-prefix';

const prefix = (text: string): RoutePrefix => {
  const p = parseRoutePrefix(text);
  if (typeof p === 'string') throw new Error(p);
  return p;
};

describe('splitPrefix', () => {
  it('cuts an IPv4 prefix into its subnets in address order', () => {
    expect(splitPrefix(prefix('192.0.2.0/24'), 26)).toEqual(['192.0.2.0/26', '192.0.2.64/26', '192.0.2.128/26', '192.0.2.192/26']);
  });
  it('crosses octet boundaries and reaches the top of the address space', () => {
    expect(splitPrefix(prefix('255.255.254.0/23'), 24)).toEqual(['255.255.254.0/24', '255.255.255.0/24']);
    expect(splitPrefix(prefix('0.0.0.0/0'), 1)).toEqual(['0.0.0.0/1', '128.0.0.0/1']);
  });
  it('cuts an IPv6 prefix', () => {
    expect(splitPrefix(prefix('2001:db8::/47'), 48)).toEqual(['2001:db8::/48', '2001:db8:1::/48']);
    expect(splitPrefix(prefix('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127'), 128)).toEqual([
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128',
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128',
    ]);
  });
  it('leaves a prefix already as long as the split whole, as ExaBGP does', () => {
    expect(splitPrefix(prefix('10.0.0.0/24'), 16)).toEqual(['10.0.0.0/24']);
  });
  it('refuses more than 1,000,000 subnets and lengths past the address', () => {
    expect(splitPrefix(prefix('2001:db8::/32'), 64)).toMatch(/at most 1000000/);
    expect(splitPrefix(prefix('10.0.0.0/8'), 33)).toMatch(/longer than a 32-bit address/);
  });
});

describe('parseRoutePrefix', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.1.2.3', '10.1.2.3/32'],
    ['010.001.0.0/16', '10.1.0.0/16'],
    ['10.0.0.0/08', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:0DB8::/32', '2001:db8::/32'],
  ])('%s -> %s', (text, canonical) => {
    expect(prefix(text).text).toBe(canonical);
  });
  it.each(['10.0.0.0/', '10.0.0.0/x', '10.0.0.0/333', '1.2.3.4.5/32', '1..2.3/8', '1.2.3.256/32', '1.2.3.5/31', '::1/129', 'x'])('refuses %s', (text) => {
    expect(typeof parseRoutePrefix(text)).toBe('string');
  });
});
