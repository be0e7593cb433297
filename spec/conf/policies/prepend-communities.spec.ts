/** conf/policies/prepend-communities.js: AS path prepending and communities by prefix list, first matching rule wins. */
import { map } from 'rxjs';
import type { PolicyFactory, RouteBatch } from '../../../lib/policy/types';
import type { PathAttributes } from '../../../lib/wire/types';
import { announce, base, meaning, packed, policyContext, shippedPolicy, testScheduler, text, withdraw } from './route-batches';

const prependCommunities = shippedPolicy<PolicyFactory>('prepend-communities.js');

/** The attributes a rule may change, as text. */
const tags = (a: PathAttributes) =>
  [
    `path=${(a.asPath ?? []).map((s) => `${s.type === 1 ? 'set' : 'seq'}(${s.asns.join(',')})`).join(' ')}`,
    ...(a.communities?.length ? [`c=${a.communities.map((c) => `${c >>> 16}:${c & 0xffff}`).join(',')}`] : []),
    ...(a.largeCommunities?.length ? [`lc=${a.largeCommunities.map((l) => l.join(':')).join(',')}`] : []),
    ...(a.as4Path ? ['as4'] : []),
  ].join(' ');

/** Runs `batches` (one per frame) through the policy; returns what came out, collected. */
function through(options: Record<string, unknown>, batches: RouteBatch[], localAs = 65001): RouteBatch[] {
  const out: RouteBatch[] = [];
  const scheduler = testScheduler();
  scheduler.run(({ cold, flush }) => {
    const values = Object.fromEntries(batches.map((b, i) => [String.fromCharCode(97 + i), b]));
    cold(Object.keys(values).join('') + '|', values)
      .pipe(prependCommunities(options, policyContext(scheduler, localAs).context))
      .subscribe((b) => out.push(b));
    flush();
  });
  return out;
}

const rules = [
  { prefixes: ['203.0.113.0/24 le 32'], prepend: 2, communities: ['65001:100'] },
  { prefixes: ['198.51.100.0/24 le 32', '2001:db8::/32 le 64'], communities: ['65001:200', 'no-export'], largeCommunities: ['65001:1:2'] },
  { prefixes: ['0.0.0.0/0 le 32'], prepend: 1 },
];

