import { parseFlowRoute, parseFlowRouteWords } from '../../../lib/families/flowspec/parse-flow-route';
import { encodeFlowRule } from '../../../lib/families/flowspec/encode-rule';
import { flowRuleKey } from '../../../lib/families/flowspec/rule-key';
import { formatFlowRuleText } from '../../../lib/families/flowspec/format-text';
import { WireFlowRule } from '../../../lib/families/flowspec/wire-flow-rule';
import type { FlowRule } from '../../../lib/families/flowspec/types';
import { Writer } from '../../../lib/wire/writer';

const FLOW = { afi: 1, safi: 133 } as const;
const LINE = 'source 192.0.2.1/32 destination 10.0.0.0/24 protocol [ tcp ] destination-port [ =80 >=8080&<=8088 ] tcp-flags [ syn ] rate-limit 1024';

function readBoth(line: string): { wire: WireFlowRule; plain: FlowRule } {
  const fast = parseFlowRoute(line);
  const full = parseFlowRouteWords(line);
  if (!fast.ok || !full.ok) throw new Error('both readers take the line');
  if (!(fast.route.rule instanceof WireFlowRule)) throw new Error('the one-pass reader makes a WireFlowRule');
  return { wire: fast.route.rule, plain: full.route.rule };
}

describe('WireFlowRule: a rule held as its NLRI value octets (RFC 8955 §4.2)', () => {
  it('is keyed by its octets, the same key the components encode to', () => {
    const { wire, plain } = readBoth(LINE);
    expect(flowRuleKey(wire, FLOW)).toBe(wire.key);
    expect(wire.key).toBe(flowRuleKey(plain, FLOW));
  });

  it('encodes to the same NLRI as the plain rule, length octet included', () => {
    const { wire, plain } = readBoth(LINE);
    const a = new Writer(64);
    const b = new Writer(64);
    encodeFlowRule(a, wire, FLOW);
    encodeFlowRule(b, plain, FLOW);
    expect(a.view().toString('hex')).toBe(b.view().toString('hex'));
  });

  it('decodes its components when read, for text, JSON and policies', () => {
    const { wire, plain } = readBoth(LINE);
    expect(wire.components).toEqual(plain.components);
    expect(formatFlowRuleText(wire, 1)).toBe(formatFlowRuleText(plain, 1));
    expect(JSON.parse(JSON.stringify(wire))).toEqual(JSON.parse(JSON.stringify(plain)));
  });

  it('is not copied as octets into a flow-vpn rule (SAFI 134 needs its RD first)', () => {
    const { wire } = readBoth(LINE);
    expect(() => encodeFlowRule(new Writer(64), wire, { afi: 1, safi: 134 })).toThrow(/route distinguisher/);
  });
});
