/**
 * FlowSpec actions as extended communities (RFC 8955 §7, RFC 7674, draft-simpson-idr-flowspec-redirect,
 * draft-ietf-idr-flowspec-redirect-ip, draft-ietf-idr-flowspec-interfaceset) and IPv6 address specific
 * extended communities (RFC 5701, RFC 8956 §6.1): both ways, and their ExaBGP text.
 */
import {
  flowActionCommunity,
  flowActionOf,
  flowExtendedCommunityText,
  flowIpv6ActionCommunity,
  flowIpv6ActionOf,
  flowIpv6ExtendedCommunityText,
  ipv6ExtendedCommunityAt,
  ipv6ExtendedCommunityBytes,
  isFlowActionCommunity,
  type FlowAction,
  type FlowIpv6Action,
} from '../../../lib/families/flowspec';
import { hex } from '../../helpers/hex';

const value = (text: string): bigint => BigInt(`0x${text.replace(/[\s:]/g, '')}`);

describe('FlowSpec action extended communities', () => {
  it.each([
    // [community, action, ExaBGP text]  (values from ExaBGP's qa vectors where it has them)
    ['8006 0000 46160000', { kind: 'rate-limit', asn: 0, bytesPerSecond: 9600 }, 'rate-limit:9600'],
    ['8006 0000 00000000', { kind: 'rate-limit', asn: 0, bytesPerSecond: 0 }, 'rate-limit:0'],
    ['8006 fde8 4e9502f9', { kind: 'rate-limit', asn: 65000, bytesPerSecond: 1250000000 }, 'rate-limit:1250000000'],
    ['800c 0000 447a0000', { kind: 'rate-limit-packets', asn: 0, packetsPerSecond: 1000 }, 'rate-limit:1000:packets'],
    ['8007 0000 00000003', { kind: 'action', sample: true, terminal: true }, 'action sample-terminal'],
    ['8007 0000 00000002', { kind: 'action', sample: true, terminal: false }, 'action sample'],
    ['8007 0000 00000001', { kind: 'action', sample: false, terminal: true }, 'action terminal'],
    ['8008 ffdc 00003039', { kind: 'redirect', asn: 65500, number: 12345 }, 'redirect:65500:12345'],
    ['8208 fa56ea00 0007', { kind: 'redirect', asn: 4200000000, number: 7, as4: true }, 'redirect:4200000000:7'],
    ['8208 0000fde8 0007', { kind: 'redirect', asn: 65000, number: 7, as4: true }, 'redirect:65000:7'],
    ['8108 c0000201 0007', { kind: 'redirect-ipv4', address: '192.0.2.1', number: 7 }, 'redirect:192.0.2.1:7'],
    ['8009 0000 0000000a', { kind: 'mark', dscp: 10 }, 'mark 10'],
    ['0800 0000 00000000', { kind: 'redirect-to-nexthop', copy: false }, 'redirect-to-nexthop'],
    ['0800 0000 00000001', { kind: 'redirect-to-nexthop', copy: true }, 'copy-to-nexthop'],
    ['010c 01020304 0000', { kind: 'redirect-to-ip', address: '1.2.3.4', copy: false }, 'redirect-to-nexthop-ietf 1.2.3.4'],
    ['010c 01020304 0001', { kind: 'redirect-to-ip', address: '1.2.3.4', copy: true }, 'copy-to-nexthop-ietf 1.2.3.4 (with copy)'],
    ['0702 000004d2 400a', { kind: 'interface-set', transitive: true, direction: 'input', asn: 1234, group: 10 }, 'interface-set:input:1234:10'],
    ['4702 caffee01 4001', { kind: 'interface-set', transitive: false, direction: 'input', asn: 3405770241, group: 1 }, 'interface-set:input:3405770241:1'],
    ['0702 000000fe 80fe', { kind: 'interface-set', transitive: true, direction: 'output', asn: 254, group: 254 }, 'interface-set:output:254:254'],
    // ExaBGP 4.2 keeps 13 of the 14 group bits.
    ['0702 00000001 ffff', { kind: 'interface-set', transitive: true, direction: 'input-output', asn: 1, group: 0x3fff }, 'interface-set:input-output:1:16383'],
  ] as [string, FlowAction, string][])('%s is %j', (community, action, text) => {
    expect(flowActionOf(value(community))).toEqual(action);
    expect(flowActionCommunity(action)).toBe(value(community));
    expect(flowExtendedCommunityText(value(community))).toBe(text);
    expect(isFlowActionCommunity(value(community))).toBe(true);
  });

  it('says nothing about other extended communities', () => {
    const target = value('0002 fde8 00000001');
    expect(flowActionOf(target)).toBeUndefined();
    expect(flowExtendedCommunityText(target)).toBeUndefined();
    expect(isFlowActionCommunity(target)).toBe(false);
  });

  it('prints the whole last octet of a traffic-marking, as ExaBGP does', () => {
    expect(flowExtendedCommunityText(value('8009 0000 000000ff'))).toBe('mark 255');
    expect(flowActionOf(value('8009 0000 000000ff'))).toEqual({ kind: 'mark', dscp: 63 });
  });

  it.each([
    [{ kind: 'mark', dscp: 64 }, /mark DSCP 64 must be 0..63/],
    [{ kind: 'redirect', asn: 4200000000, number: 70000 }, /after a 4-octet AS 70000 must be 0..65535/],
    [{ kind: 'redirect-ipv4', address: '1.2.3', number: 1 }, /not an IPv4 address/],
    [{ kind: 'rate-limit', asn: 0, bytesPerSecond: -1 }, /must be a finite number >= 0/],
    [{ kind: 'interface-set', transitive: true, direction: 'input', asn: 1, group: 0x4000 }, /group 16384 must be 0..16383/],
  ] as [FlowAction, RegExp][])('refuses %j', (action, message) => {
    expect(() => flowActionCommunity(action)).toThrow(message);
  });
});

