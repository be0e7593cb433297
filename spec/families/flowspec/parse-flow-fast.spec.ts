/**
 * The one-pass reader (parse-flow-fast.ts) against the full reader: on every flow line of the specs,
 * docs and examples (fixtures/flow-lines.txt), the bench's DDoS rules, and mutations of them, it
 * gives exactly the full reader's rule and actions, or leaves the line to it. It never takes a line
 * the full reader refuses, so every mistake still gets the full reader's error.
 */
import fs from 'fs';
import path from 'path';
import { parseFlowRouteFast } from '../../../lib/families/flowspec/parse-flow-fast';
import { parseFlowRoute, parseFlowRouteWords, type FlowRouteOptions } from '../../../lib/families/flowspec/parse-flow-route';
import { flowRuleText } from '../../../bench/gen/flow-rules';
import { flowRuleKey } from '../../../lib/families/flowspec/rule-key';
import { WireFlowRule } from '../../../lib/families/flowspec/wire-flow-rule';
import type { FlowFamily, FlowRule } from '../../../lib/families/flowspec/types';

/** The text after `announce|withdraw [ipv4|ipv6] flow[-vpn] [route]`, with the family the command names. */
function body(line: string): { text: string; options: FlowRouteOptions } | undefined {
  const m = /^(?:announce|withdraw) (?:(ipv4|ipv6) (flow|flow-vpn) |flow route )(.*)$/.exec(line);
  if (!m) return undefined;
  if (!m[1]) return { text: m[3], options: {} };
  return { text: m[3], options: { afi: m[1] === 'ipv4' ? 1 : 2, safi: m[2] === 'flow' ? 133 : 134 } };
}

