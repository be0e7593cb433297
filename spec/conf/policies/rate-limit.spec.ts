/**
 * conf/policies/rate-limit.js in virtual time (a frame is a millisecond): a token bucket of
 * `burst` announced prefixes refilled at `prefixesPerSecond`; batches keep their order, and a
 * withdrawal costs nothing.
 */
import type { PolicyFactory, RouteBatch } from '../../../lib/policy/types';
import { announce, packed, policyContext, shippedPolicy, testScheduler, text, withdraw } from './route-batches';

const rateLimit = shippedPolicy<PolicyFactory>('rate-limit.js');
const two = (n: number) => announce(packed([`10.0.${n}.0/24`, `10.0.${n}.128/25`]));
const values: Record<string, RouteBatch> = {
  a: two(1),
  b: two(2),
  c: two(3),
  d: two(4),
  w: withdraw(['10.0.1.0/24']),
  v: withdraw(['10.0.2.0/24']),
  B: announce([packed(['10.1.0.0/24', '10.1.1.0/24', '10.1.2.0/24']), text(['2a00::/32', '2a00:1::/32'], '2001:db8::1')]),
};

/** The batches must come out as the very objects that went in, at the expected frames. */
function expectTimes(options: Record<string, unknown>, input: string, expected: string, unsubscribe?: string): void {
  const scheduler = testScheduler();
  scheduler.run(({ cold, expectObservable }) => {
    expectObservable(cold(input, values).pipe(rateLimit(options, policyContext(scheduler).context)), unsubscribe).toBe(expected, values);
  });
}

describe('rate-limit.js', () => {
  const perMs = { prefixesPerSecond: 1000, burst: 2 };

  it('lets a burst through at once, then paces batches at the rate, in order', () => {
    // a spends the bucket at 0; b finds 1 token at 1 and waits until 2; c waits behind b, then until 4.
    expectTimes(perMs, 'abc', 'a-b-c');
  });

  it('never holds a withdrawal for the bucket, but keeps it behind the batches before it', () => {
    // w waits behind c (out at 4) and goes with it.
    expectTimes(perMs, 'abcw', 'a-b-(cw)');
    // B leaves the bucket 3 in debt; v comes at 2, still in debt, and goes at once; a waits until 5.
    expectTimes(perMs, 'B-va', 'B-v--a');
  });

  it('sends a batch bigger than the burst when the bucket is full, and the next waits until it is paid back', () => {
    // B (5 prefixes) waits for a full bucket (2 at 2), leaves 3 owed; a, due at 3, waits until the bucket holds 2 again at 7.
    expectTimes(perMs, 'aB-a', 'a-B----a');
  });

  it('refills while idle, up to the burst and no more', () => {
    expectTimes(perMs, 'a' + '-'.repeat(9) + 'bc', 'a' + '-'.repeat(9) + 'b-c');
  });

  it('the burst defaults to one second of the rate', () => {
    // 2 a second: a spends both tokens; b waits for two more, 1 s after a.
    expectTimes({ prefixesPerSecond: 2 }, 'ab', 'a 999ms b');
  });

  it('drops what it holds when unsubscribed', () => {
    expectTimes(perMs, 'abcd', 'a-b-', '^---!');
  });

  it('refuses options it cannot use, naming the option', () => {
    const context = policyContext(testScheduler()).context;
    const make = (options: Record<string, unknown>) => () => rateLimit(options, context);
    expect(make({ prefixesPerSecond: 0 })).toThrow('options.prefixesPerSecond: expected a number from 0.001 to 1000000000, got 0');
    expect(make({ prefixesPerSecond: 10, burst: 0.5 })).toThrow('options.burst: expected a number from 1 to 1000000000, got 0.5');
    expect(make({ rate: 10 })).toThrow('options: unknown option "rate" (known: prefixesPerSecond, burst)');
    expect(typeof make({})()).toBe('function');
  });
});
