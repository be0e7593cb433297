import fc from 'fast-check';
import { Subject } from 'rxjs';
import { acceptPrefixes, maxPrefixLength, rejectPrefixes } from '../../lib/policy/prefix-filters';
import { filterRoutes } from '../../lib/policy/helpers';
import { PrefixList } from '../../lib/policy/prefix-list';
import type { Policy, RouteBatch } from '../../lib/policy/types';
import { formatIpv4Number } from '../../lib/wire/address';
import { attachPackedIpv4, packedIpv4Of } from '../../lib/wire/nlri/packed-ipv4';
import { parseIpv4PrefixPacked } from '../../lib/wire/nlri/ipv4-prefix';

const packedBatch = (...prefixes: string[]): RouteBatch => ({
  type: 'update',
  withdrawn: [],
  attributes: { origin: 0 },
  announced: [attachPackedIpv4({ afi: 1, safi: 1, nextHop: ['198.51.100.1'] }, prefixes.map(parseIpv4PrefixPacked))],
});
const textBatch = (afi: number, ...prefixes: string[]): RouteBatch => ({
  type: 'update',
  withdrawn: [],
  attributes: { origin: 0 },
  announced: [{ afi, safi: 1, nextHop: [afi === 1 ? '198.51.100.1' : '2001:db8::1'], prefixes }],
});
function run(policy: Policy, batch: RouteBatch): RouteBatch {
  const input = new Subject<RouteBatch>();
  let out: RouteBatch | undefined;
  policy(input).subscribe((b) => (out = b));
  input.next(batch);
  return out!;
}
const meaning = (b: RouteBatch) => ({ announce: b.announced.flatMap((l) => l.prefixes), withdraw: b.withdrawn.flatMap((l) => l.prefixes) });

describe('prefix filters', () => {
  it('maxPrefixLength withdraws longer routes of each family, packed or text', () => {
    expect(meaning(run(maxPrefixLength(), packedBatch('10.0.0.0/24', '10.0.1.0/25', '10.0.2.0/23')))).toEqual({ announce: ['10.0.0.0/24', '10.0.2.0/23'], withdraw: ['10.0.1.0/25'] });
    expect(meaning(run(maxPrefixLength({ ipv4: 25 }), textBatch(1, '10.0.1.0/25', '10.0.2.128/26')))).toEqual({ announce: ['10.0.1.0/25'], withdraw: ['10.0.2.128/26'] });
    expect(meaning(run(maxPrefixLength(), textBatch(2, '2001:db8::/48', '2001:db8:0:1::/64')))).toEqual({ announce: ['2001:db8::/48'], withdraw: ['2001:db8:0:1::/64'] });
  });

  it('rejectPrefixes and acceptPrefixes split by a prefix list; an untouched batch is the same object', () => {
    const list = ['192.168.0.0/16 le 32', '2001:db8::/32 le 128'];
    const mixed = packedBatch('192.168.1.0/24', '8.8.8.0/24');
    expect(meaning(run(rejectPrefixes(list), mixed))).toEqual({ announce: ['8.8.8.0/24'], withdraw: ['192.168.1.0/24'] });
    expect(meaning(run(acceptPrefixes(list), mixed))).toEqual({ announce: ['192.168.1.0/24'], withdraw: ['8.8.8.0/24'] });
    expect(meaning(run(rejectPrefixes(PrefixList.parse(list)), textBatch(2, '2001:db8:1::/48', '2a00::/32')))).toEqual({ announce: ['2a00::/32'], withdraw: ['2001:db8:1::/48'] });
    const clean = packedBatch('8.8.8.0/24');
    expect(run(rejectPrefixes(list), clean)).toBe(clean);
    const out = run(rejectPrefixes(list), mixed);
    expect(packedIpv4Of(out.announced[0]!)).toBeDefined();
  });

  it('agree with filterRoutes on any IPv4 routes and list (property)', () => {
    const prefix = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([a, len]) => `${formatIpv4Number(len === 0 ? 0 : (a & (0xffffffff << (32 - len))) >>> 0)}/${len}`);
    fc.assert(
      fc.property(fc.array(prefix, { minLength: 1, maxLength: 6 }), fc.array(prefix, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 32 }), (entries, routes, max) => {
        const list = PrefixList.parse(entries.map((e) => `${e} le 32`));
        const batch = packedBatch(...new Set(routes));
        expect(meaning(run(rejectPrefixes(list), batch))).toEqual(meaning(run(filterRoutes((r) => !list.matches(r)), batch)));
        expect(meaning(run(acceptPrefixes(list), batch))).toEqual(meaning(run(filterRoutes((r) => list.matches(r)), batch)));
        expect(meaning(run(maxPrefixLength({ ipv4: max }), batch))).toEqual(meaning(run(filterRoutes((r) => r.length <= max), batch)));
      }),
    );
  });
});
