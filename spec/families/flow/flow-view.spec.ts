/**
 * The flow families' policy view (lib/families/flow/flow-view.ts): what a policy reads of a
 * FlowSpec rule, from the descriptor's policyView, as the registry gives it.
 */
import { FAMILY_REGISTRY, type FlowView } from '../../../lib/families';
import { parseFlowRoute, type FlowRule } from '../../../lib/families/flowspec';

function rule(text: string): FlowRule {
  const parsed = parseFlowRoute(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.route.rule;
}

function view(afi: 1 | 2, text: string): FlowView {
  return FAMILY_REGISTRY.get(afi, 133)!.policyView(rule(text)) as FlowView;
}

describe('FlowView (policyView of ipv4 flow / ipv6 flow)', () => {
  const v4 = view(1, 'source 192.0.2.1/32 destination 10.0.0.0/24 protocol [ tcp udp ] destination-port [ =80 >=8080&<=8088 ] source-port [ =53 ] port =443');

  it('reads the prefixes with their lengths', () => {
    expect(v4.kind).toBe('flow');
    expect(v4.afi).toBe(1);
    expect(v4.destination).toEqual({ prefix: '10.0.0.0/24', length: 24, offset: 0 });
    expect(v4.source).toEqual({ prefix: '192.0.2.1/32', length: 32, offset: 0 });
  });

  it('gives plain "=" lists as values, and undefined for ranges or a missing component', () => {
    expect(v4.protocols).toEqual([6, 17]);
    expect(v4.sourcePorts).toEqual([53]);
    expect(v4.ports).toEqual([443]);
    expect(v4.destinationPorts).toBeUndefined();
    expect(v4.values('packet-length')).toBeUndefined();
    expect(v4.componentText('destination-port')).toBe('[ =80 >=8080&<=8088 ]');
    expect(v4.component(5)).toEqual({
      kind: 'numeric',
      type: 5,
      ops: [
        { and: false, lt: false, gt: false, eq: true, value: 80 },
        { and: false, lt: false, gt: true, eq: true, value: 8080 },
        { and: true, lt: true, gt: false, eq: true, value: 8088 },
      ],
    });
    expect(v4.component('icmp-type')).toBeUndefined();
  });

  it('has the rule text as ExaBGP prints it', () => {
    expect(v4.text).toBe(
      'flow destination-ipv4 10.0.0.0/24 source-ipv4 192.0.2.1/32 protocol [ =tcp =udp ] port =443 destination-port [ =80 >=8080&<=8088 ] source-port =53',
    );
  });

  it('reads an IPv6 rule: next-header is the protocol; with a prefix offset (RFC 8956 §3.1) the bits before it are zero', () => {
    const v6 = view(2, 'destination-ipv6 2001:db8::/64/32 next-header [ =udp ] flow-label [ =1234 ]');
    expect(v6.afi).toBe(2);
    expect(v6.destination).toEqual({ prefix: '::/64', length: 64, offset: 32 });
    expect(v6.source).toBeUndefined();
    expect(v6.protocols).toEqual([17]);
    expect(v6.values('next-header')).toEqual([17]);
    expect(v6.values('flow-label')).toEqual([1234]);
  });

  it('a rule with no destination has none (it matches every destination)', () => {
    expect(view(1, 'protocol [ =udp ] source-port [ =123 ]').destination).toBeUndefined();
  });

  it('refuses a component name it does not know, naming it', () => {
    expect(() => v4.values('dest-port')).toThrow(/"dest-port" is not a FlowSpec component \(one of destination-ipv4, .*\)/);
  });
});

describe('FlowView objects', () => {
  it('read a prefix once: the same object on every read (policies read it per rule, often twice)', () => {
    const v = view(1, 'destination 10.0.0.0/24');
    expect(v.destination).toBe(v.destination);
    expect(v.source).toBeUndefined();
    expect(v.source).toBeUndefined();
  });
});
