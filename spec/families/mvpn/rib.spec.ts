/**
 * MVPN routes through the generic machinery: API words for every route type (ExaBGP's for types
 * 5-7, rxbgp's for 1-4) and their errors, the JSON config's "mvpn" list both ways with errors at
 * their key, a config reload sending only what changed, the Adj-RIB-In, End-of-RIB both ways, and
 * policies seeing the route's view.
 */
import { isLeft } from 'fp-ts/Either';
import { lastValueFrom, of, toArray } from 'rxjs';
import { parseCommand } from '../../../lib/api/commands/parse-command';
import type { RouteSpec } from '../../../lib/api/commands/types';
import { updateMessageBody } from '../../../lib/api/exabgp-json/update';
import { decodeConfig } from '../../../lib/config';
import type { MvpnView } from '../../../lib/families';
import { familyContext } from '../../../lib/families/family-context';
import { decodeMvpnConfig, encodeMvpnConfig } from '../../../lib/families/mvpn/config';
import { filterFamilyRoutes } from '../../../lib/policy/family-routes';
import type { RouteBatch } from '../../../lib/policy/types';
import { AdjRibIn } from '../../../lib/rib/adj-rib-in';
import { AdjRibOut } from '../../../lib/rib/adj-rib-out';
import { endOfRib, endOfRibMessage } from '../../../lib/wire/end-of-rib';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';

function parsed(line: string): RouteSpec {
  const result = parseCommand(line);
  if (!result.ok) throw new Error(result.error);
  return (result.command as { routes: readonly RouteSpec[] }).routes[0];
}

const error = (line: string): string => {
  const result = parseCommand(line);
  if (result.ok) throw new Error(`accepted: ${line}`);
  return result.error;
};

const ROUTES = [
  'intra-as-ipmsi-ad rd 65000:1 originator 192.0.2.1',
  'inter-as-ipmsi-ad rd 65000:1 source-as 65001',
  'spmsi-ad rd 65000:1 source * group 232.1.1.1 originator 192.0.2.1',
  'leaf-ad route-key 0x030E0000FDE8000000010000C0000201 originator 198.51.100.1',
  'source-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1',
  'shared-join rd 65000:1 source-as 65000 rp 10.0.0.9 group 232.1.1.1',
  'source-join rd 65000:1 source-as 65000 source 2001:db8::1 group ff0e::1',
  'generic code 9 raw 0x0102',
];

describe('MVPN routes in the API', () => {
  it.each(ROUTES)('reads "%s" with `announce ipv4|ipv6 mcast-vpn` and `announce mcast-vpn route`, attributes after it', (text) => {
    const v6 = text.includes('2001:db8');
    const named = parsed(`announce ${v6 ? 'ipv6' : 'ipv4'} mcast-vpn ${text} next-hop 198.51.100.1 extended-community [ target:65000:1 ]`);
    expect(named).toMatchObject({ afi: v6 ? 2 : 1, safi: 5, prefix: text, nextHop: '198.51.100.1' });
    expect(named.attributes.extendedCommunities).toHaveLength(1);
    expect(parsed(`announce mcast-vpn route ${text} next-hop 198.51.100.1`)).toMatchObject({ afi: v6 ? 2 : 1, safi: 5, prefix: text });
    expect(parsed(`withdraw ${v6 ? 'ipv6' : 'ipv4'} mcast-vpn ${text}`)).toMatchObject({ prefix: text });
  });

  it("reads ExaBGP's words in its order (rp, group, rd, source-as)", () => {
    expect(parsed('announce ipv4 mcast-vpn shared-join rp 10.99.199.1 group 239.251.255.228 rd 65000:99999 source-as 65000 next-hop 10.10.6.3').prefix).toBe(
      'shared-join rd 65000:99999 source-as 65000 rp 10.99.199.1 group 239.251.255.228',
    );
  });

  it.each([
    ['announce ipv4 mcast-vpn source-join source 10.0.0.1 group 232.1.1.1 rd 65000:1 next-hop 192.0.2.1', 'a source-join route needs source-as <AS number> (RFC 6514 §4)'],
    ['announce ipv4 mcast-vpn source-ad source 10.0.0.1 group 232.1.1.1 next-hop 192.0.2.1', 'a source-ad route needs rd'],
    ['announce ipv4 mcast-vpn source-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1 source-as 5', 'a source-ad route has no source-as (it takes rd, source, group) (column 78, "source-as")'],
    ['announce ipv4 mcast-vpn source-ad rd 65000:1 source 10.0.0.1 group ff0e::1', 'the source and group must be of one address family'],
    ['announce ipv6 mcast-vpn source-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1', 'must be IPv6 addresses'],
    ['announce ipv4 mcast-vpn join rd 65000:1', 'unknown MVPN route type'],
    ['announce ipv4 mcast-vpn leaf-ad route-key 0x0310 originator 192.0.2.1', 'expected a route key'],
    ['announce ipv4 mcast-vpn generic code 5 raw 0x00', 'route type 5 is written with its own words (source-ad)'],
    ['announce ipv4 mcast-vpn source-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1 next-hop 192.0.2.1 colour 5', 'unknown ipv4 mcast-vpn route word or attribute'],
  ])('says what is wrong: %s', (line, why) => {
    expect(error(line)).toContain(why);
  });

  it('asks for End-of-RIB with `announce eor ipv6 mcast-vpn`, and a route refresh (RFC 2918) of the family', () => {
    expect(parseCommand('announce eor ipv6 mcast-vpn')).toMatchObject({ ok: true, command: { kind: 'announce-eor', family: { afi: 2, safi: 5 } } });
    expect(parseCommand('announce route-refresh ipv4 mcast-vpn')).toMatchObject({ ok: true, command: { family: { afi: 1, safi: 5 } } });
  });
});

