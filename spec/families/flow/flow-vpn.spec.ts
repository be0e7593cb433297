/**
 * FlowSpec for VPNs (SAFI 134, RFC 8955 §8), "ipv4 flow-vpn" / "ipv6 flow-vpn", on the receive side:
 * UPDATEs GoBGP 3.10 sent (spec/fixtures/flowspec/gobgp.json) and crafted ones, through the whole
 * message decoder with the registry's families (as a session decodes them), to the ExaBGP JSON that
 * `exabgp --decode` (4.2) prints for the same bytes, and into the Adj-RIB-In, where the RD is part of
 * a rule's identity. Last, the config: naming the family advertises its Multiprotocol capability.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { isLeft } from 'fp-ts/Either';
import { updateMessageBody } from '../../../lib/api/exabgp-json/update';
import { decodeConfig, formatErrors } from '../../../lib/config';
import { peerSettings } from '../../../lib/daemon/peer-settings';
import { FAMILY_REGISTRY, ipv4FlowFamily, ipv4FlowVpnFamily, ipv6FlowVpnFamily } from '../../../lib/families';
import { familyContext } from '../../../lib/families/family-context';
import { parseFlowRoute, type FlowRule } from '../../../lib/families/flowspec';
import { buildOpen } from '../../../lib/fsm';
import { AdjRibIn } from '../../../lib/rib/adj-rib-in';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { flowUpdateMessage } from '../flowspec/helpers/build-update';

const ctx = familyContext(DEFAULT_CONTEXT);
const GOBGP: string[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'gobgp.json'), 'utf8'));
const VPN4 = { afi: 1, safi: 134 } as const;

function decode(hex: string | Buffer): UpdateMessage {
  const message = decodeMessage(typeof hex === 'string' ? Buffer.from(hex, 'hex') : hex, ctx);
  if (message.type !== 'update') throw new Error(`not an UPDATE: ${message.type}`);
  return message;
}

const json = (message: UpdateMessage): string => `{ ${updateMessageBody(message, 'in', ctx)} }`;

function rule(text: string): FlowRule {
  const parsed = parseFlowRoute(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.route.rule;
}

describe('received flow-vpn UPDATEs as ExaBGP JSON (what exabgp --decode prints for the same bytes)', () => {
  it('reads GoBGP\'s IPv4 flow-vpn rule (RD type 0, zero-length next hop)', () => {
    // gobgp global rib -a ipv4-l3vpn-flowspec add rd 100:100 match destination 10.0.4.0/24 then rate-limit 5000
    const message = decode(GOBGP[0]);
    expect(message.errorAction).toBeUndefined();
    expect(json(message)).toBe(
      '{ "update": { "attribute": { "origin": "incomplete", "local-preference": 100, "extended-community": [ { "value": 9225060887882907648, "string": "rate-limit:5000" } ] }, ' +
        '"announce": { "ipv4 flow-vpn": { "no-nexthop": [ { "destination-ipv4": [ "10.0.4.0/24" ], "rd": "100:100", "string": "flow destination-ipv4 10.0.4.0/24 rd 100:100" } ] } } } }',
    );
  });

  it('reads GoBGP\'s IPv6 flow-vpn rule (RD type 1)', () => {
    // gobgp global rib -a ipv6-l3vpn-flowspec add rd 192.0.2.1:5 match destination 2001:db8:3::/48 then discard
    expect(json(decode(GOBGP[1]))).toBe(
      '{ "update": { "attribute": { "origin": "incomplete", "local-preference": 100, "extended-community": [ { "value": 9225060886715039744, "string": "rate-limit:0" } ] }, ' +
        '"announce": { "ipv6 flow-vpn": { "no-nexthop": [ { "destination-ipv6": [ "2001:db8:3::/48/0" ], "rd": "192.0.2.1:5", "string": "flow destination-ipv6 2001:db8:3::/48/0 rd 192.0.2.1:5" } ] } } } }',
    );
  });

  it('reads a plain 4-octet next hop, as ExaBGP sends one (RFC 7674 redirect)', () => {
    const hex =
      'ffffffffffffffffffffffffffffffff003f020000002840010100400200400504000000' +
      '64800e1700018604c0000201000d000000640000006401180a0004';
    expect(json(decode(hex))).toBe(
      '{ "update": { "attribute": { "origin": "igp", "local-preference": 100 }, "announce": { "ipv4 flow-vpn": { "192.0.2.1": [ ' +
        '{ "destination-ipv4": [ "10.0.4.0/24" ], "rd": "100:100", "next-hop": "192.0.2.1", "string": "flow destination-ipv4 10.0.4.0/24 rd 100:100 next-hop 192.0.2.1" } ] } } } }',
    );
  });

  it('withdraws rules that differ only in their RD (type 0 and type 2) as two rules', () => {
    const hex = 'ffffffffffffffffffffffffffffffff00390200000022800f1f0001860d000000640000006401180a00040d0002fa56ea00000701180a0004';
    expect(json(decode(hex))).toBe(
      '{ "update": { "withdraw": { "ipv4 flow-vpn": [ ' +
        '{ "destination-ipv4": [ "10.0.4.0/24" ], "rd": "100:100", "string": "flow destination-ipv4 10.0.4.0/24 rd 100:100" }, ' +
        '{ "destination-ipv4": [ "10.0.4.0/24" ], "rd": "4200000000:7", "string": "flow destination-ipv4 10.0.4.0/24 rd 4200000000:7" } ] } } }',
    );
  });

  it('also accepts a VPN-style next hop, an RD then the address (RFC 4364 §4.3.2), which ExaBGP 4.2 refuses', () => {
    // MP_REACH_NLRI: AFI 1, SAFI 134, next hop length 12: RD 0:0, 192.0.2.1.
    const hex =
      'ffffffffffffffffffffffffffffffff0047020000003040010100400200400504000000' +
      '64800e1f0001860c0000000000000000c0000201000d000000640000006401180a0004';
    const message = decode(hex);
    expect(message.errorAction).toBeUndefined();
    expect(message.announced.map((l) => [l.afi, l.safi, l.nextHop, l.prefixes])).toEqual([[1, 134, ['192.0.2.1'], ['flow destination-ipv4 10.0.4.0/24 rd 100:100']]]);
  });

  it('treats a flow-vpn NLRI too short for its RD as malformed: treat-as-withdraw (RFC 8955 §4.2, RFC 7606), no session reset', () => {
    const message = decode(flowUpdateMessage({ family: VPN4, nlri: Buffer.from([0x03, 0x01, 0x08, 0x0a]) }));
    expect(message.errorAction).toBe('treat-as-withdraw');
  });
});

describe('flow-vpn rules in the Adj-RIB-In: the RD is part of the route', () => {
  const A = rule('destination 10.0.4.0/24 protocol [ =tcp ] rd 65000:1');
  const B = rule('destination 10.0.4.0/24 protocol [ =tcp ] rd 65000:2');
  const A_TEXT = 'flow destination-ipv4 10.0.4.0/24 protocol =tcp rd 65000:1';
  const B_TEXT = 'flow destination-ipv4 10.0.4.0/24 protocol =tcp rd 65000:2';

  it('holds two rules that differ only in their RD, and withdraws one without the other', () => {
    const rib = new AdjRibIn();
    const announce = decode(flowUpdateMessage({ family: VPN4, rules: [A, B] }));
    expect(announce.announced.map((l) => [l.afi, l.safi, l.nextHop, l.prefixes])).toEqual([[1, 134, [], [A_TEXT, B_TEXT]]]);
    expect(rib.apply(announce)).toEqual({ announced: 2, withdrawn: 0 });
    expect(rib.familySize(1, 134)).toBe(2);
    expect(rib.apply(decode(flowUpdateMessage({ family: VPN4, rules: [A], withdraw: true })))).toEqual({ announced: 0, withdrawn: 1 });
    expect([...rib.entries()].map(([fk, key]) => [fk, key])).toEqual([[(1 << 8) | 134, B_TEXT]]);
  });

  it('gives them different RIB keys that read back to each rule, RD included', () => {
    const keys = [A, B].map((r) => ipv4FlowVpnFamily.ribKey(r));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.map((k) => ipv4FlowVpnFamily.nlriOfKey(k))).toEqual([A, B]);
    const list = ipv4FlowVpnFamily.listOfKeys({ afi: 1, safi: 134 }, keys);
    expect(list.prefixes).toEqual([A_TEXT, B_TEXT]);
  });

  it('says what is wrong with a key too short for its RD', () => {
    expect(() => ipv4FlowVpnFamily.nlriOfKey('\x00\x00')).toThrow('ipv4 flow-vpn: RIB key is not a rule: 2 octets leave no room for a route distinguisher');
  });
});

describe('flow-vpn text: an RD makes a flow-vpn rule, none a flow rule', () => {
  it('refuses a flow-vpn rule without an RD, and a flow rule with one', () => {
    expect(ipv4FlowVpnFamily.parseText('flow destination-ipv4 10.0.0.0/24')).toEqual({ ok: false, error: expect.stringContaining('a flow-vpn route needs rd ADMIN:NUMBER') });
    expect(ipv4FlowFamily.parseText('flow destination-ipv4 10.0.0.0/24 rd 65000:1')).toEqual({
      ok: false,
      error: '"flow destination-ipv4 10.0.0.0/24 rd 65000:1" has a route distinguisher: it is not an ipv4 flow rule',
    });
    expect(ipv6FlowVpnFamily.parseText('flow destination-ipv4 10.0.0.0/24 rd 65000:1')).toEqual({ ok: false, error: expect.stringContaining('destination-ipv4 (IPv4 only) in an IPv6 rule') });
  });
});

describe('"ipv4 flow-vpn" and "ipv6 flow-vpn" in a neighbor\'s families', () => {
  it('advertise the Multiprotocol capability for AFI 1 / 2, SAFI 134 (RFC 4760 §8) in the OPEN', () => {
    const config = decodeConfig({
      neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001, routerId: '192.0.2.1', families: ['ipv4 unicast', 'ipv4 flow-vpn', 'ipv6 flow-vpn'] }],
    });
    if (isLeft(config)) throw new Error(formatErrors(config.left));
    const open = buildOpen(peerSettings(config.right.neighbors[0]!));
    expect(open.capabilities.filter((c) => c.kind === 'multiprotocol')).toEqual([
      { kind: 'multiprotocol', afi: 1, safi: 1 },
      { kind: 'multiprotocol', afi: 1, safi: 134 },
      { kind: 'multiprotocol', afi: 2, safi: 134 },
    ]);
    // Capability code 1, length 4: AFI, reserved, SAFI 134 (0x86).
    const hex = encodeMessage(open, ctx).toString('hex');
    expect(hex).toContain('0104000100' + '86');
    expect(hex).toContain('0104000200' + '86');
    expect(FAMILY_REGISTRY.get(1, 134)?.name).toBe('ipv4 flow-vpn');
  });
});
