/**
 * Issue 4's seven targets, then issue 5's (route policy) apart from them, evaluated over the
 * results of one `npm run bench` run. Each target is a list of conditions; it is held when every
 * condition holds, missed when any is missed (with its number and limit), and not run when a case
 * it needs is missing, failed or timed out.
 */
import type { CaseResult, Figure } from '../cases/case-types';
import { cpuOf, peakRssOf, rate, timed, timeRatio, type TimedResult } from './compare';
import { bytesOfMegabytes, count, figureValue, megabytes, times } from './format';
import type { Side } from './groups';

/** The limits, as the issue states them (RSS in MB of 2^20 bytes, as the tables print it). */
export const LIMITS = {
  /** 1: emit time over BIRD → BIRD's. */
  emitTimeRatio: 1,
  /** 1, 2: peak RSS of rxbgp. */
  peakRssMegabytes: 250,
  /** 2: ingest time over BIRD → BIRD's. */
  ingestTimeRatio: 1,
  /** 2: receiver CPU over BIRD's. */
  ingestCpuRatio: 2,
  /** 3: ingest-json-file time over BIRD → ExaBGP's. */
  jsonTimeRatio: 1 / 5,
  /** 4: prefixes/s. */
  apiRoutesRate: 300_000,
  apiBatchesRate: 1_000_000,
  /** 5: time and peak RSS over BIRD → BIRD's on the realistic table. */
  realisticTimeRatio: 1.5,
  realisticRssRatio: 2,
  /** 6: figures of many-peers-rxbgp. */
  manyPeersSessions: 100,
  manyPeersHoldTimerExpiries: 0,
} as const;

/** Issue 5's limits: the import policy chain against decoding. */
export const POLICY_LIMITS = {
  /** policy-chain: the chain's ns/prefix over decode's, in the same process and run. */
  chainOverDecode: 0.5,
  /** ingest-policies time over ingest's. */
  ingestPoliciesTimeRatio: 1.2,
} as const;

/** What a later issue's targets are about, for their heading in the summary. */
const ISSUE_TOPICS: Readonly<Record<number, string>> = { 5: 'route policy', 12: 'FlowSpec' };

/** Issue 12's limits (FlowSpec speed). */
export const FLOW_LIMITS = {
  /** flow-api: rxbgp's rules/s over ExaBGP's (exabgp-flow-api), same helper and rules. */
  rateOverExabgp: 100,
  /** flow-latency: p99 from the helper's write to the UPDATE at the peer, ms (strictly under). */
  latencyP99Ms: 1,
} as const;

export type TargetStatus = 'held' | 'missed' | 'not run';

export interface TargetOutcome {
  /** The issue a target after issue 4's seven belongs to (5: route policy); absent for issue 4's. */
  readonly issue?: number;
  readonly number: number;
  readonly name: string;
  readonly status: TargetStatus;
  /** The conditions with their numbers and limits, or what did not run. */
  readonly text: string;
}

export interface Target {
  /** As TargetOutcome.issue. */
  readonly issue?: number;
  readonly number: number;
  /** Short name for the summary line. */
  readonly name: string;
  /** The target as the issue words it. */
  readonly statement: string;
  readonly evaluate: (results: readonly CaseResult[]) => TargetOutcome;
}

/** One condition's verdict, a reason it could not be evaluated, or a number printed beside. */
type Part = { readonly held: boolean; readonly text: string } | { readonly notRun: string } | { readonly note: string };
type NotRun = { readonly notRun: string };
type Found = TimedResult | NotRun;

/** Ratios and sizes exactly at the limit hold (floating-point error aside). */
const TOLERANCE = 1e-9;

