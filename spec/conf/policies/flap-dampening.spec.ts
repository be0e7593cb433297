/**
 * conf/policies/flap-dampening.js in virtual time: a prefix that flaps more than maxFlaps times in
 * the window is suppressed (announcements go out as withdrawals) until quiet, then released.
 * windowSeconds 0.01 and quietSeconds 0.02 are 10 and 20 frames.
 */
import { map } from 'rxjs';
import type { PolicyFactory, RouteBatch } from '../../../lib/policy/types';
import { announce, base, meaning, packed, policyContext, shippedPolicy, testScheduler, text, withdraw } from './route-batches';

const flapDampening = shippedPolicy<PolicyFactory>('flap-dampening.js');
const options = { maxFlaps: 2, windowSeconds: 0.01, quietSeconds: 0.02 };
const med = (n: number) => ({ ...base, med: n });
const withMed = (a: { med?: number }) => `med=${a.med}`;
const idle = (frames: number) => '-'.repeat(frames);

/** Runs the marbles through the policy and checks the output; returns the log lines. */
function expectFlow(opts: Record<string, unknown>, input: string, values: Record<string, RouteBatch>, expected: string, outputs: Record<string, string>, unsubscribe?: string): string[] {
  const scheduler = testScheduler();
  const { context, lines } = policyContext(scheduler);
  scheduler.run(({ cold, expectObservable }) => {
    const result = cold(input, values).pipe(flapDampening(opts, context), map((b) => meaning(b, withMed)));
    expectObservable(result, unsubscribe).toBe(expected, outputs);
  });
  return lines;
}

