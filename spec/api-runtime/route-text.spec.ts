import { routeText } from '../../lib/api-runtime/route-text';

describe('routeText (show adj-rib)', () => {
  it('prints a unicast route with its next hop', () => {
    expect(routeText(1, 1, '10.0.0.0/24', ['192.0.2.1'], { origin: 0 })).toBe('ipv4 unicast 10.0.0.0/24 next-hop 192.0.2.1 origin igp');
  });

  it('prints a FlowSpec rule without a next hop (RFC 8955 §4: none in MP_REACH_NLRI)', () => {
    expect(routeText(1, 133, 'flow destination-ipv4 10.0.0.0/24', [], { origin: 0, localPref: 100 })).toBe(
      'ipv4 flow flow destination-ipv4 10.0.0.0/24 origin igp local-preference 100',
    );
  });

  it('prints FlowSpec actions by ExaBGP\'s names and route targets in the config\'s form', () => {
    const text = routeText(1, 133, 'flow destination-ipv4 10.0.0.0/24', '', { origin: 0, extendedCommunities: [0x8006000046160000n, 0x0002fde900000007n, 0x1234567812345678n] });
    expect(text).toBe('ipv4 flow flow destination-ipv4 10.0.0.0/24 origin igp extended-community [ rate-limit:9600 target:65001:7 0x1234567812345678 ]');
  });
});
