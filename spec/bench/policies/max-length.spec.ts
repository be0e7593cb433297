import { batch, batch6, meaning } from './batches';
import { factoryError, runPolicy } from './policy-context';

describe('bench/policies/max-length.js', () => {
  it('withdraws IPv4 prefixes longer than the limit and passes an untouched batch as the same object', () => {
    const mixed = batch(['10.0.0.0/24', '10.0.1.0/25', '10.1.0.0/16'], ['10.9.0.0/24']);
    const fine = batch(['10.0.3.0/24']);
    const [first, second] = runPolicy('max-length.js', {}, [mixed, fine]);
    expect(meaning(first!)).toEqual({ announce: ['10.0.0.0/24', '10.1.0.0/16'], withdraw: ['10.9.0.0/24', '10.0.1.0/25'] });
    expect(second).toBe(fine);
    expect(meaning(mixed)).toEqual({ announce: ['10.0.0.0/24', '10.0.1.0/25', '10.1.0.0/16'], withdraw: ['10.9.0.0/24'] });
  });

  it('takes its limits from the options, IPv6 apart from IPv4', () => {
    const [v4] = runPolicy('max-length.js', { maxLengthIpv4: 16 }, [batch(['10.0.0.0/16', '10.0.0.0/17'])]);
    expect(meaning(v4!)).toEqual({ announce: ['10.0.0.0/16'], withdraw: ['10.0.0.0/17'] });
    const [v6] = runPolicy('max-length.js', { maxLengthIpv4: 8 }, [batch6(['2001:db8::/48', '2001:db8::/64'])]);
    expect(meaning(v6!)).toEqual({ announce: ['2001:db8::/48'], withdraw: ['2001:db8::/64'] });
  });

  it('refuses a limit that is not a prefix length', () => {
    expect(factoryError('max-length.js', { maxLengthIpv4: 33 })).toMatch(/options.maxLengthIpv4: a prefix length from 0 to 32, got 33/);
    expect(factoryError('max-length.js', { maxLengthIpv6: '48' })).toMatch(/options.maxLengthIpv6/);
    expect(factoryError('max-length.js', {})).toBeUndefined();
  });
});
