/**
 * Policies see received EVPN routes through the generic family helpers (lib/policy/family-routes.ts):
 * filterFamilyRoutes('evpn', ...) is given the family's view (route type, RD, ESI, MAC, IP, labels)
 * and the UPDATE's attributes (route targets), and the prefix helpers leave EVPN routes alone.
 */
import { lastValueFrom, of, toArray } from 'rxjs';
import { familyContext } from '../../../lib/families/family-context';
import type { EvpnView } from '../../../lib/families';
import { familyRouteAttributes, filterFamilyRoutes, type FamilyRoute } from '../../../lib/policy/family-routes';
import { maxPrefixLength } from '../../../lib/policy/prefix-filters';
import type { Policy, RouteBatch } from '../../../lib/policy/types';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { hex } from '../../helpers/hex';
import { announce, EVPN_COMMUNITIES, NLRI } from './helpers/vectors';

const message = decodeMessage(announce(hex`c6336401`, Buffer.concat([NLRI.macOnly, NLRI.macIpv4TwoLabels, NLRI.multicastIpv4, NLRI.prefixIpv4]), EVPN_COMMUNITIES), familyContext(DEFAULT_CONTEXT)) as UpdateMessage;
const batch = message as unknown as RouteBatch;

async function run(policy: Policy): Promise<{ announce: string[]; withdraw: string[] }> {
  const out = await lastValueFrom(of(batch).pipe(policy, toArray()));
  return { announce: out.flatMap((b) => b.announced.flatMap((l) => [...l.prefixes])), withdraw: out.flatMap((b) => b.withdrawn.flatMap((l) => [...l.prefixes])) };
}

describe('EVPN routes in policies', () => {
  it("give filterFamilyRoutes each route's view and the UPDATE's attributes", async () => {
    const seen: Array<[EvpnView, string]> = [];
    await run(
      filterFamilyRoutes<EvpnView>('evpn', (r: FamilyRoute<EvpnView>) => {
        seen.push([r.view, `${r.family} ${r.nextHop.join()} ${r.attributes.extendedCommunities?.length}`]);
        return true;
      }),
    );
    expect(seen.map(([v, rest]) => `${v.routeTypeName} ${v.rd} ${v.mac ?? '-'} ${v.ip ?? '-'} ${v.prefix ?? '-'} [${v.labels?.join(' ') ?? ''}] ${rest}`)).toEqual([
      'mac-ip 192.0.2.1:7 00:11:22:33:44:55 - - [100] l2vpn evpn 198.51.100.1 6',
      'mac-ip 65000:1 02:AA:BB:CC:DD:EE 10.0.0.1 - [100 2000] l2vpn evpn 198.51.100.1 6',
      'multicast 65000:1 - 192.0.2.1 - [] l2vpn evpn 198.51.100.1 6',
      'ip-prefix 65000:1 - - 10.0.0.0/24 [100] l2vpn evpn 198.51.100.1 6',
    ]);
  });

  it('withdraw the routes a filter refuses (here: every MAC/IP route without an IP), keep the others', async () => {
    const out = await run(filterFamilyRoutes<EvpnView>('evpn', (r) => r.view.routeType !== 2 || r.view.ip !== undefined));
    expect(out.withdraw).toEqual(['mac-ip rd 192.0.2.1:7 esi - ethernet-tag 0 mac 00:11:22:33:44:55 label 100']);
    expect(out.announce).toHaveLength(3);
  });

  it('change the attributes of chosen routes (a route target per RD)', async () => {
    const out = await lastValueFrom(of(batch).pipe(familyRouteAttributes<EvpnView>('evpn', (r) => (r.view.rd === '65000:1' ? { ...r.attributes, localPref: 300 } : r.attributes)), toArray()));
    // One LOCAL_PREF per route: 300 for the three routes of RD 65000:1, the UPDATE's 100 for the other.
    const prefs = out.flatMap((b) => b.announced.flatMap((l) => l.prefixes.map(() => b.attributes.localPref)));
    expect(prefs.sort()).toEqual([100, 300, 300, 300]);
  });

  it('pass through the prefix helpers untouched', async () => {
    expect((await run(maxPrefixLength())).announce).toHaveLength(4);
  });
});