describe('flap-dampening.js', () => {
  it('suppresses a prefix after more than maxFlaps flaps in the window, and releases its latest announcement once quiet', () => {
    const values = { a: announce(packed(['10.0.0.0/24']), med(1)), b: announce(packed(['10.0.0.0/24']), med(2)), w: withdraw(['10.0.0.0/24']) };
    // Flaps: the withdrawals at 1 and 3, the change of attributes at 5 (the third: suppressed)
    // and at 6 (quiet from then on: released 20 frames later, at 26, with the latest attributes).
    const lines = expectFlow(options, 'awawaba', values, 'xyxyxyy' + idle(19) + 'r', {
      x: '+10.0.0.0/24 med=1',
      y: '-10.0.0.0/24',
      r: '+10.0.0.0/24 med=1',
    });
    expect(lines).toEqual(['info suppressed 1 flapping prefixes', 'info released 1 prefixes quiet for 0.02 s']);
  });

  it('an announcement that changes nothing does not extend the quiet: released 20 frames after the last flap', () => {
    const values = { a: announce(packed(['10.0.0.0/24']), med(1)), b: announce(packed(['10.0.0.0/24']), med(2)), w: withdraw(['10.0.0.0/24']) };
    // Suppressed at 5; the same announcement at 10 is no flap (but goes out as a withdrawal); released at 25.
    expectFlow(options, 'awawab' + idle(4) + 'b' + idle(14) + '-', values, 'xyxyxy' + idle(4) + 'y' + idle(14) + 'r', {
      x: '+10.0.0.0/24 med=1',
      y: '-10.0.0.0/24',
      r: '+10.0.0.0/24 med=2',
    });
  });

  it('a suppressed prefix the peer withdrew is released as nothing', () => {
    const values = { a: announce(packed(['10.0.0.0/24']), med(1)), b: announce(packed(['10.0.0.0/24']), med(2)), w: withdraw(['10.0.0.0/24']) };
    // Suppressed at 5, withdrawn at 7 (a flap: quiet until 27), announced at 8 (suppressed), withdrawn at 9 (quiet until 29).
    const lines = expectFlow(options, 'awawab-waw' + idle(30) + '|', values, 'xyxyxy-yyy' + idle(30) + '|', {
      x: '+10.0.0.0/24 med=1',
      y: '-10.0.0.0/24',
    });
    expect(lines).toEqual(['info suppressed 1 flapping prefixes']);
  });

  it('counts flaps in a sliding window: flaps further apart never suppress', () => {
    const values = { a: announce(packed(['10.0.0.0/24']), med(1)), w: withdraw(['10.0.0.0/24']) };
    // Withdrawals at 0+1, 6, 12, 18: never three within 10 frames.
    const input = 'aw' + idle(3) + 'a' + 'w' + idle(4) + 'a' + 'w' + idle(4) + 'a' + 'w' + 'a|';
    const expected = input.replace(/a/g, 'x').replace(/w/g, 'y');
    expectFlow(options, input, values, expected, { x: '+10.0.0.0/24 med=1', y: '-10.0.0.0/24' });
  });

  it('a released prefix counts its flaps afresh', () => {
    const values = { a: announce(packed(['10.0.0.0/24']), med(1)), w: withdraw(['10.0.0.0/24']) };
    // maxFlaps 1 in a 100-frame window: suppressed at 3, released at 23; the flap at 25 is its first again.
    const opts = { maxFlaps: 1, windowSeconds: 0.1, quietSeconds: 0.02 };
    expectFlow(opts, 'awawa' + idle(20) + 'wa', values, 'xyxyy' + idle(18) + 'x-yx', { x: '+10.0.0.0/24 med=1', y: '-10.0.0.0/24' });
  });

  it('only the flapping prefix is suppressed; the others of its batch pass, and a batch it does not touch is the same object', () => {
    const steady = announce(packed(['10.0.2.0/24']), med(1));
    const values = {
      a: announce(packed(['10.0.0.0/24']), med(1)),
      b: announce(packed(['10.0.0.0/24']), med(2)),
      c: announce(packed(['10.0.0.0/24', '10.0.9.0/24']), med(2)),
      s: steady,
    };
    // 10.0.0.0/24 changes attributes at 1, 2 and 4: suppressed at 4, when 10.0.9.0/24 comes in the same batch.
    const out: RouteBatch[] = [];
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const result = cold('abasc|', values).pipe(flapDampening(options, policyContext(scheduler).context));
      result.subscribe((b) => out.push(b));
      expectObservable(result.pipe(map((b) => meaning(b, withMed)))).toBe('xyxzw|', {
        x: '+10.0.0.0/24 med=1',
        y: '+10.0.0.0/24 med=2',
        z: '+10.0.2.0/24 med=1',
        w: '+10.0.9.0/24 -10.0.0.0/24 med=2',
      });
    });
    expect(out[3]).toBe(steady);
  });

  it('an equal announcement in a new attributes object is not a flap', () => {
    const values = { a: announce(packed(['10.0.0.0/24']), med(1)), b: announce(packed(['10.0.0.0/24']), med(1)), c: announce(packed(['10.0.0.0/24']), med(1)) };
    expectFlow(options, 'abcabc|', values, 'xxxxxx|', { x: '+10.0.0.0/24 med=1' });
  });

  it('a change of next hop is a flap', () => {
    const values = { a: announce(packed(['10.0.0.0/24'], '192.0.2.1'), med(1)), b: announce(packed(['10.0.0.0/24'], '192.0.2.2'), med(1)) };
    expectFlow(options, 'ababa|', values, 'xxxyy|', { x: '+10.0.0.0/24 med=1', y: '-10.0.0.0/24' });
  });

  it('keys routes by prefix and path id whatever their form: packed, text, IPv6', () => {
    const values = {
      p: announce(packed(['10.0.0.0/24']), med(1)),
      t: withdraw(['10.0.0.0/24']),
      i: announce(text(['10.0.0.0/24', '10.0.0.0/24'], '192.0.2.1', [1, 2]), med(1)),
      j: withdraw(['10.0.0.0/24'], [1]),
      v: announce(text(['2001:db8::/32'], '2001:db8::1'), med(1)),
      u: withdraw(['2001:db8::/32']),
    };
    // maxFlaps 1: the second flap suppresses. The packed route withdrawn as text (3), path id 1
    // but not 2 (8), the IPv6 route (13); each released 20 frames after its last flap.
    const input = 'ptptp' + 'ijiji' + 'vuvuv';
    expectFlow({ ...options, maxFlaps: 1 }, input, values, 'ababb' + 'cdcde' + 'fgfgg' + idle(8) + 'a' + idle(4) + 'h' + idle(4) + 'f', {
      a: '+10.0.0.0/24 med=1',
      b: '-10.0.0.0/24',
      c: '+10.0.0.0/24#1 +10.0.0.0/24#2 med=1',
      d: '-10.0.0.0/24#1',
      e: '+10.0.0.0/24#2 -10.0.0.0/24#1 med=1',
      f: '+2001:db8::/32 med=1',
      g: '-2001:db8::/32',
      h: '+10.0.0.0/24#1 med=1',
    });
  });

  it('releases what fell due together in one batch per attributes object', () => {
    const both: RouteBatch = {
      type: 'update',
      withdrawn: [
        { afi: 1, safi: 1, prefixes: ['10.0.0.0/24', '10.0.1.0/24', '10.0.5.0/24'] },
        { afi: 2, safi: 1, prefixes: ['2001:db8::/32'] },
      ],
      attributes: {},
      announced: [],
    };
    const values = {
      a: announce([packed(['10.0.0.0/24', '10.0.1.0/24']), text(['2001:db8::/32'], '2001:db8::1')], med(1)),
      b: announce(packed(['10.0.5.0/24']), med(2)),
      w: both,
    };
    // All four flap at 2, 5 and 8 (suppressed), are announced again at 9 and 10 (withdrawn: suppressed)
    // and released together at 28: a batch per attributes object.
    expectFlow(options, 'abwabwabwab', values, 'xzyxzyxzyuv' + idle(17) + '(xz)', {
      u: '-10.0.0.0/24 -10.0.1.0/24 -2001:db8::/32',
      v: '-10.0.5.0/24',
      x: '+10.0.0.0/24 +10.0.1.0/24 +2001:db8::/32 med=1',
      z: '+10.0.5.0/24 med=2',
      y: '-10.0.0.0/24 -10.0.1.0/24 -10.0.5.0/24 -2001:db8::/32',
    });
  });

  it('drops its timer when unsubscribed: nothing is released after', () => {
    const values = { a: announce(packed(['10.0.0.0/24']), med(1)), w: withdraw(['10.0.0.0/24']) };
    expectFlow(options, 'awawawa', values, 'xyxyxyy', { x: '+10.0.0.0/24 med=1', y: '-10.0.0.0/24' }, '-------' + idle(10) + '!');
  });

  it('refuses options it cannot use, naming the option', () => {
    const context = policyContext(testScheduler()).context;
    const make = (o: Record<string, unknown>) => () => flapDampening(o, context);
    expect(make({ maxFlaps: -1 })).toThrow('options.maxFlaps: expected an integer from 0 to 1000000, got -1');
    expect(make({ windowSeconds: '60' })).toThrow('options.windowSeconds: expected a number from 0.001 to 86400, got "60"');
    expect(make({ quietSeconds: 0 })).toThrow('options.quietSeconds: expected a number from 0.001 to 86400, got 0');
    expect(make({ quiet: 300 })).toThrow('options: unknown option "quiet" (known: maxFlaps, windowSeconds, quietSeconds)');
    expect(typeof flapDampening({}, context)).toBe('function');
  });
});