describe('MVPN routes in the JSON config ("mvpn")', () => {
  it.each(ROUTES)('writes and reads back "%s"', (text) => {
    const route = parsed(`announce mcast-vpn route ${text} next-hop 192.0.2.1`);
    const item = encodeMvpnConfig(route.nlri as never);
    const back = decodeMvpnConfig(item);
    expect(back.ok && back.value).toMatchObject({ afi: route.afi, safi: 5, text });
  });

  it.each([
    [{ routeType: 'source-join', rd: '65000:1', source: '10.0.0.1', group: '232.1.1.1', sourceAs: 'x' }, 'sourceAs', 'expected an AS number'],
    [{ routeType: 'source-ad', rd: '65000:1', source: '10.0.0.1', group: 'nope' }, 'group', 'expected an IPv4 or IPv6 address'],
    [{ routeType: 'source-ad', rd: '65000:1', source: '10.0.0.1', group: '232.1.1.1', label: 5 }, 'label', 'unknown key'],
    [{ routeType: 'nope' }, 'routeType', 'unknown MVPN route type'],
  ])('puts an error at its key: %j', (item, path, why) => {
    const r = decodeMvpnConfig(item);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.error).toContain(why);
    }
  });

  const config = (mvpn: unknown[]) => ({ localAs: 65000, routerId: '192.0.2.1', neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65000, mvpn }] });
  const routesOf = (mvpn: unknown[]) => {
    const decoded = decodeConfig(config(mvpn));
    if (isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
    return decoded.right.neighbors[0].routes;
  };

  it('reads the list with route attributes, and says where an item is wrong', () => {
    const [route] = routesOf([{ routeType: 'source-join', rd: '65000:1', sourceAs: 65000, source: 'fd12::2', group: 'ff0e::1', nextHop: '10.10.6.3', extendedCommunities: ['target:192.168.94.12:5'] }]);
    expect(route).toMatchObject({ afi: 2, safi: 5, prefix: 'source-join rd 65000:1 source-as 65000 source fd12::2 group ff0e::1', nextHop: '10.10.6.3' });
    expect(route.attributes.extendedCommunities).toHaveLength(1);
    const bad = decodeConfig(config([{ routeType: 'source-ad', rd: '65000:1', source: '10.0.0.1', group: '232.1.1.1', nextHop: '192.0.2.1' }, { routeType: 'source-ad', rd: 'x', source: '10.0.0.1', group: '232.1.1.1' }]));
    expect(isLeft(bad) && JSON.stringify(bad.left)).toContain('mvpn[1].rd');
  });

  it('sends on a config reload only the routes that changed', () => {
    const join = { routeType: 'source-join', rd: '65000:1', sourceAs: 65000, source: '10.0.0.1', group: '232.1.1.1', nextHop: '192.0.2.1' };
    const sa = { routeType: 'source-ad', rd: '65000:1', source: '10.0.0.1', group: '232.1.1.1', nextHop: '192.0.2.1', extendedCommunities: ['target:65000:1'] };
    const rib = new AdjRibOut();
    rib.load(routesOf([join, sa]));
    const change = rib.load(routesOf([join, { ...sa, extendedCommunities: ['target:65000:2'] }, { ...join, group: '232.1.1.2' }]));
    expect(change.announce.flatMap((g) => g.prefixes).sort()).toEqual(['source-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1', 'source-join rd 65000:1 source-as 65000 source 10.0.0.1 group 232.1.1.2']);
    expect(change.withdraw).toEqual([]);
    const removed = rib.load(routesOf([join]));
    expect(removed.announce).toEqual([]);
    expect(removed.withdraw.flatMap((g) => g.prefixes).sort()).toEqual(['source-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1', 'source-join rd 65000:1 source-as 65000 source 10.0.0.1 group 232.1.1.2']);
  });
});