describe('prepend-communities.js', () => {
  it('applies the first rule that matches each route; routes of one rule travel together, withdrawals in the first batch', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const input = announce(
        [packed(['203.0.113.0/25', '198.51.100.0/24', '8.8.8.0/24', '203.0.113.128/25']), text(['2001:db8:1::/48', '2a00::/32'], '2001:db8::1')],
        base,
        [{ afi: 1, safi: 1, prefixes: ['9.9.9.0/24'] }],
      );
      const policy = prependCommunities({ rules: rules.slice(0, 2) }, policyContext(scheduler).context);
      expectObservable(cold('-(a|)', { a: input }).pipe(policy, map((b) => meaning(b, tags)))).toBe('-(xyz|)', {
        x: '+203.0.113.0/25 +203.0.113.128/25 -9.9.9.0/24 path=seq(65001,65001,65002) c=65001:100',
        y: '+198.51.100.0/24 +2001:db8:1::/48 path=seq(65002) c=65001:200,65535:65281 lc=65001:1:2',
        z: '+8.8.8.0/24 +2a00::/32 path=seq(65002)',
      });
    });
  });

  it('gives routes that shared attributes the same changed object, batch after batch', () => {
    const [first, second] = through({ rules }, [announce(packed(['203.0.113.0/24'])), announce(packed(['203.0.113.7/32']))]);
    expect(first.attributes).toBe(second.attributes);
    expect(first.attributes).not.toBe(base);
    const [other] = through({ rules }, [announce(packed(['203.0.113.0/24']), { ...base, med: 5 })]);
    expect(meaning(other, (a) => `med=${a.med} ${tags(a)}`)).toBe('+203.0.113.0/24 med=5 path=seq(65001,65001,65002) c=65001:100');
  });

  it('passes a batch no rule changes as the same object', () => {
    const untouched = announce(packed(['8.8.8.0/24']));
    const withdrawal = withdraw(['203.0.113.0/24']);
    const out = through({ rules: rules.slice(0, 2) }, [untouched, withdrawal]);
    expect(out[0]).toBe(untouched);
    expect(out[1]).toBe(withdrawal);
  });

  it('a rule with nothing to do (communities already there, no prepend) leaves the batch as it was', () => {
    const tagged = announce(packed(['198.51.100.0/24']), { ...base, communities: [65001 * 65536 + 200, 0xffffff01], largeCommunities: [[65001, 1, 2]] });
    const exception = announce(packed(['192.0.2.0/24']));
    const out = through({ rules: [{ prefixes: ['192.0.2.0/24'] }, ...rules] }, [tagged, exception]);
    expect(out[0]).toBe(tagged);
    expect(out[1]).toBe(exception);
  });

  it('adds communities without duplicates, after the ones the route has', () => {
    const have = announce(packed(['198.51.100.0/24']), { ...base, communities: [65001 * 65536 + 200, 65000 * 65536 + 1], largeCommunities: [[1, 2, 3]] });
    const [out] = through({ rules: [{ prefixes: ['198.51.100.0/24'], communities: ['65001:200', '65001:300', '65001:300'], largeCommunities: ['1:2:3', '4:5:6'] }] }, [have]);
    expect(meaning(out, tags)).toBe('+198.51.100.0/24 path=seq(65002) c=65001:200,65000:1,65001:300 lc=1:2:3,4:5:6');
  });

  it('prepends into the leading AS_SEQUENCE, or in a new one before a set or an empty path; the received AS4_PATH is dropped', () => {
    const options = { asn: 4200000000, rules: [{ prefixes: ['0.0.0.0/0 le 32'], prepend: 3 }] };
    const lists = (asPath: PathAttributes['asPath'], extra: PathAttributes = {}) => announce(packed(['8.8.8.0/24']), { origin: 0, asPath, ...extra });
    const out = through(options, [
      lists([{ type: 2, asns: [23456, 65002] }], { as4Path: [{ type: 2, asns: [4200000001, 65002] }] }),
      lists([{ type: 1, asns: [65003, 65004] }]),
      lists([]),
      lists(undefined),
    ]);
    expect(out.map((b) => tags(b.attributes))).toEqual([
      'path=seq(4200000000,4200000000,4200000000,23456,65002)',
      'path=seq(4200000000,4200000000,4200000000) set(65003,65004)',
      'path=seq(4200000000,4200000000,4200000000)',
      'path=seq(4200000000,4200000000,4200000000)',
    ]);
  });

  it("prepends the neighbor's local AS unless options.asn says another", () => {
    const [out] = through({ rules: [{ prefixes: ['8.8.8.0/24'], prepend: 1 }] }, [announce(packed(['8.8.8.0/24']))], 64512);
    expect(tags(out.attributes)).toBe('path=seq(64512,65002)');
  });

  it('refuses options it cannot use, naming the option', () => {
    const context = policyContext(testScheduler()).context;
    const make = (options: Record<string, unknown>) => () => prependCommunities(options, context);
    expect(make({})).toThrow('options.rules: expected a list of at least one rule, got nothing');
    expect(make({ rules: [] })).toThrow('options.rules: expected a list of at least one rule, got []');
    expect(make({ rules: [{ prefixes: ['10.0.0.0/8'], prepend: 'two' }] })).toThrow('options.rules[0].prepend: expected an integer from 0 to 255, got "two"');
    expect(make({ rules: [rules[0], { prefixes: [] }] })).toThrow('options.rules[1].prefixes: expected a list of at least 1 strings, got []');
    expect(make({ rules: [{ prefixes: ['10.0.0.0/33'] }] })).toThrow(/^options\.rules\[0\]\.prefixes: prefix list entry 0 "10\.0\.0\.0\/33"/);
    expect(make({ rules: [{ prefixes: ['10.0.0.0/8'], communities: ['65001:70000'] }] })).toThrow(/^options\.rules\[0\]\.communities\[0\]: expected a community "AS:value"/);
    expect(make({ rules: [{ prefixes: ['10.0.0.0/8'], largeCommunities: ['1:2'] }] })).toThrow('options.rules[0].largeCommunities[0]: expected a large community "global:local1:local2" (each 0..4294967295), got "1:2"');
    expect(make({ rules: [{ prefixes: ['10.0.0.0/8'], prepnd: 2 }] })).toThrow('options.rules[0]: unknown option "prepnd" (known: prefixes, prepend, communities, largeCommunities)');
    expect(make({ rules, asn: 0 })).toThrow('options.asn: expected an integer from 1 to 4294967295, got 0');
    expect(make({ rules, community: [] })).toThrow('options: unknown option "community" (known: asn, rules)');
  });
});