export const TARGETS: readonly Target[] = [
  {
    number: 1,
    name: 'emit',
    statement: 'Emit: rxbgp → BIRD from the config: time ≤ BIRD → BIRD, sender peak RSS ≤ 250 MB',
    evaluate: (results) => {
      const emit = find(results, 'emit');
      const bird = find(results, 'bird-bird');
      return outcome(1, 'emit', [
        both(emit, bird, (a, b) => timePart(a, b, 'sender', LIMITS.emitTimeRatio, '1×')),
        one(emit, (a) => rssPart(a, 'sender', LIMITS.peakRssMegabytes)),
      ]);
    },
  },
  {
    number: 2,
    name: 'ingest',
    statement: "Ingest: BIRD → rxbgp: time ≤ BIRD → BIRD, receiver CPU ≤ 2× BIRD's, peak RSS ≤ 250 MB",
    evaluate: (results) => {
      const ingest = find(results, 'ingest');
      const bird = find(results, 'bird-bird');
      return outcome(2, 'ingest', [
        both(ingest, bird, (a, b) => timePart(a, b, 'receiver', LIMITS.ingestTimeRatio, '1×')),
        both(ingest, bird, (a, b) => cpuPart(a, b, 'receiver', LIMITS.ingestCpuRatio)),
        one(ingest, (a) => rssPart(a, 'receiver', LIMITS.peakRssMegabytes)),
      ]);
    },
  },
  {
    number: 3,
    name: 'ingest to a JSON file',
    statement: "Ingest with ExaBGP JSON written to a file: ≤ 1/5 of BIRD → ExaBGP's time",
    evaluate: (results) => {
      const json = find(results, 'ingest-json-file');
      const exabgp = find(results, 'bird-exabgp');
      return outcome(3, 'ingest to a JSON file', [both(json, exabgp, (a, b) => timePart(a, b, 'receiver', LIMITS.jsonTimeRatio, '1/5'))]);
    },
  },
  {
    number: 4,
    name: 'helper API',
    statement: 'Helper API → BIRD: `announce route` lines ≥ 300,000 prefixes/s, `announce attributes … nlri` batches ≥ 1,000,000',
    evaluate: (results) => {
      const parts = (['routes', 'batches'] as const).flatMap((mode): Part[] => {
        const minimum = mode === 'routes' ? LIMITS.apiRoutesRate : LIMITS.apiBatchesRate;
        const rxbgp = find(results, `api-${mode}`);
        const exabgp = find(results, `exabgp-api-${mode}`);
        return [
          one(rxbgp, (a) => ratePart(a, minimum)),
          { note: exabgpBeside(rxbgp, exabgp, `exabgp-api-${mode}`, results) },
        ];
      });
      return outcome(4, 'helper API', parts);
    },
  },
  {
    number: 5,
    name: 'realistic table',
    statement: "Realistic table both ways: within 1.5× of BIRD → BIRD's time, rxbgp's peak RSS ≤ 2× BIRD's",
    evaluate: (results) => {
      const bird = find(results, 'realistic-bird-bird');
      const parts = ([['realistic-emit', 'sender'], ['realistic-ingest', 'receiver']] as const).flatMap(([name, side]): Part[] => {
        const rxbgp = find(results, name);
        return [
          both(rxbgp, bird, (a, b) => timePart(a, b, side, LIMITS.realisticTimeRatio, '1.5×')),
          both(rxbgp, bird, (a, b) => relativeRssPart(a, b, side, LIMITS.realisticRssRatio)),
        ];
      });
      return outcome(5, 'realistic table', parts);
    },
  },
  {
    number: 6,
    name: 'many peers',
    statement: 'Many peers: 100 sessions × 10,000 prefixes into rxbgp (vs BIRD, GoBGP); no hold-timer expiry, all 100 sessions up',
    evaluate: (results) => outcome(6, 'many peers', manyPeersParts(results)),
  },
  {
    number: 7,
    name: 'codec',
    statement: 'Decoder and encoder micro-benchmark in ns per prefix on a captured 1 M-prefix stream',
    evaluate: (results) => outcome(7, 'codec', codecParts(results)),
  },
];

