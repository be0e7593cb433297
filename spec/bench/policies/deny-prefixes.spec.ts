import { batch, batch6, meaning } from './batches';
import { factoryError, runPolicy } from './policy-context';

describe('bench/policies/deny-prefixes.js', () => {
  const deny = ['192.168.0.0/16 le 32', '2001:db8::/32 le 128'];

  it('withdraws the routes the list covers, IPv4 and IPv6, and passes a batch it covers nothing of as the same object', () => {
    const mixed = batch(['10.0.0.0/24', '192.168.7.0/24', '192.169.0.0/24']);
    const fine = batch(['10.0.1.0/24']);
    const [first, second] = runPolicy('deny-prefixes.js', { deny }, [mixed, fine]);
    expect(meaning(first!)).toEqual({ announce: ['10.0.0.0/24', '192.169.0.0/24'], withdraw: ['192.168.7.0/24'] });
    expect(second).toBe(fine);
    const [v6] = runPolicy('deny-prefixes.js', { deny }, [batch6(['2001:db8:1::/48', '2001:db9::/32'])]);
    expect(meaning(v6!)).toEqual({ announce: ['2001:db9::/32'], withdraw: ['2001:db8:1::/48'] });
  });

  it('needs a list, and names a bad entry', () => {
    expect(factoryError('deny-prefixes.js', {})).toMatch(/options.deny: a list of prefix-list entries/);
    expect(factoryError('deny-prefixes.js', { deny: ['192.168.0.0/16 le 8'] })).toMatch(/prefix list entry 0 "192.168.0.0\/16 le 8"/);
    expect(factoryError('deny-prefixes.js', { deny: [] })).toBeUndefined();
  });
});
