import { parseCommand } from '../../lib/api/commands/parse-command';
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

  it('prints AIGP and the BGP Prefix-SID in the words announce route reads back', () => {
    const labelIndex = routeText(1, 1, '10.0.0.0/24', ['192.0.2.1'], { origin: 0, aigp: 100n, prefixSid: [{ type: 1, labelIndex: 300 }, { type: 3, srgbs: [[16000, 1000]] }] });
    expect(labelIndex).toBe('ipv4 unicast 10.0.0.0/24 next-hop 192.0.2.1 origin igp aigp 100 bgp-prefix-sid [ 300, [ ( 16000,1000 ) ] ]');
    const srv6 = routeText(2, 1, '2001:db8::/48', ['2001:db8::1'], {
      prefixSid: [{ type: 5, subTlvs: [{ type: 1, sid: '2001:db8:1:1::', flags: 0, behavior: 0x48, subSubTlvs: [{ type: 1, structure: [64, 24, 16, 0, 0, 0] }] }] }],
    });
    expect(srv6).toBe('ipv6 unicast 2001:db8::/48 next-hop 2001:db8::1 bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48 [64,24,16,0,0,0] )');
  });

  it('reads back what it prints (announce route)', () => {
    const line = 'announce route 2001:db8::/48 next-hop 2001:db8::1 bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48 [64,24,16,0,0,0] )';
    const parsed = parseCommand(line);
    expect(parsed.ok && parsed.command.kind === 'announce-route' ? parsed.command.routes[0].attributes.prefixSid : undefined).toEqual([
      { type: 5, subTlvs: [{ type: 1, sid: '2001:db8:1:1::', flags: 0, behavior: 0x48, subSubTlvs: [{ type: 1, structure: [64, 24, 16, 0, 0, 0] }] }] },
    ]);
  });
});
