/**
 * `bgp-prefix-sid` and `bgp-prefix-sid-srv6` in `announce route`, as ExaBGP reads them: ExaBGP's own
 * commands from qa/encoding (conf-prefix-sid.ci, conf-srv6-mup.ci) encode to the Prefix-SID attribute
 * octets of ExaBGP's raw message for them; errors say what is wrong.
 */
import { parseCommand } from '../../../lib/api/commands/parse-command';
import type { RouteSpec } from '../../../lib/api/commands/types';
import { encodeRouteCommand } from '../../../lib/cli/commands/encode-updates';
import { updateAttributes } from '../../helpers/update-attributes';

function routeOf(line: string): RouteSpec {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.command.kind !== 'announce-route') throw new Error(parsed.command.kind);
  return parsed.command.routes[0];
}

/** The value of attribute 40 in the UPDATE `rxbgp encode` writes for `line`. */
async function prefixSidOctets(line: string): Promise<string | undefined> {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(parsed.error);
  const [message] = await encodeRouteCommand(parsed.command, { asn4: true });
  return updateAttributes(message).find((a) => a.type === 40)?.value.toString('hex');
}

describe('bgp-prefix-sid in commands', () => {
  it.each([
    // [ExaBGP's command, the Prefix-SID value of ExaBGP's raw message for it]
    ['announce route 198.51.100.100/32 next-hop 198.51.100.1 label 800001 origin igp local-preference 100 bgp-prefix-sid [ 777 ]', '01000700000000000309'],
    [
      'announce route 198.51.100.101/32 next-hop 198.51.100.2 label 800002 origin igp local-preference 100 bgp-prefix-sid [ 300, [ ( 800000,4096 ) ( 1000000,5000 ) ] ]',
      '0100070000000000012c03000e00000c35000010000f4240001388',
    ],
    [
      // conf-srv6-mup.ci's bgp-prefix-sid-srv6 words, on an IPv6 route here.
      'announce route 2001:db8:10::/48 next-hop 2001::1 bgp-prefix-sid-srv6 ( l3-service 2001:db8:1:1:: 0x48 [64,24,16,0,0,0] )',
      ['050022', '00', '01001e', '00', '20010db8000100010000000000000000', '00', '0048', '00', '010006', '401810000000'].join(''),
    ],
  ])('%s', async (line, octets) => {
    expect(await prefixSidOctets(line)).toBe(octets);
  });

  it('reads a bare label index, commas between SRGB ranges, and an SRv6 service without structure or behavior', () => {
    expect(routeOf('announce route 10.0.0.0/24 next-hop self bgp-prefix-sid 300').attributes.prefixSid).toEqual([{ type: 1, labelIndex: 300 }]);
    expect(routeOf('announce route 10.0.0.0/24 next-hop self bgp-prefix-sid [ 1, [ ( 16000,1000 ), ( 20000,8 ) ] ]').attributes.prefixSid).toEqual([
      { type: 1, labelIndex: 1 },
      { type: 3, srgbs: [[16000, 1000], [20000, 8]] },
    ]);
    expect(routeOf('announce route 10.0.0.0/24 next-hop self bgp-prefix-sid-srv6 ( l2-service 2001:db8::1 )').attributes.prefixSid).toEqual([
      { type: 6, subTlvs: [{ type: 1, sid: '2001:db8::1', flags: 0, behavior: 0xffff, subSubTlvs: [] }] },
    ]);
    expect(routeOf('announce route 10.0.0.0/24 next-hop self bgp-prefix-sid-srv6 ( l3-service 2001:db8::1 19 )').attributes.prefixSid).toEqual([
      { type: 5, subTlvs: [{ type: 1, sid: '2001:db8::1', flags: 0, behavior: 19, subSubTlvs: [] }] },
    ]);
  });

  it('keeps the first of bgp-prefix-sid and bgp-prefix-sid-srv6, as ExaBGP does', () => {
    expect(routeOf('announce route 10.0.0.0/24 next-hop self bgp-prefix-sid [ 5 ] bgp-prefix-sid-srv6 ( l3-service 2001:db8::1 )').attributes.prefixSid).toEqual([{ type: 1, labelIndex: 5 }]);
  });

  it.each([
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid [ x ]', 'a label index must be 0..4294967295'],
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid [ 1, [ ( 16777216,1 ) ] ]', 'an SRGB base must be 0..16777215 (24 bits)'],
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid [ 1, [ ] ]', 'an SRGB list needs at least one ( base,range )'],
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid [ 1', 'expected'],
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid-srv6 ( l3vpn 2001:db8::1 )', 'expected l3-service or l2-service (RFC 9252)'],
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid-srv6 ( l3-service 192.0.2.1 )', 'an SRv6 SID must be an IPv6 address'],
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid-srv6 ( l3-service 2001:db8::1 0x10000 )', 'the endpoint behavior must be 0..65535'],
    ['announce route 10.0.0.0/24 next-hop self bgp-prefix-sid-srv6 ( l3-service 2001:db8::1 1 [ 64, 24 ] )', 'SID structure length'],
  ])('refuses %s', (line, message) => {
    const parsed = parseCommand(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
