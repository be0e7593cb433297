/**
 * Policies over multicast, VPLS and RTC routes: multicast lists are prefixes (the prefix helpers
 * filter them as unicast ones), VPLS and RTC routes reach filterFamilyRoutes / familyRouteAttributes
 * through their family's policy view (`{ kind: 'vpls', rd, endpoint, ... }`, `{ kind: 'rtc',
 * originAs, routeTarget, prefixLength }`), and the prefix helpers pass them through untouched.
 */
import { lastValueFrom, of, toArray } from 'rxjs';
import type { RtcView, VplsView } from '../../lib/families';
import { familyRouteAttributes, filterFamilyRoutes } from '../../lib/policy/family-routes';
import { filterRoutes } from '../../lib/policy/helpers';
import type { Policy, RouteBatch } from '../../lib/policy/types';
import type { PathAttributes } from '../../lib/wire/types';

const attributes: PathAttributes = { origin: 0, asPath: [] };
const VPLS_1 = 'rd 65000:1 endpoint 1 base 800000 offset 0 size 10';
const VPLS_2 = 'rd 65000:2 endpoint 2 base 800016 offset 0 size 10';
const RTC_1 = 'origin-as 65000 route-target target:65000:100';
const RTC_DEFAULT = 'prefix-length 0';

const batch: RouteBatch = {
  type: 'update',
  withdrawn: [],
  attributes,
  announced: [
    { afi: 1, safi: 2, nextHop: ['198.51.100.1'], prefixes: ['232.1.1.0/24', '232.1.0.0/16'] },
    { afi: 25, safi: 65, nextHop: ['192.0.2.1'], prefixes: [VPLS_1, VPLS_2] },
    { afi: 1, safi: 132, nextHop: ['192.0.2.1'], prefixes: [RTC_1, RTC_DEFAULT] },
  ],
};

async function run(policy: Policy): Promise<{ announce: string[]; withdraw: string[]; localPrefs: Array<number | undefined> }> {
  const out = await lastValueFrom(of(batch).pipe(policy, toArray()));
  return {
    announce: out.flatMap((b) => b.announced.flatMap((l) => [...l.prefixes])),
    withdraw: out.flatMap((b) => b.withdrawn.flatMap((l) => [...l.prefixes])),
    localPrefs: out.filter((b) => b.announced.length > 0).map((b) => b.attributes.localPref),
  };
}

describe('policies over multicast, VPLS and RTC routes', () => {
  it('filters multicast routes by prefix length, passing VPLS and RTC routes through', async () => {
    expect(await run(filterRoutes((r) => r.length >= 24))).toEqual({ announce: ['232.1.1.0/24', VPLS_1, VPLS_2, RTC_1, RTC_DEFAULT], withdraw: ['232.1.0.0/16'], localPrefs: [undefined] });
  });

  it('filters VPLS routes on their view', async () => {
    const seen: VplsView[] = [];
    const result = await run(filterFamilyRoutes<VplsView>('vpls', (r) => (seen.push(r.view), r.view.endpoint === 1)));
    expect(seen).toEqual([
      { kind: 'vpls', rd: '65000:1', endpoint: 1, offset: 0, size: 10, base: 800000 },
      { kind: 'vpls', rd: '65000:2', endpoint: 2, offset: 0, size: 10, base: 800016 },
    ]);
    expect(result.withdraw).toEqual([VPLS_2]);
    expect(result.announce).toEqual(['232.1.1.0/24', '232.1.0.0/16', VPLS_1, RTC_1, RTC_DEFAULT]);
  });

  it('sets attributes of RTC routes on their view', async () => {
    const result = await run(familyRouteAttributes<RtcView>('rtc', (r) => (r.view.prefixLength === 0 ? { ...r.attributes, localPref: 50 } : r.attributes)));
    expect(result.withdraw).toEqual([]);
    expect(result.announce.sort()).toEqual(['232.1.0.0/16', '232.1.1.0/24', RTC_1, RTC_DEFAULT, VPLS_1, VPLS_2].sort());
    expect(result.localPrefs.sort()).toEqual([50, undefined]);
  });
});
