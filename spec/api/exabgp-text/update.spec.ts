import { messageText, updateText } from '../../../lib/api/exabgp-text';
import type { UpdateMessage } from '../../../lib/wire/types';

const N = { localAddress: '127.0.0.1', peerAddress: '192.0.2.2', localAs: 65001, peerAs: 65002 };
const ASN4 = { asn4: true, extendedMessage: false, addPath: new Set<number>() };

const routes: UpdateMessage = {
  type: 'update',
  withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.9.0.0/16'] }],
  attributes: { origin: 0, asPath: [{ type: 2, asns: [65002] }], nextHop: '192.0.2.1', localPref: 100 },
  announced: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/24'], nextHop: ['192.0.2.1'] }],
};

describe('ExaBGP text UPDATE events', () => {
  it("writes an SRv6 service Prefix-SID as ExaBGP 5's str() does, its SID information bracket left open", () => {
    const prefixSid = [{ type: 5, subTlvs: [{ type: 1, sid: '2001:db8:1:1::', flags: 0, behavior: 0x48, subSubTlvs: [{ type: 1, structure: [64, 24, 16, 0, 0, 0] as [number, number, number, number, number, number] }] }] }] as const;
    const text = updateText(N, { ...routes, withdrawn: [], attributes: { ...routes.attributes, prefixSid } }, 'receive', ASN4);
    expect(text).toContain('local-preference 100 bgp-prefix-sid [ l3-service [ sid-information [ sid:2001:db8:1:1:: flags:0 endpoint_behavior:0x48  [ sid-structure [64,24,16,0,0,0] ] ] ]\n');
  });

  it('writes AIGP (RFC 7311) as ExaBGP 5 does: aigp 0x and 16 hex digits', () => {
    const text = updateText(N, { ...routes, withdrawn: [], attributes: { ...routes.attributes, aigp: 0x1234n } }, 'receive', ASN4);
    expect(text).toContain('local-preference 100 aigp 0x0000000000001234\n');
  });

  it('frames routes between start and end, withdrawals without attributes', () => {
    expect(updateText(N, routes, 'send', ASN4).split('\n')).toEqual([
      'neighbor 192.0.2.2 send update start',
      'neighbor 192.0.2.2 send update withdrawn 10.9.0.0/16',
      'neighbor 192.0.2.2 send update announced 10.0.0.0/24 next-hop 192.0.2.1 origin igp as-path [ 65002 ] local-preference 100',
      'neighbor 192.0.2.2 send update end',
    ]);
  });

  it('turns announced routes into withdrawals (with their next hop) on a received treat-as-withdraw', () => {
    const text = updateText(N, { ...routes, errorAction: 'treat-as-withdraw' }, 'receive', ASN4);
    expect(text).toContain('receive update withdrawn 10.0.0.0/24 next-hop 192.0.2.1\n');
    expect(text).not.toContain('announced');
  });

  it('writes an End-of-RIB as a route line', () => {
    const eor: UpdateMessage = { type: 'update', withdrawn: [{ afi: 2, safi: 1, prefixes: [], mp: true }], attributes: {}, announced: [] };
    expect(messageText(N, eor, 'receive')).toBe(
      'neighbor 192.0.2.2 receive update start\nneighbor 192.0.2.2 receive update route eor 2/1 (ipv6 unicast)\nneighbor 192.0.2.2 receive update end',
    );
  });

  it('writes IPv6 address specific extended communities (attribute 25, FlowSpec IPv6 redirects) as ExaBGP 4.2 does: 0xC0 and their text', () => {
    // exabgp --decode (4.2.21, text encoder): "attribute [ 0x19 0xC0 [ redirect-to-nexthop-ietf 2001:db8::1 redirect-to-nexthop-ietf 2001:db8::7 ] ]".
    const ietf = (last: number): Buffer => Buffer.from(`000c20010db8${'0'.repeat(21)}${last.toString(16).padStart(3, '0')}0000`, 'hex');
    const withAttribute = (value: Buffer): UpdateMessage => ({ ...routes, withdrawn: [], attributes: { ...routes.attributes, unknown: [{ flags: 0xc0, type: 25, value }] } });
    expect(updateText(N, withAttribute(ietf(7)), 'receive', ASN4)).toContain('local-preference 100 attribute [ 0x19 0xC0 redirect-to-nexthop-ietf 2001:db8::7 ]\n');
    expect(updateText(N, withAttribute(Buffer.concat([ietf(7), ietf(1)])), 'receive', ASN4)).toContain(
      'attribute [ 0x19 0xC0 [ redirect-to-nexthop-ietf 2001:db8::1 redirect-to-nexthop-ietf 2001:db8::7 ] ]\n',
    );
  });

  it('has no final newline', () => {
    expect(updateText(N, routes, 'receive', ASN4).endsWith('update end')).toBe(true);
  });
});