/** Issue 5 (route policy), numbered on its own and printed under its own heading. */
export const POLICY_TARGETS: readonly Target[] = [
  {
    issue: 5,
    number: 1,
    name: 'policy chain',
    statement:
      'A chain of three simple import policies on a 1 M-prefix full-table ingest costs well under decoding it: ' +
      'chain ns/prefix ≤ 0.5× decode ns/prefix, ingest with the chain within 1.2× of ingest without',
    evaluate: (results) => {
      const withPolicies = find(results, 'ingest-policies');
      const without = find(results, 'ingest');
      const parts: Part[] = [
        chainOverDecodePart(results),
        both(withPolicies, without, (a, b) => ingestRatioPart(a, b, POLICY_LIMITS.ingestPoliciesTimeRatio)),
        both(withPolicies, without, (a, b) => receiverCpuNote(a, b)),
      ];
      return outcome(1, 'policy chain', parts, 5);
    },
  },
];

/** Issue 12 (FlowSpec speed), numbered on its own and printed under its own heading. */
export const FLOW_TARGETS: readonly Target[] = [
  {
    issue: 12,
    number: 1,
    name: 'flow rules from a helper',
    statement: '100,000 distinct FlowSpec rules from a helper to BIRD: rxbgp at least 100× ExaBGP\'s rate (same helper, same rules)',
    evaluate: (results) => outcome(1, 'flow rules from a helper', flowRateParts(results), 12),
  },
  {
    issue: 12,
    number: 2,
    name: 'flow latency',
    statement: 'One `announce flow route` line → UPDATE on the wire, 1,000 single rules on an idle session: p99 under 1 ms (ExaBGP beside)',
    evaluate: (results) => {
      const ours = results.find((r) => r.name === 'flow-latency');
      const p99 = ours ? figureOf(ours, 'p99', 'ms') : undefined;
      const parts: Part[] = [
        p99
          ? verdict(p99.value < FLOW_LIMITS.latencyP99Ms, `flow-latency p99 ${figureValue(p99.value)} ms`, `< ${FLOW_LIMITS.latencyP99Ms} ms`)
          : { notRun: ours ? `flow-latency ${ours.status === 'ok' ? 'reported no "p99" figure in ms' : ours.status}` : 'flow-latency not in this run' },
      ];
      const p50 = ours ? figureOf(ours, 'p50', 'ms') : undefined;
      if (p50) parts.push({ note: `p50 ${figureValue(p50.value)} ms` });
      const exabgp = results.find((r) => r.name === 'exabgp-flow-latency');
      const e50 = exabgp ? figureOf(exabgp, 'p50', 'ms') : undefined;
      const e99 = exabgp ? figureOf(exabgp, 'p99', 'ms') : undefined;
      if (e50 && e99) parts.push({ note: `ExaBGP p50 ${figureValue(e50.value)} ms, p99 ${figureValue(e99.value)} ms` });
      return outcome(2, 'flow latency', parts, 12);
    },
  },
  {
    issue: 12,
    number: 3,
    name: 'flow decode',
    statement: 'Decode ns/rule of a captured 100k-rule FlowSpec stream',
    evaluate: (results) => {
      const r = results.find((x) => x.name === 'flow-decode');
      if (!r) return outcome(3, 'flow decode', [{ notRun: 'flow-decode not in this run' }], 12);
      const f = r.status === 'ok' ? figureOf(r, 'decode', 'ns/rule') : undefined;
      return outcome(3, 'flow decode', [f ? { note: `decode ${figureValue(f.value)} ns/rule` } : { notRun: `flow-decode ${r.status === 'ok' ? 'reported no "decode" figure in ns/rule' : r.status}` }], 12);
    },
  },
];

/**
 * rxbgp's rules/s over ExaBGP's. ExaBGP may not finish 100,000 within its cap: its case then
 * reports the rate of what BIRD held by then ("rules/s (partial)"), which is used and said so.
 */
