/**
 * Standalone micro bench of lib/families/flowspec (not part of `npm run bench` yet; the family
 * layer will add a case): 100,000 distinct DDoS-style rules, as a FlowSpec NLRI stream.
 *
 *   npm run build --silent && node dist/bench/micro/flowspec-codec.js [rules]
 *
 * Prints ns per rule (median of timed passes after a warm-up) for: decoding the whole stream by
 * offset, encoding it, making each RIB key, printing ExaBGP JSON, and parsing the one-line API text.
 * Every pass checks its result, so the work is used and a wrong result fails instead of timing.
 */
import { performance } from 'perf_hooks';
import {
  decodeFlowNlri,
  encodeFlowNlriRun,
  flowRuleJson,
  flowRuleKey,
  formatFlowRuleText,
  parseFlowRoute,
  type FlowFamily,
  type FlowRule,
} from '../../lib/families/flowspec';
import { Writer } from '../../lib/wire/writer';

const FAMILY: FlowFamily = { afi: 1, safi: 133 };
const PASSES = 7;

function ipv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Rule i: a /32 victim, a /24 source, UDP or TCP, a port, and a packet-length range on every third. */
function rule(i: number): FlowRule {
  const eq = (value: number) => ({ and: false, lt: false, gt: false, eq: true, value });
  const components: FlowRule['components'][number][] = [
    { kind: 'prefix', type: 1, prefix: `${ipv4(0xc6120000 + i)}/32`, offset: 0 },
    { kind: 'prefix', type: 2, prefix: `${ipv4(0x0a000000 + ((i % 65536) << 8))}/24`, offset: 0 },
    { kind: 'numeric', type: 3, ops: [eq(i % 2 ? 17 : 6)] },
    { kind: 'numeric', type: 5, ops: [eq(1 + (i % 65535))] },
  ];
  if (i % 3 === 0) {
    components.push({
      kind: 'numeric',
      type: 10,
      ops: [
        { and: false, lt: false, gt: true, eq: false, value: 500 },
        { and: true, lt: true, gt: false, eq: false, value: 1500 },
      ],
    });
  }
  return { components };
}

function time(name: string, count: number, pass: () => number): void {
  pass(); // warm-up, and the check
  const samples: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const start = performance.now();
    const checked = pass();
    samples.push(performance.now() - start);
    if (checked !== count) throw new Error(`${name}: ${checked} of ${count}`);
  }
  samples.sort((a, b) => a - b);
  const ns = (samples[PASSES >> 1] * 1e6) / count;
  console.log(`${name.padEnd(28)} ${ns.toFixed(0).padStart(6)} ns/rule`);
}

function main(): void {
  const count = Number(process.argv[2] ?? 100000);
  const rules = Array.from({ length: count }, (_, i) => rule(i));
  const w = new Writer(1 << 22);
  encodeFlowNlriRun(w, rules, FAMILY);
  const stream = w.toBuffer();
  const texts = rules.map((r) => formatFlowRuleText(r, 1).slice('flow '.length) + ' discard');
  console.log(`${count} rules, ${stream.length} octets of NLRI (${(stream.length / count).toFixed(1)} per rule)`);

  time('decode (whole stream)', count, () => decodeFlowNlri(stream, 0, stream.length, FAMILY).rules.length);
  time('encode', count, () => {
    w.reset();
    encodeFlowNlriRun(w, rules, FAMILY);
    return w.pos === stream.length ? count : -1;
  });
  time('RIB key', count, () => new Set(rules.map((r) => flowRuleKey(r, FAMILY))).size);
  time('ExaBGP JSON', count, () => rules.filter((r) => flowRuleJson(r, 1).length > 0).length);
  time('parse one-line API text', count, () => texts.filter((t) => parseFlowRoute(t).ok).length);
}

main();
