/** A FlowSpec rule's RIB key (its canonical NLRI value) and the RFC 8955 §5.1 / RFC 8956 §4 order. */
import { compareFlowRules, decodeFlowNlri, flowRuleKey, parseFlowRoute, sameFlowRule, type FlowAfi, type FlowRule } from '../../../lib/families/flowspec';
import { hex } from '../../helpers/hex';

function rule(text: string, afi: FlowAfi = 1): FlowRule {
  const parsed = parseFlowRoute(text, { afi, safi: 133 });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.route.rule;
}

const V4 = { afi: 1, safi: 133 } as const;

describe('flowRuleKey', () => {
  it('is the same for the same rule however it was written or received', () => {
    const a = rule('{ match { destination 10.0.0.0/24; destination-port [ =80 =443 ]; } then { discard; } }');
    const b = rule('destination-port =80 destination 10.0.0.0/24 destination-port =443 rate-limit 100');
    expect(flowRuleKey(a, V4)).toBe(flowRuleKey(b, V4));
    expect(sameFlowRule(a, b, V4)).toBe(true);
    // Received with a 2-octet value where 1 will do, an a bit on the first pair and a reserved bit.
    const received = decodeFlowNlri(hex`0c 01 18 0a0000 05 51 0050 99 01bb`, 0, 13, V4).rules[0];
    expect(flowRuleKey(received, V4)).toBe(flowRuleKey(a, V4));
  });

  it('differs when the rule matches differently', () => {
    const a = rule('destination 10.0.0.0/24 destination-port =80');
    expect(flowRuleKey(rule('destination 10.0.0.0/24 destination-port >=80'), V4)).not.toBe(flowRuleKey(a, V4));
    expect(flowRuleKey(rule('destination 10.0.0.0/25 destination-port =80'), V4)).not.toBe(flowRuleKey(a, V4));
    expect(flowRuleKey(rule('destination 10.0.0.0/24 port =80'), V4)).not.toBe(flowRuleKey(a, V4));
  });

  it('includes the RD of a flow-vpn rule', () => {
    const vpn = { afi: 1, safi: 134 } as const;
    const one = parseFlowRoute('rd 65000:1 destination 10.0.0.0/8');
    const two = parseFlowRoute('rd 65000:2 destination 10.0.0.0/8');
    if (!one.ok || !two.ok) throw new Error('parse');
    expect(flowRuleKey(one.route.rule, vpn)).not.toBe(flowRuleKey(two.route.rule, vpn));
  });
});

describe('compareFlowRules (RFC 8955 §5.1, RFC 8956 §4)', () => {
  const order = (texts: string[], afi: FlowAfi = 1): string[] =>
    texts
      .map((text) => ({ text, rule: rule(text, afi) }))
      .sort((a, b) => compareFlowRules(a.rule, b.rule, afi))
      .map((x) => x.text);

  it('applies the rule with the lower component type first', () => {
    expect(order(['protocol tcp', 'destination 10.0.0.0/8'])).toEqual(['destination 10.0.0.0/8', 'protocol tcp']);
    expect(order(['source 10.0.0.0/8', 'destination 10.0.0.0/8 source 10.0.0.0/8'])).toEqual(['destination 10.0.0.0/8 source 10.0.0.0/8', 'source 10.0.0.0/8']);
  });

  it('orders prefixes by value on their common bits, then the longer first', () => {
    expect(order(['destination 10.0.0.0/16', 'destination 10.0.1.0/24', 'destination 10.0.0.0/24', 'destination 9.0.0.0/8'])).toEqual([
      'destination 9.0.0.0/8',
      'destination 10.0.0.0/24',
      'destination 10.0.1.0/24',
      'destination 10.0.0.0/16',
    ]);
  });

  it('applies a rule with one more component first when the rest is equal', () => {
    expect(order(['destination 10.0.0.0/8', 'destination 10.0.0.0/8 destination-port =80'])).toEqual([
      'destination 10.0.0.0/8 destination-port =80',
      'destination 10.0.0.0/8',
    ]);
  });

  it('orders other components by their encoded operator lists, then the longer first', () => {
    // =6 is 81 06, =17 is 81 11, [ =6 =17 ] is 01 06 81 11 (lower first octet).
    expect(order(['protocol =17', 'protocol =6', 'protocol [ =6 =17 ]'])).toEqual(['protocol [ =6 =17 ]', 'protocol =6', 'protocol =17']);
  });

  it('applies the lower IPv6 offset first', () => {
    expect(order(['destination ::1:0:0/96/64', 'destination 2001:db8::/32'], 2)).toEqual(['destination 2001:db8::/32', 'destination ::1:0:0/96/64']);
  });

  it('is 0 for the same rule', () => {
    expect(compareFlowRules(rule('destination 10.0.0.0/8 port =80'), rule('port =80 destination 10.0.0.0/8'), 1)).toBe(0);
  });
});