describe('received MVPN routes', () => {
  const ctx = familyContext(DEFAULT_CONTEXT);
  /** The UPDATE `rxbgp encode` would send for these commands' routes (one family), decoded as received. */
  const received = (routes: RouteSpec[], announce = true): UpdateMessage => {
    const rib = new AdjRibOut();
    const change = announce ? rib.upsert(routes) : (rib.upsert(routes), rib.remove(routes));
    const group = announce ? change.announce[0] : change.withdraw[0];
    const message: UpdateMessage = announce
      ? { type: 'update', withdrawn: [], announced: [{ ...group, nextHop: ['192.0.2.1'] }], attributes: { origin: 0, asPath: [], extendedCommunities: routes[0].attributes.extendedCommunities } } as unknown as UpdateMessage
      : ({ type: 'update', withdrawn: [group], announced: [], attributes: {} } as unknown as UpdateMessage);
    return decodeMessage(encodeMessage(message, ctx), ctx) as UpdateMessage;
  };

  it('are kept by the Adj-RIB-In and removed by a withdrawal', () => {
    const routes = ROUTES.slice(0, 6).map((r) => parsed(`announce ipv4 mcast-vpn ${r} next-hop 192.0.2.1`));
    const rib = new AdjRibIn();
    expect(rib.apply(received(routes))).toEqual({ announced: 6, withdrawn: 0 });
    expect(rib.apply(received(routes.slice(0, 2), false))).toEqual({ announced: 0, withdrawn: 2 });
    expect([...rib.familyEntries(1, 5)].map(([key]) => key)).toEqual(ROUTES.slice(2, 6));
  });

  it('reach policies with their view and the UPDATE attributes', async () => {
    const routes = ROUTES.slice(0, 6).map((r) => parsed(`announce ipv4 mcast-vpn ${r} next-hop 192.0.2.1 extended-community [ target:65000:1 ]`));
    const seen: string[] = [];
    const batch = received(routes) as unknown as RouteBatch;
    const out = await lastValueFrom(
      of(batch).pipe(
        filterFamilyRoutes<MvpnView>('mvpn', (r) => {
          const v = r.view;
          seen.push(`${r.family} ${v.routeType} ${v.routeTypeName} ${v.rd ?? '-'} ${v.source ?? '-'} ${v.group ?? '-'} ${v.originator ?? '-'} ${v.sourceAs ?? '-'} ${r.attributes.extendedCommunities?.length}`);
          return v.routeType !== 6;
        }),
        toArray(),
      ),
    );
    expect(seen).toEqual([
      'ipv4 mcast-vpn 1 intra-as-ipmsi-ad 65000:1 - - 192.0.2.1 - 1',
      'ipv4 mcast-vpn 2 inter-as-ipmsi-ad 65000:1 - - - 65001 1',
      'ipv4 mcast-vpn 3 spmsi-ad 65000:1 * 232.1.1.1 192.0.2.1 - 1',
      'ipv4 mcast-vpn 4 leaf-ad - - - 198.51.100.1 - 1',
      'ipv4 mcast-vpn 5 source-ad 65000:1 10.0.0.1 232.1.1.1 - - 1',
      'ipv4 mcast-vpn 6 shared-join 65000:1 10.0.0.9 232.1.1.1 - 65000 1',
    ]);
    expect(out.flatMap((b) => b.withdrawn.flatMap((l) => [...l.prefixes]))).toEqual([ROUTES[5]]);
  });
});

describe('MVPN End-of-RIB (RFC 4724 §2)', () => {
  it('is an empty MP_UNREACH_NLRI of AFI 1 or 2 / SAFI 5, read and written, printed as ExaBGP prints it', () => {
    const ctx = familyContext(DEFAULT_CONTEXT);
    for (const afi of [1, 2]) {
      const bytes = encodeMessage(endOfRibMessage({ afi, safi: 5 }), ctx);
      // Withdrawn length 0, attributes length 6: MP_UNREACH_NLRI (flags 0x80, type 15, length 3) of AFI afi, SAFI 5.
      expect(bytes.toString('hex')).toBe(`ffffffffffffffffffffffffffffffff001d0200000006800f03000${afi}05`);
      const message = decodeMessage(bytes, ctx) as UpdateMessage;
      expect(endOfRib(message)).toEqual({ afi, safi: 5 });
      expect(updateMessageBody(message, 'in', ctx)).toBe(`"eor": { "afi" : "ipv${afi === 1 ? 4 : 6}", "safi" : "mcast-vpn" }`);
    }
  });
});