function flowRateParts(results: readonly CaseResult[]): Part[] {
  const rxbgp = find(results, 'flow-api');
  if (isNotRun(rxbgp)) return [rxbgp];
  const exabgpCase = results.find((r) => r.name === 'exabgp-flow-api');
  const full = find(results, 'exabgp-flow-api');
  const partial = exabgpCase ? figureOf(exabgpCase, 'rules/s (partial)', 'rules/s') : undefined;
  const exabgpRate = !isNotRun(full) ? rate(full) : partial?.value;
  if (exabgpRate === undefined || !(exabgpRate > 0)) return [isNotRun(full) ? full : { notRun: 'exabgp-flow-api has no rate' }];
  const ratio = rate(rxbgp) / exabgpRate;
  const what = `flow-api ${count(rate(rxbgp))} rules/s = ${times(ratio)} exabgp-flow-api's ${count(exabgpRate)} rules/s${isNotRun(full) ? ' (partial run)' : ''}`;
  return [verdict(ratio >= FLOW_LIMITS.rateOverExabgp * (1 - TOLERANCE), what, `≥ ${FLOW_LIMITS.rateOverExabgp}×`)];
}

export function evaluateTargets(results: readonly CaseResult[]): TargetOutcome[] {
  return [...TARGETS, ...POLICY_TARGETS, ...FLOW_TARGETS].map((t) => t.evaluate(results));
}

/**
 * The closing summary: one line per target, ✓ held, ✗ missed, – not run; a later issue's targets
 * under a heading of their own.
 */
export function formatTargetSummary(outcomes: readonly TargetOutcome[]): string[] {
  const mark: Record<TargetStatus, string> = { held: '✓', missed: '✗', 'not run': '–' };
  return outcomes.flatMap((o, i) => {
    const line = `${mark[o.status]} ${o.number} ${o.name}: ${o.text}`;
    if (o.issue === undefined || o.issue === outcomes[i - 1]?.issue) return [line];
    const topic = ISSUE_TOPICS[o.issue];
    return [...(i > 0 ? [''] : []), `Issue ${o.issue}${topic ? ` (${topic})` : ''}:`, line];
  });
}

/** `target N: held|missed|not run` (`issue I target N: ...` for a later issue's), for grep. */
export function formatTargetLines(outcomes: readonly TargetOutcome[]): string[] {
  return outcomes.map((o) => `${o.issue !== undefined ? `issue ${o.issue} ` : ''}target ${o.number}: ${o.status}`);
}

/** The policy-chain case's chain over decode, both in ns/prefix from the same process. */
function chainOverDecodePart(results: readonly CaseResult[]): Part {
  const name = 'policy-chain';
  const r = results.find((x) => x.name === name);
  if (!r) return { notRun: `${name} not in this run` };
  if (r.status !== 'ok') return { notRun: `${name} ${r.status}` };
  const chain = figureOf(r, 'policy chain', 'ns/prefix');
  const decode = figureOf(r, 'decode', 'ns/prefix');
  if (!chain || !decode || !(decode.value > 0)) return { notRun: `${name} reported no "policy chain" and "decode" figures in ns/prefix` };
  const ratio = chain.value / decode.value;
  return verdict(
    atMost(ratio, POLICY_LIMITS.chainOverDecode),
    `policy chain ${figureValue(chain.value)} ns/prefix = ${times(ratio)} decode's ${figureValue(decode.value)} ns/prefix`,
    `≤ ${POLICY_LIMITS.chainOverDecode}×`,
  );
}

/** ingest-policies against ingest: both rxbgp, so the reference is named by its case. */
function ingestRatioPart(withPolicies: TimedResult, without: TimedResult, limit: number): Part {
  const t = timeRatio(withPolicies, without);
  const what = `${withPolicies.name} ${t.basis === 'time' ? 'time' : 'time per prefix'} ${times(t.ratio)} ${without.name}'s`;
  return verdict(atMost(t.ratio, limit), what, `≤ ${limit}×`);
}

/** The receiver's CPU per prefix with the policies over without, printed beside (not a condition). */
function receiverCpuNote(withPolicies: TimedResult, without: TimedResult): Part {
  const a = cpuOf(withPolicies, 'receiver');
  const b = cpuOf(without, 'receiver');
  if (a === undefined || b === undefined || b <= 0) return { note: '' };
  return { note: `receiver CPU ${times(a / withPolicies.n / (b / without.n))} ${without.name}'s` };
}

