/** conf/policies/no-bogons.js through the real module: RFC 6890 bogons and too-specific prefixes are withdrawn. */
import { map } from 'rxjs';
import type { PolicyFactory, RouteBatch } from '../../../lib/policy/types';
import { packedIpv4Of } from '../../../lib/wire/nlri/packed-ipv4';
import { announce, meaning, packed, policyContext, shippedPolicy, testScheduler, text, withdraw } from './route-batches';

const noBogons = shippedPolicy<PolicyFactory>('no-bogons.js');

function run(options: Record<string, unknown>, marbles: string, inputs: Record<string, RouteBatch>, expected: string, outputs: Record<string, string>): void {
  const scheduler = testScheduler();
  scheduler.run(({ cold, expectObservable }) => {
    const policy = noBogons(options, policyContext(scheduler).context);
    expectObservable(cold(marbles, inputs).pipe(policy, map((b) => meaning(b)))).toBe(expected, outputs);
  });
}

describe('no-bogons.js', () => {
  it('withdraws IPv4 bogons and prefixes longer than /24 from packed lists, keeping the rest packed', () => {
    const mixed = announce(packed(['8.8.8.0/24', '10.1.0.0/16', '1.1.1.0/25', '192.168.7.0/24', '185.1.0.0/22', '100.64.0.0/10', '224.0.0.0/4']));
    const out: RouteBatch[] = [];
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const result = cold('-a-|', { a: mixed }).pipe(noBogons({}, policyContext(scheduler).context));
      result.subscribe((b) => out.push(b));
      expectObservable(result.pipe(map((b) => meaning(b)))).toBe('-x-|', {
        x: '+8.8.8.0/24 +185.1.0.0/22 -1.1.1.0/25 -10.1.0.0/16 -192.168.7.0/24 -100.64.0.0/10 -224.0.0.0/4',
      });
    });
    expect(packedIpv4Of(out[0].announced[0])).toBeDefined();
    expect(packedIpv4Of(out[0].withdrawn[0])).toBeDefined();
  });

  it('passes a batch with nothing to withdraw as the same object, and withdrawals as they are', () => {
    const clean = announce(packed(['8.8.8.0/24', '2.0.0.0/12']));
    const gone = withdraw(['10.0.0.0/8', '8.8.4.0/24']);
    const out: RouteBatch[] = [];
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const result = cold('ab|', { a: clean, b: gone }).pipe(noBogons({}, policyContext(scheduler).context));
      result.subscribe((b) => out.push(b));
      expectObservable(result).toBe('ab|', { a: clean, b: gone });
    });
    expect(out[0]).toBe(clean);
    expect(out[1]).toBe(gone);
  });

  it('reads IPv4 text lists (with ADD-PATH path ids) by number too', () => {
    run(
      {},
      'a|',
      { a: announce(text(['172.16.0.0/12', '9.9.9.0/24', '172.32.0.0/12'], '192.0.2.1', [1, 2, 3])) },
      'x|',
      { x: '+9.9.9.0/24#2 +172.32.0.0/12#3 -172.16.0.0/12#1' },
    );
  });

  it('withdraws IPv6 bogons and prefixes longer than /48', () => {
    run(
      {},
      'a|',
      { a: announce(text(['2a00:1::/32', '2001:db8:1::/48', 'fe80::/64', '2a00:2::/49', '2600::/12', 'fc00:1::/32'], '2001:db8::1')) },
      'x|',
      { x: '+2a00:1::/32 +2600::/12 -fe80::/64 -2a00:2::/49 -2001:db8:1::/48 -fc00:1::/32' },
    );
  });

  it('maxLengthIpv4 and maxLengthIpv6 set how specific a route may be', () => {
    const batch = announce([packed(['1.1.1.0/25', '1.1.2.0/26']), text(['2a00:1::/48', '2a00:2::/56'], '2001:db8::1')]);
    run({ maxLengthIpv4: 25, maxLengthIpv6: 32 }, 'a|', { a: batch }, 'x|', { x: '+1.1.1.0/25 -1.1.2.0/26 -2a00:1::/48 -2a00:2::/56' });
  });

  it('extra adds entries to the bogon list, IPv4 and IPv6, and breaks nothing else', () => {
    const batch = announce([packed(['8.8.8.0/24', '8.8.4.0/24', '9.9.9.0/24']), text(['2a00:1::/32', '2a00:2::/32'], '2001:db8::1')]);
    run({ extra: ['8.8.0.0/16 le 24', '2a00:2::/32'] }, 'a|', { a: batch }, 'x|', { x: '+9.9.9.0/24 +2a00:1::/32 -8.8.8.0/24 -8.8.4.0/24 -2a00:2::/32' });
  });

  it('a batch it empties becomes a withdraw-only batch, merged with the withdrawals it carried', () => {
    const batch = announce(packed(['10.0.0.0/24', '192.0.2.0/24']), undefined, [{ afi: 1, safi: 1, prefixes: ['8.8.8.0/24'] }]);
    run({}, 'a|', { a: batch }, 'x|', { x: '-8.8.8.0/24 -10.0.0.0/24 -192.0.2.0/24' });
  });
});
