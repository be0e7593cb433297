/**
 * Labeled and VPN routes in the Adj-RIB-Out are keyed as ExaBGP keys them (Label.index(),
 * IPVPN.index(): prefix and RD, not labels; FamilyDescriptor.routeKey): a new label replaces the
 * route and is sent, any label withdraws it, and two RDs are two routes.
 */
import { parseCommand } from '../../../lib/api/commands/parse-command';
import type { RouteSpec } from '../../../lib/api/commands/types';
import { AdjRibOut } from '../../../lib/rib/adj-rib-out';

function route(line: string): RouteSpec {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return (parsed.command as { routes: readonly RouteSpec[] }).routes[0];
}

const sent = (change: ReturnType<AdjRibOut['upsert']>): string[] => change.announce.flatMap((g) => [...g.prefixes]);
const withdrawn = (change: ReturnType<AdjRibOut['remove']>): string[] => change.withdraw.flatMap((g) => [...g.prefixes]);

describe('labeled routes in the Adj-RIB-Out', () => {
  it('replaces a route announced again with a new label, and sends it', () => {
    const rib = new AdjRibOut();
    expect(sent(rib.upsert([route('announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000:1 label 100')]))).toEqual(['10.0.0.0/24 label 100 rd 65000:1']);
    expect(sent(rib.upsert([route('announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000:1 label 200')]))).toEqual(['10.0.0.0/24 label 200 rd 65000:1']);
    expect(rib.size).toBe(1);
    expect(sent(rib.upsert([route('announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000:1 label 200')]))).toEqual([]);
  });

  it('withdraws it whatever label the withdrawal names, with the label it was sent with', () => {
    const rib = new AdjRibOut();
    rib.upsert([route('announce route 10.0.0.0/24 next-hop 192.0.2.1 label 100')]);
    expect(withdrawn(rib.remove([route('withdraw route 10.0.0.0/24 label 3')]))).toEqual(['10.0.0.0/24 label 100']);
    expect(rib.size).toBe(0);
  });

  it('withdraws an L3VPN route named by prefix and RD alone, as ExaBGP users write it', () => {
    const rib = new AdjRibOut();
    rib.upsert([route('announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000:1 label 100')]);
    expect(withdrawn(rib.remove([route('withdraw route 10.0.0.0/24 rd 65000:1')]))).toEqual(['10.0.0.0/24 label 100 rd 65000:1']);
    expect(rib.size).toBe(0);
  });

  it('holds one route per RD', () => {
    const rib = new AdjRibOut();
    rib.upsert([route('announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000:1 label 100'), route('announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000:2 label 100')]);
    expect(rib.size).toBe(2);
  });
});