function manyPeersParts(results: readonly CaseResult[]): Part[] {
  const name = 'many-peers-rxbgp';
  const r = results.find((x) => x.name === name);
  // The keepalive figures are read even when the transfer failed: a session lost to its hold
  // timer is exactly how this target is missed.
  const sessions = figurePart(r, name, 'sessions established', 'sessions', (v) => v === LIMITS.manyPeersSessions, `= ${LIMITS.manyPeersSessions}`);
  const expiries = figurePart(r, name, 'hold-timer expiries', 'sessions', (v) => v === LIMITS.manyPeersHoldTimerExpiries, `= ${LIMITS.manyPeersHoldTimerExpiries}`);
  const rxbgp = find(results, name);
  const transfer: Part[] = isNotRun(rxbgp)
    ? [rxbgp]
    : ['many-peers-bird', 'many-peers-gobgp'].map((refName): Part => {
        const ref = find(results, refName);
        if (isNotRun(ref)) return { note: `vs ${ref.notRun}` };
        const t = timeRatio(rxbgp, ref);
        return { note: `${t.basis === 'time' ? 'time' : 'time per prefix'} ${times(t.ratio)} ${programOf(ref, 'receiver')}'s` };
      });
  return [sessions, expiries, ...transfer];
}

function codecParts(results: readonly CaseResult[]): Part[] {
  const codec = results.find((r) => r.name === 'codec');
  if (!codec) return [{ notRun: 'codec not in this run' }];
  if (codec.status !== 'ok') return [{ notRun: `codec ${codec.status}` }];
  // "decode + text" (the prefixes also turned into text) is printed when reported, not required.
  const wanted: ReadonlyArray<readonly [string, boolean]> = [
    ['decode', true],
    ['decode + text', false],
    ['encode', true],
  ];
  return wanted.flatMap(([name, required]): Part[] => {
    const f = figureOf(codec, name, 'ns/prefix');
    if (f) return [{ note: `${name} ${figureValue(f.value)} ${f.unit}` }];
    return required ? [{ notRun: `codec reported no "${name}" figure in ns/prefix` }] : [];
  });
}

/** ExaBGP's rate beside rxbgp's, and rxbgp's over it, when ExaBGP's case ran; nothing when it was not part of the run. */
function exabgpBeside(rxbgp: Found, exabgp: Found, exabgpName: string, results: readonly CaseResult[]): string {
  if (isNotRun(exabgp)) return results.some((r) => r.name === exabgpName) ? `ExaBGP: ${exabgp.notRun}` : '';
  const over = isNotRun(rxbgp) ? '' : ` (rxbgp ${times(rate(rxbgp) / rate(exabgp))})`;
  return `${exabgp.name} ${count(rate(exabgp))} prefixes/s${over}`;
}

function timePart(rxbgp: TimedResult, reference: TimedResult, side: Side, limit: number, limitText: string): Part {
  const t = timeRatio(rxbgp, reference);
  const what = `${rxbgp.name} ${t.basis === 'time' ? 'time' : 'time per prefix'} ${times(t.ratio)} ${programOf(reference, side)}'s`;
  return verdict(atMost(t.ratio, limit), what, `≤ ${limitText}`);
}

function cpuPart(rxbgp: TimedResult, reference: TimedResult, side: Side, limit: number): Part {
  const a = cpuOf(rxbgp, side);
  const b = cpuOf(reference, side);
  if (a === undefined || b === undefined || b <= 0) return { notRun: `no ${side} CPU for ${a === undefined ? rxbgp.name : reference.name}` };
  // Per prefix, so a reference that moved another N still compares.
  const ratio = a / rxbgp.n / (b / reference.n);
  return verdict(atMost(ratio, limit), `${rxbgp.name} CPU ${times(ratio)} ${programOf(reference, side)}'s`, `≤ ${limit}×`);
}

