/**
 * ExaBGP's `announce route` for labeled unicast and L3VPN (configuration/static/__init__.py: an rd
 * makes an mpls-vpn route, a label without one an nlri-mpls route), and `announce ipv4 mpls-vpn ...`
 * with the family named: read through FamilyDescriptor.routeQualifiers, no family named in the
 * command layer. Commands from ExaBGP's qa (api-vpnv4.ci, conf-vpn.ci, api-attributes-vpn.ci).
 */
import { parseCommand } from '../../../lib/api/commands/parse-command';
import type { Command, RouteSpec } from '../../../lib/api/commands/types';
import { ipv4LabeledFamily, ipv4VpnFamily, ipv6LabeledFamily, ipv6VpnFamily } from '../../../lib/families';

function routes(line: string): readonly RouteSpec[] {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return (parsed.command as Command & { routes: readonly RouteSpec[] }).routes;
}

function errorOf(line: string): string {
  const parsed = parseCommand(line);
  if (parsed.ok) throw new Error(`no error for: ${line}`);
  return parsed.error;
}

describe('announce route with rd / label (ExaBGP 4.2)', () => {
  it('reads an L3VPN route (conf-vpn.ci)', () => {
    const [route] = routes('announce route 10.0.0.0/25 next-hop 200.10.0.101 rd 65000:1 label 1000 origin igp local-preference 100 extended-community [target:10000:1 target:65000:1]');
    expect(route).toMatchObject({ afi: 1, safi: 128, prefix: '10.0.0.0/25 label 1000 rd 65000:1', nextHop: '200.10.0.101' });
    expect(route.nlri).toEqual(ipv4VpnFamily.parseText('10.0.0.0/25 label 1000 rd 65000:1').ok && (ipv4VpnFamily.parseText('10.0.0.0/25 label 1000 rd 65000:1') as { value: unknown }).value);
    expect(route.attributes).toMatchObject({ origin: 0, localPref: 100 });
    expect(route.attributes.extendedCommunities).toHaveLength(2);
  });

  it('reads a labeled unicast route, a label stack, IPv6, and route-distinguisher spelt out', () => {
    expect(routes('announce route 10.0.0.0/24 next-hop 192.0.2.1 label [ 100 200 ]')[0]).toMatchObject({ afi: 1, safi: 4, prefix: '10.0.0.0/24 label [ 100 200 ]' });
    expect(routes('announce route 2001:db8::/32 next-hop 2001:db8::1 label 7')[0]).toMatchObject({ afi: 2, safi: 4, prefix: '2001:db8::/32 label 7' });
    expect(routes('announce route 2001:db8::/32 next-hop ::ffff:192.0.2.1 route-distinguisher 192.0.2.1:7 label 7')[0]).toMatchObject({ afi: 2, safi: 128, prefix: '2001:db8::/32 label 7 rd 192.0.2.1:7' });
    expect(routes('announce route 10.0.0.0/24 rd 4200000000:7 label 16 next-hop self')[0]).toMatchObject({ safi: 128, prefix: '10.0.0.0/24 label 16 rd 4200000000:7', nextHop: 'self' });
  });

  it('reads the family named (announce ipv4 mpls-vpn / ipv6 nlri-mpls) and withdrawals', () => {
    expect(routes('announce ipv4 mpls-vpn 1.4.0.0/16 next-hop 101.1.101.1 rd 65000:1 label 1000')[0]).toMatchObject({ afi: 1, safi: 128 });
    expect(routes('withdraw ipv6 nlri-mpls 2001:db8::/32 label 7')[0]).toMatchObject({ afi: 2, safi: 4, prefix: '2001:db8::/32 label 7' });
    expect(routes('withdraw route 1.4.0.0/16 rd 65000:1 label 1000')[0]).toMatchObject({ afi: 1, safi: 128, prefix: '1.4.0.0/16 label 1000 rd 65000:1' });
  });

  it('keeps plain routes unicast', () => {
    expect(routes('announce route 10.0.0.0/24 next-hop 192.0.2.1')[0]).toMatchObject({ safi: 1 });
  });

  it.each([
    ['announce route 10.0.0.0/24 next-hop 192.0.2.1 label 1048576', 'label "1048576" is not an MPLS label (0..1048575): "10.0.0.0/24" (word 3, column 16)'],
    ['announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000 label 1', 'expected a route distinguisher ADMIN:NUMBER'],
    ['announce route 10.0.0.0/24 rd 1:1 label 1', 'an announced ipv4 mpls-vpn route needs next-hop <address|self>'],
    ['announce ipv4 mpls-vpn 10.0.0.0/24 next-hop 192.0.2.1 label 1', 'an ipv4 mpls-vpn route needs a route distinguisher (rd 65000:1, RFC 4364 §4.2)'],
    ['announce ipv4 nlri-mpls 10.0.0.0/24 next-hop 192.0.2.1 rd 1:1 label 1', 'an ipv4 nlri-mpls route has no route distinguisher'],
    ['announce route 10.0.0.0/24 next-hop 192.0.2.1 label [ 1 2', 'expected "]" to close the label list'],
    ['announce route 10.0.0.0/8 next-hop 192.0.2.1 label 1 split /9', 'split is for unicast routes, not ipv4 nlri-mpls'],
  ])('%s fails: %s', (line, error) => {
    expect(errorOf(line)).toContain(error);
  });

  it('names the four families by their descriptors', () => {
    expect([ipv4LabeledFamily, ipv6LabeledFamily, ipv4VpnFamily, ipv6VpnFamily].map((f) => f.routeQualifiers?.words)).toEqual(Array(4).fill(['rd', 'route-distinguisher', 'label']));
  });
});

describe('withdraw route with rd and no label', () => {
  it('names the L3VPN route by prefix and RD (the label field of a withdrawal is ignored, RFC 8277 §2.4)', () => {
    expect(routes('withdraw route 10.0.0.0/24 rd 65000:1')[0]).toMatchObject({ afi: 1, safi: 128 });
    expect(errorOf('announce route 10.0.0.0/24 next-hop 192.0.2.1 rd 65000:1')).toMatch(/needs a label \(RFC 8277 §2\)/);
  });
});
