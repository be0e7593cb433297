/**
 * A rule's ExaBGP text and JSON (the "string" and the rule object of ExaBGP 4.2's UPDATE events),
 * including the cases where this prints the RFC meaning and ExaBGP 4.2 does not
 * (spec/interop/flowspec-exabgp-differential.spec.ts shows ExaBGP's output beside each).
 */
import { flowRuleJson, formatFlowRuleText, type FlowRule } from '../../../lib/families/flowspec';

const eq = (value: number, and = false) => ({ and, lt: false, gt: false, eq: true, value });
const bits = (value: number, op: { and?: boolean; not?: boolean; match?: boolean } = {}) => ({ and: false, not: false, match: false, ...op, value });
const dest: FlowRule['components'][number] = { kind: 'prefix', type: 1, prefix: '10.0.0.0/8', offset: 0 };

describe('flowRuleJson / formatFlowRuleText', () => {
  it('writes ExaBGP 4.2\'s JSON: ORed items apart, ANDed ones glued, rd and next-hop', () => {
    const rule: FlowRule = {
      rd: { type: 1, admin: 0xc0000201, assigned: 7 },
      components: [
        dest,
        { kind: 'numeric', type: 3, ops: [eq(6), eq(17)] },
        { kind: 'numeric', type: 5, ops: [{ and: false, lt: false, gt: true, eq: true, value: 8080 }, { and: true, lt: true, gt: false, eq: true, value: 8088 }, eq(3128)] },
      ],
    };
    expect(flowRuleJson(rule, 1, '192.0.2.9')).toBe(
      '{ "destination-ipv4": [ "10.0.0.0/8" ], "protocol": [ "=tcp", "=udp" ], "destination-port": [ ">=8080&<=8088", "=3128" ], ' +
        '"rd": "192.0.2.1:7", "next-hop": "192.0.2.9", ' +
        '"string": "flow destination-ipv4 10.0.0.0/8 protocol [ =tcp =udp ] destination-port [ >=8080&<=8088 =3128 ] rd 192.0.2.1:7 next-hop 192.0.2.9" }',
    );
  });

  it('writes a bitmask value of several bits as one item (ExaBGP 4.2 splits it, misstating the rule)', () => {
    const rule: FlowRule = { components: [dest, { kind: 'bitmask', type: 9, ops: [bits(0x12, { match: true }), bits(0x41, { and: true, not: true })] }] };
    expect(flowRuleJson(rule, 1)).toContain('"tcp-flags": [ "=syn+ack&!fin+ece" ]');
    expect(formatFlowRuleText(rule, 1)).toBe('flow destination-ipv4 10.0.0.0/8 tcp-flags [ =syn+ack&!fin+ece ]');
  });

  it('writes "!is-fragment" as not-a-fragment in JSON, as ExaBGP 4.2 does, and a value of 0 as 0', () => {
    const rule: FlowRule = { components: [{ kind: 'bitmask', type: 12, ops: [bits(2, { not: true }), bits(8, { and: true, not: true }), bits(0, { match: true })] }] };
    expect(flowRuleJson(rule, 1)).toBe('{ "fragment": [ "not-a-fragment&!last-fragment", "=0" ], "string": "flow fragment [ !is-fragment&!last-fragment =0 ]" }');
  });

  it('writes numbers for values ExaBGP 4.2 cannot name, and ICMPv6 types as numbers', () => {
    const v4: FlowRule = { components: [{ kind: 'numeric', type: 3, ops: [eq(200)] }, { kind: 'numeric', type: 7, ops: [eq(8), eq(99)] }] };
    expect(formatFlowRuleText(v4, 1)).toBe('flow protocol =200 icmp-type [ =echo-request =99 ]');
    const v6: FlowRule = { components: [{ kind: 'numeric', type: 3, ops: [eq(58)] }, { kind: 'numeric', type: 7, ops: [eq(128)] }] };
    expect(formatFlowRuleText(v6, 2)).toBe('flow next-header =58 icmp-type =128');
  });

  it('writes true and false without their value, and bits without a name in hex', () => {
    const rule: FlowRule = {
      components: [
        { kind: 'numeric', type: 4, ops: [{ and: false, lt: true, gt: true, eq: true, value: 9 }, { and: true, lt: false, gt: false, eq: false, value: 9 }] },
        { kind: 'bitmask', type: 9, ops: [bits(0x202)] },
      ],
    };
    expect(formatFlowRuleText(rule, 1)).toBe('flow port [ true&false ] tcp-flags syn+0x200');
  });

  it('writes IPv6 prefixes as address/length/offset, and other RD types in hex', () => {
    const rule: FlowRule = {
      rd: { type: 3, admin: 0x01020304, assigned: 5 },
      components: [{ kind: 'prefix', type: 2, prefix: '::1234:5678:0:0/96', offset: 64 }, { kind: 'numeric', type: 11, ops: [eq(46)] }],
    };
    expect(flowRuleJson(rule, 2)).toBe(
      '{ "source-ipv6": [ "::1234:5678:0:0/96/64" ], "traffic-class": [ "=46" ], "rd": "0x0003010203040005", "string": "flow source-ipv6 ::1234:5678:0:0/96/64 traffic-class =46 rd 0x0003010203040005" }',
    );
  });
});