function rssPart(rxbgp: TimedResult, side: Side, limitMegabytes: number): Part {
  const rss = peakRssOf(rxbgp, side);
  if (rss === undefined) return { notRun: `no ${side} peak RSS for ${rxbgp.name}` };
  return verdict(atMost(rss, bytesOfMegabytes(limitMegabytes)), `${rxbgp.name} ${side} peak RSS ${megabytes(rss)}`, `≤ ${limitMegabytes} MB`);
}

function relativeRssPart(rxbgp: TimedResult, reference: TimedResult, side: Side, limit: number): Part {
  const a = peakRssOf(rxbgp, side);
  const b = peakRssOf(reference, side);
  if (a === undefined || b === undefined || b <= 0) return { notRun: `no ${side} peak RSS for ${a === undefined ? rxbgp.name : reference.name}` };
  const ratio = a / b;
  return verdict(
    atMost(ratio, limit),
    `${rxbgp.name} ${side} peak RSS ${megabytes(a)} = ${times(ratio)} ${programOf(reference, side)}'s ${megabytes(b)}`,
    `≤ ${limit}×`,
  );
}

function ratePart(rxbgp: TimedResult, minimum: number): Part {
  const r = rate(rxbgp);
  return verdict(r >= minimum * (1 - TOLERANCE), `${rxbgp.name} ${count(r)} prefixes/s`, `≥ ${count(minimum)}`);
}

function figurePart(
  r: CaseResult | undefined,
  caseName: string,
  name: string,
  unit: string,
  ok: (value: number) => boolean,
  limitText: string,
): Part {
  if (!r) return { notRun: `${caseName} not in this run` };
  const f = figureOf(r, name, unit);
  if (!f) return { notRun: r.status === 'ok' ? `${caseName} reported no "${name}" figure` : `${caseName} ${r.status}` };
  return verdict(ok(f.value), `${name} ${figureValue(f.value)}`, limitText);
}

function verdict(held: boolean, what: string, limitText: string): Part {
  return { held, text: held ? `${what} (${limitText})` : `${what}, target ${limitText}` };
}

/** Verdicts and notes in order, then every reason something could not be evaluated, once each. */
function outcome(number: number, name: string, parts: readonly Part[], issue?: number): TargetOutcome {
  const missed = parts.some((p) => 'held' in p && !p.held);
  const reasons = [...new Set(parts.filter(isNotRun).map((p) => p.notRun))];
  const status: TargetStatus = missed ? 'missed' : reasons.length ? 'not run' : 'held';
  const texts = parts.flatMap((p) => ('held' in p ? [p.text] : 'note' in p && p.note ? [p.note] : []));
  if (reasons.length) texts.push(`not run: ${reasons.join(', ')}`);
  return { ...(issue !== undefined ? { issue } : {}), number, name, status, text: texts.join('; ') };
}

/** The case as a timed result, or why it cannot be compared. */
function find(results: readonly CaseResult[], name: string): Found {
  const r = results.find((x) => x.name === name);
  if (!r) return { notRun: `${name} not in this run` };
  if (timed(r)) return r;
  return { notRun: r.status === 'ok' ? `${name} has no time` : `${name} ${r.status}` };
}

function isNotRun(p: Part | Found): p is NotRun {
  return 'notRun' in p;
}

function one(a: Found, f: (a: TimedResult) => Part): Part {
  return isNotRun(a) ? a : f(a);
}

function both(a: Found, b: Found, f: (a: TimedResult, b: TimedResult) => Part): Part {
  if (isNotRun(a)) return a;
  return isNotRun(b) ? b : f(a, b);
}

function figureOf(r: CaseResult, name: string, unit: string): Figure | undefined {
  return r.figures?.find((f) => f.name === name && f.unit === unit);
}

/** "BIRD", "ExaBGP", "GoBGP": the reference's program on the compared side (without " + helper"). */
function programOf(r: CaseResult, side: Side): string {
  return (side === 'sender' ? r.sender : r.receiver).split(' ')[0]!;
}

function atMost(value: number, limit: number): boolean {
  return value <= limit * (1 + TOLERANCE);
}