const FIXTURE = fs
  .readFileSync(path.join(__dirname, 'fixtures', 'flow-lines.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0);

const BENCH_RULES = Array.from({ length: 8 }, (_, i) => flowRuleText(i));

/** Forms the corpus lacks: commas in and out of brackets, repeated keywords, names and numbers. */
const EXTRA = [
  'destination 10.0.0.0/8 protocol [ tcp, udp ] discard',
  'destination 10.0.0.0/8 destination-port =80 , =443 , >=8080&<=8088 rate-limit 0',
  '{ match { destination 10.0.0.0/8; destination-port =80, =443; protocol udp , tcp; } then { discard; } }',
  'destination 10.0.0.0/8 destination-port =80 destination-port =443 dscp [ 10 63 ] rate-limit 1000 packets',
  '{ match { source 192.0.2.0/24; destination 10.0.0.0/8; fragment [ is-fragment dont-fragment ]; } then { mark 10; action sample; redirect 65000:666; } }',
  'destination 10.0.0.0/8 tcp-flags [ syn+ack =rst&!fin 0x12 ] icmp-type echo-request icmp-code 0 accept discard discard',
];

/** Small edits that keep a line close to valid: each word dropped, doubled, or glued to the next. */
function mutations(text: string): string[] {
  const words = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    out.push([...words.slice(0, i), ...words.slice(i + 1)].join(' '));
    out.push([...words.slice(0, i + 1), ...words.slice(i)].join(' '));
    if (i + 1 < words.length) out.push([...words.slice(0, i), words[i] + words[i + 1], ...words.slice(i + 2)].join(' '));
  }
  return out;
}

function check(text: string, options: FlowRouteOptions): 'fast' | 'full' {
  const full = parseFlowRouteWords(text, options);
  const fast = parseFlowRouteFast(text, 0, options.afi, options.safi);
  if (!fast) return 'full';
  if (!full.ok) throw new Error(`the one-pass reader took a line the full reader refuses (${full.error}): ${text}`);
  // The one-pass reader writes octets: they must be the full reader's rule encoded, byte for byte,
  // and decode to its components; the actions and the family must be the same.
  expect({ text, key: Buffer.from(flowRuleKey(fast.rule, fast.family), 'latin1').toString('hex') }).toEqual({ text, key: Buffer.from(flowRuleKey(full.route.rule, full.route.family), 'latin1').toString('hex') });
  const { rule, ...rest } = fast;
  expect({ text, route: { ...rest, rule: { components: rule.components } } }).toEqual({ text, route: full.route });
  return 'fast';
}

describe('parseFlowRouteFast', () => {
  const cases = [...FIXTURE.map(body).filter((b): b is NonNullable<typeof b> => b !== undefined), ...[...BENCH_RULES, ...EXTRA].map((text) => ({ text, options: {} }))];

  it('reads the same rule as the full reader, or leaves the line to it, on every flow line of the specs, docs and examples', () => {
    let fast = 0;
    for (const c of cases) if (check(c.text, c.options) === 'fast') fast++;
    // Most of the corpus is the forms DDoS tools send: the one-pass reader must take a good share.
    expect(cases.length).toBeGreaterThan(150);
    expect(fast).toBeGreaterThan(cases.length / 3);
  });

  it('never takes a mutated line the full reader refuses, and reads the ones it takes the same', () => {
    let taken = 0;
    let refusedByFull = 0;
    for (const c of cases) {
      for (const text of mutations(c.text)) {
        if (check(text, c.options) === 'fast') taken++;
        else if (!parseFlowRouteWords(text, c.options).ok) refusedByFull++;
      }
    }
    expect(taken).toBeGreaterThan(100);
    expect(refusedByFull).toBeGreaterThan(100);
  });

  it('takes the four bench DDoS shapes (FastNetMon blocks, ExaFS lines) itself, as octets', () => {
    for (const text of BENCH_RULES) expect(parseFlowRouteFast(text, 0)?.rule).toBeInstanceOf(WireFlowRule);
  });

  it('writes a rule as RFC 8955 §4.2 octets: types in order, e bit on the last pair, a bit on ANDed pairs, smallest value lengths', () => {
    const fast = parseFlowRouteFast('destination-port [ >=8080&<=8088 =443 ] destination 10.0.0.0/24 packet-length >=468 discard', 0);
    // type 1, /24, 10.0.0; type 5: >= 8080 (2 octets: len bits 01), AND <= 8088, OR = 443 (last: e); type 10: >= 468.
    expect(Buffer.from((fast!.rule as WireFlowRule).key, 'latin1').toString('hex')).toBe('0118' + '0a0000' + '05' + '131f90' + '551f98' + '9101bb' + '0a' + '9301d4');
  });

  it('leaves IPv6, flow-vpn, next-hop and named routes to the full reader', () => {
    expect(parseFlowRouteFast('destination 2001:db8::/48 discard', 0)).toBeUndefined();
    expect(parseFlowRouteFast('destination 10.0.0.0/8 discard', 0, 2)).toBeUndefined();
    expect(parseFlowRouteFast('rd 65000:1 destination 10.0.0.0/8 discard', 0)).toBeUndefined();
    expect(parseFlowRouteFast('destination 10.0.0.1/32 next-hop 192.0.2.7 redirect-to-nexthop', 0)).toBeUndefined();
    expect(parseFlowRouteFast('block1 { match { destination 10.0.0.0/8; } then { discard; } }', 0)).toBeUndefined();
  });

  it('reads a named item again from the items it has read (same rule as the full reader), never mistaking a like-shaped word for one', () => {
    // Pairs of words alike in component, length, first and last letter (the remembered items' key),
    // each line twice, in both orders: the second reading of an item comes from what was remembered.
    const lines = [
      'destination 10.0.0.0/8 protocol tcp discard',
      'destination 10.0.0.0/8 protocol tap discard',
      'destination 10.0.0.0/8 protocol TCP discard',
      'destination 10.0.0.0/8 protocol [ udp ] discard',
      'destination 10.0.0.0/8 protocol [ uxp ] discard',
      'destination 10.0.0.0/8 tcp-flags [ syn ] discard',
      'destination 10.0.0.0/8 tcp-flags [ sun ] discard',
      'destination 10.0.0.0/8 tcp-flags [ syn&!ack ] discard',
      'destination 10.0.0.0/8 tcp-flags [ 0x12 ] protocol 0x12 discard',
      'destination 10.0.0.0/8 icmp-type echo-request icmp-code 0x1 discard',
      'destination 10.0.0.0/8 fragment [ is-fragment ] discard',
      'destination 10.0.0.0/8 fragment [ !is-fragment ] discard',
      'destination 10.0.0.0/8 dscp 0x3f discard',
      'destination 10.0.0.0/8 dscp 0xff discard',
    ];
    const outcomes = (order: readonly string[]) => order.flatMap((text) => [check(text, {}), check(text, {})]);
    const forward = outcomes(lines);
    expect(outcomes([...lines].reverse())).toEqual([...forward].reverse());
    // The misspelt names and the DSCP above 63 are left to the full reader, which refuses them.
    for (const bad of ['protocol tap', 'protocol [ uxp ]', 'tcp-flags [ sun ]', 'dscp 0xff']) {
      const text = `destination 10.0.0.0/8 ${bad} discard`;
      expect(parseFlowRouteFast(text, 0)).toBeUndefined();
      expect(parseFlowRouteWords(text).ok).toBe(false);
    }
    expect(forward.filter((o) => o === 'fast').length).toBeGreaterThanOrEqual(18);
  });

  it('starts at the given column, as the API parser passes it', () => {
    const line = 'announce flow route destination 10.0.0.0/8 protocol [ udp ] discard';
    const from = 'announce flow route '.length;
    const fast = parseFlowRouteFast(line, from)!;
    const full = (parseFlowRoute(line.slice(from)) as { route: { rule: FlowRule; family: FlowFamily } }).route;
    expect(flowRuleKey(fast.rule, fast.family)).toBe(flowRuleKey(full.rule, full.family));
  });
});