describe('FlowSpec IPv6 address specific extended communities (RFC 5701)', () => {
  it.each([
    ['000d 20010db8000000000000000000000068 03e8', { kind: 'redirect-ipv6', address: '2001:db8::68', number: 1000 }, 'redirect:[2001:db8::68]:1000'],
    ['800b 20010db8000000000000000000000068 03e8', { kind: 'redirect-ipv6', address: '2001:db8::68', number: 1000, legacy: true }, 'redirect:[2001:db8::68]:1000'],
    ['000c 2a020b80000000010000000000000001 0000', { kind: 'redirect-to-ip', address: '2a02:b80:0:1::1', copy: false }, 'redirect-to-nexthop-ietf 2a02:b80:0:1::1'],
    ['000c 2a020b80000000010000000000000001 0001', { kind: 'redirect-to-ip', address: '2a02:b80:0:1::1', copy: true }, 'copy-to-nexthop-ietf 2a02:b80:0:1::1 (with copy)'],
  ] as [string, FlowIpv6Action, string][])('%s', (community, action, text) => {
    expect(flowIpv6ActionOf(value(community))).toEqual(action);
    expect(flowIpv6ActionCommunity(action)).toBe(value(community));
    expect(flowIpv6ExtendedCommunityText(value(community))).toBe(text);
    expect(ipv6ExtendedCommunityBytes(value(community)).toString('hex')).toBe(community.replace(/ /g, ''));
    expect(ipv6ExtendedCommunityAt(hex(community), 0)).toBe(value(community));
  });

  it('says nothing about other IPv6 extended communities', () => {
    expect(flowIpv6ActionOf(value('0002 20010db8000000000000000000000068 0001'))).toBeUndefined();
    expect(flowIpv6ExtendedCommunityText(value('0002 20010db8000000000000000000000068 0001'))).toBeUndefined();
  });
});
