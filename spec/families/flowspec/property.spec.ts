/**
 * Properties of the FlowSpec codec (fast-check): decode(encode(x)) = x for every valid rule of
 * each family, with and without ADD-PATH; the text form reads back to the same rule; random and
 * mutated bytes give rules or errors, never an exception; random words never crash the parser.
 */
import fc from 'fast-check';
import {
  decodeFlowNlri,
  encodeFlowNlriRun,
  flowRuleJson,
  flowRuleKey,
  formatFlowRuleText,
  parseFlowRoute,
  type FlowFamily,
} from '../../../lib/families/flowspec';
import { Writer } from '../../../lib/wire/writer';
import { flowRule } from './helpers/arbitraries';

const FAMILIES: FlowFamily[] = [
  { afi: 1, safi: 133 },
  { afi: 2, safi: 133 },
  { afi: 1, safi: 134 },
  { afi: 2, safi: 134 },
];

function encoded(rules: Parameters<typeof encodeFlowNlriRun>[1], family: FlowFamily, addPath: boolean, pathIds?: number[]): Buffer {
  const w = new Writer(64);
  encodeFlowNlriRun(w, rules, family, addPath, pathIds);
  return w.toBuffer();
}

describe.each(FAMILIES.map((f) => [`AFI ${f.afi} SAFI ${f.safi}`, f] as const))('FlowSpec %s', (_name, family) => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(fc.array(flowRule(family.afi, family.safi === 134), { maxLength: 4 }), (rules) => {
        const bytes = encoded(rules, family, false);
        expect(decodeFlowNlri(bytes, 0, bytes.length, family)).toEqual({ rules });
      }),
      { numRuns: 300 },
    );
  });

  it('decodes what it encodes with ADD-PATH path identifiers', () => {
    const rulesWithIds = fc.array(fc.tuple(flowRule(family.afi, family.safi === 134), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 4 });
    fc.assert(
      fc.property(rulesWithIds, (pairs) => {
        const rules = pairs.map(([rule]) => rule);
        const pathIds = pairs.map(([, id]) => id);
        const bytes = encoded(rules, family, true, pathIds);
        expect(decodeFlowNlri(bytes, 0, bytes.length, family, true)).toEqual({ rules, pathIds });
      }),
      { numRuns: 100 },
    );
  });

  it('reads its text form back to the same rule', () => {
    fc.assert(
      fc.property(flowRule(family.afi, family.safi === 134, { forText: true }), (rule) => {
        const text = formatFlowRuleText(rule, family.afi);
        const parsed = parseFlowRoute(text, { from: 'flow'.length, afi: family.afi, safi: family.safi });
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
        expect(parsed.route.family).toEqual(family);
        expect(flowRuleKey(parsed.route.rule, family)).toBe(flowRuleKey(rule, family));
        expect(parsed.route.rule).toEqual(rule);
      }),
      { numRuns: 300 },
    );
  });

  it('gives rules or errors for random bytes, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, addPath) => {
        const buf = Buffer.from(bytes);
        const run = decodeFlowNlri(buf, 0, buf.length, family, addPath);
        // Whatever was read is a valid rule: it encodes, and prints.
        for (const rule of run.rules) {
          expect(() => encoded([rule], family, false)).not.toThrow();
          expect(flowRuleJson(rule, family.afi)).toMatch(/"string": "flow/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives rules or errors for mutated valid NLRI, never an exception', () => {
    const mutation = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat());
    fc.assert(
      fc.property(fc.array(flowRule(family.afi, family.safi === 134), { minLength: 1, maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (rules, mutations) => {
        const buf = encoded(rules, family, false);
        for (const [at, value] of mutations) buf[at % buf.length] = value;
        const cut = buf.subarray(0, buf.length - (mutations[0][2] % 3));
        const run = decodeFlowNlri(cut, 0, cut.length, family);
        for (const rule of run.rules) expect(() => encoded([rule], family, false)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseFlowRoute on random input', () => {
  const words = [
    'source', 'destination-ipv6', 'protocol', 'port', 'tcp-flags', 'fragment', 'flow-label', 'rd', 'next-hop', 'match', 'then', 'scope',
    'discard', 'rate-limit', 'redirect', 'copy', 'mark', 'action', 'community', 'extended-community', 'interface-set', 'offset',
    '{', '}', '[', ']', ';', ',', '10.0.0.0/8', '2001:db8::/32/8', '=80', '>=1&<=2', 'syn+ack', '!is-fragment', '65000:1', '[2001:db8::1]:7',
    'sample', '0', '999999999999999', '', '&', '!', '=',
  ];
  it('returns a route or an error naming the word, never throws or fails inside', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 20 }), fc.string(), (chosen, noise) => {
        for (const line of [chosen.join(' '), `${chosen.join(' ')} ${noise}`]) {
          const result = parseFlowRoute(line);
          if (!result.ok) expect(result.error).not.toMatch(/internal error/);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
