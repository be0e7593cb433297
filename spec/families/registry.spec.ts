import {
  buildFamilyRegistry,
  FAMILIES,
  FAMILY_REGISTRY,
  ipv4FlowFamily,
  ipv4FlowVpnFamily,
  ipv4UnicastFamily,
  ipv6FlowFamily,
  ipv6FlowVpnFamily,
  ipv6UnicastFamily,
  ipv4VpnFamily,
  ipv6LabeledFamily,
  evpnFamily,
} from '../../lib/families';
import { ipv6Unicast } from '../../lib/wire/nlri';

describe('family registry', () => {
  it('finds each family by (AFI, SAFI) and by its ExaBGP name', () => {
    expect(FAMILY_REGISTRY.get(1, 1)).toBe(ipv4UnicastFamily);
    expect(FAMILY_REGISTRY.get(2, 1)).toBe(ipv6UnicastFamily);
    expect(FAMILY_REGISTRY.byName('ipv6 unicast')).toBe(ipv6UnicastFamily);
    expect(FAMILY_REGISTRY.get(1, 133)).toBe(ipv4FlowFamily);
    expect(FAMILY_REGISTRY.byName('ipv6 flow')).toBe(ipv6FlowFamily);
    expect(FAMILY_REGISTRY.get(1, 134)).toBe(ipv4FlowVpnFamily);
    expect(FAMILY_REGISTRY.byName('ipv4 flow-vpn')).toBe(ipv4FlowVpnFamily);
    expect(FAMILY_REGISTRY.get(2, 134)).toBe(ipv6FlowVpnFamily);
    expect(FAMILY_REGISTRY.byName('ipv6 flow-vpn')).toBe(ipv6FlowVpnFamily);
    expect(FAMILY_REGISTRY.get(1, 128)).toBe(ipv4VpnFamily);
    expect(FAMILY_REGISTRY.byName('ipv6 nlri-mpls')).toBe(ipv6LabeledFamily);
    expect(FAMILY_REGISTRY.get(25, 70)).toBe(evpnFamily);
    expect(FAMILY_REGISTRY.byName('l2vpn evpn')).toBe(evpnFamily);
    // A family rxbgp does not carry yet (issue 14).
    expect(FAMILY_REGISTRY.get(16388, 71)).toBeUndefined();
    expect(FAMILY_REGISTRY.byName('bgp-ls bgp-ls')).toBeUndefined();
  });

  it('gives the wire codecs of every family for CodecContext.nlri', () => {
    expect([...FAMILY_REGISTRY.nlri.values()]).toEqual(FAMILIES.map((f) => f.wire));
  });

  it('refuses a family listed twice, by (AFI, SAFI) or by name', () => {
    expect(() => buildFamilyRegistry([...FAMILIES, ipv4UnicastFamily])).toThrow('family ipv4 unicast (AFI 1 / SAFI 1) registered twice (already as ipv4 unicast)');
    const renamed = { ...ipv6UnicastFamily, safi: 2, name: 'ipv4 unicast' };
    expect(() => buildFamilyRegistry([ipv4UnicastFamily, renamed])).toThrow(/registered twice/);
  });

  it('refuses a descriptor whose wire codec is for another family', () => {
    expect(() => buildFamilyRegistry([{ ...ipv4UnicastFamily, wire: ipv6Unicast }])).toThrow('family ipv4 unicast: its wire codec is for AFI 2 / SAFI 1');
  });
});
