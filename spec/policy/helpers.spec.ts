import { TestScheduler } from 'rxjs/testing';
import { filterRoutes, mapAttributes, routeAttributes } from '../../lib/policy/helpers';
import type { RouteBatch } from '../../lib/policy/types';
import { attachPackedIpv4, packedIpv4Of } from '../../lib/wire/nlri/packed-ipv4';
import { parseIpv4PrefixPacked } from '../../lib/wire/nlri/ipv4-prefix';
import type { PathAttributes } from '../../lib/wire/types';

const attributes: PathAttributes = { origin: 0, asPath: [{ type: 2, asns: [65001] }] };
const packed = (...prefixes: string[]) => attachPackedIpv4({ afi: 1, safi: 1, nextHop: ['198.51.100.1'] }, prefixes.map(parseIpv4PrefixPacked));
const batch = (announced: string[], withdrawn: string[] = []): RouteBatch => ({
  type: 'update',
  withdrawn: withdrawn.length ? [{ afi: 1, safi: 1, prefixes: withdrawn }] : [],
  attributes,
  announced: announced.length ? [packed(...announced)] : [],
});
/** What a batch means, as plain data. */
const meaning = (b: RouteBatch) => ({
  announce: b.announced.flatMap((l) => l.prefixes),
  withdraw: b.withdrawn.flatMap((l) => l.prefixes),
  med: b.attributes.med,
});

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('policy helpers', () => {
  it('filterRoutes withdraws what it rejects, keeps IPv4 packed, and passes an untouched batch as the same object', () => {
    const in1 = batch(['10.0.0.0/24', '10.0.1.0/25', '10.0.2.0/24'], ['10.9.0.0/24']);
    const in2 = batch(['10.0.3.0/24']);
    const out: RouteBatch[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('-a-b|', { a: in1, b: in2 });
      const result = source.pipe(filterRoutes((r) => r.length <= 24));
      result.subscribe((b) => out.push(b));
      expectObservable(result.pipe()).toBe('-x-y|', {
        x: expect.objectContaining({ type: 'update' }),
        y: in2,
      });
    });
    expect(meaning(out[0]!)).toEqual({ announce: ['10.0.0.0/24', '10.0.2.0/24'], withdraw: ['10.9.0.0/24', '10.0.1.0/25'], med: undefined });
    expect(packedIpv4Of(out[0]!.announced[0]!)).toBeDefined();
    expect(out[1]).toBe(in2);
  });

  it('filterRoutes rejecting every route leaves a withdraw-only batch', () => {
    const out: RouteBatch[] = [];
    scheduler().run(({ cold, flush }) => {
      cold('a|', { a: batch(['10.0.0.0/24']) })
        .pipe(filterRoutes(() => false))
        .subscribe((b) => out.push(b));
      flush();
    });
    expect(meaning(out[0]!)).toEqual({ announce: [], withdraw: ['10.0.0.0/24'], med: undefined });
  });

  it('mapAttributes changes batches that announce and leaves withdraw-only ones alone', () => {
    const withdrawOnly = batch([], ['10.0.0.0/24']);
    const out: RouteBatch[] = [];
    scheduler().run(({ cold, flush }) => {
      cold('ab|', { a: batch(['10.0.0.0/24']), b: withdrawOnly })
        .pipe(mapAttributes((a) => ({ ...a, med: 7 })))
        .subscribe((b) => out.push(b));
      flush();
    });
    expect(meaning(out[0]!)).toEqual({ announce: ['10.0.0.0/24'], withdraw: [], med: 7 });
    expect(out[1]).toBe(withdrawOnly);
  });

  it('routeAttributes splits a batch by the attributes chosen per route, withdrawals in the first', () => {
    const tagged: PathAttributes = { ...attributes, med: 50 };
    const out: RouteBatch[] = [];
    scheduler().run(({ cold, flush }) => {
      cold('a|', { a: batch(['10.0.0.0/24', '192.168.0.0/24', '10.0.1.0/24', '172.16.0.0/24'], ['10.9.0.0/24']) })
        .pipe(routeAttributes((r) => (r.prefix.startsWith('192.') ? tagged : r.prefix.startsWith('172.') ? null : r.attributes)))
        .subscribe((b) => out.push(b));
      flush();
    });
    expect(out.map(meaning)).toEqual([
      { announce: ['10.0.0.0/24', '10.0.1.0/24'], withdraw: ['10.9.0.0/24', '172.16.0.0/24'], med: undefined },
      { announce: ['192.168.0.0/24'], withdraw: [], med: 50 },
    ]);
  });

  it('routeAttributes passes a batch it does not change as the same object', () => {
    const a = batch(['10.0.0.0/24']);
    const out: RouteBatch[] = [];
    scheduler().run(({ cold, flush }) => {
      cold('a|', { a })
        .pipe(routeAttributes((r) => r.attributes))
        .subscribe((b) => out.push(b));
      flush();
    });
    expect(out).toEqual([a]);
    expect(out[0]).toBe(a);
  });
});
