import { FAMILIES } from '../../lib/families';
import { CONFIG_FAMILIES, formatFamily, parseFamily } from '../../lib/families/family-text';

describe('family text', () => {
  it.each([
    ['ipv4 unicast', 1, 1],
    ['ipv6 unicast', 2, 1],
    ['ipv4 mpls-vpn', 1, 128],
    ['ipv6 flow', 2, 133],
    ['ipv4 flow-vpn', 1, 134],
    ['ipv6 flow-vpn', 2, 134],
    ['l2vpn evpn', 25, 70],
    ['bgp-ls bgp-ls', 16388, 71],
  ])('%s is AFI %d SAFI %d', (name, afi, safi) => {
    expect(parseFamily(name)).toEqual({ afi, safi });
    expect(formatFamily(afi, safi)).toBe(name);
  });

  it('ignores case and extra spaces, and refuses unknown names', () => {
    expect(parseFamily(' IPv4   Unicast ')).toEqual({ afi: 1, safi: 1 });
    expect(parseFamily('ipv5 unicast')).toBeUndefined();
    expect(parseFamily('constructor')).toBeUndefined();
  });

  it('names unnamed families by number', () => {
    expect(formatFamily(3, 1)).toBe('afi 3 safi 1');
  });

  it('only offers named families to the config', () => {
    for (const name of CONFIG_FAMILIES) expect(parseFamily(name)).toBeDefined();
  });

  it('offers the config exactly the families of the registry (lib/families), by their descriptor names', () => {
    expect(CONFIG_FAMILIES).toEqual(FAMILIES.map((f) => f.name));
    expect(CONFIG_FAMILIES).toEqual(['ipv4 unicast', 'ipv6 unicast', 'ipv4 flow', 'ipv6 flow', 'ipv4 flow-vpn', 'ipv6 flow-vpn', 'ipv4 nlri-mpls', 'ipv6 nlri-mpls', 'ipv4 mpls-vpn', 'ipv6 mpls-vpn', 'l2vpn evpn', 'ipv4 multicast', 'ipv6 multicast', 'l2vpn vpls', 'ipv4 rtc', 'ipv4 mcast-vpn', 'ipv6 mcast-vpn']);
    for (const family of FAMILIES) expect(parseFamily(family.name)).toEqual({ afi: family.afi, safi: family.safi });
  });
});
