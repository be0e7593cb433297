import type { CaseResult, Figure } from '../../../bench/cases/case-types';
import { FLOW_TARGETS, LIMITS, POLICY_LIMITS, POLICY_TARGETS, TARGETS, evaluateTargets, formatTargetLines, formatTargetSummary, type TargetOutcome } from '../../../bench/report/targets';
import { MB, figuresOnly, notOk, transfer, type TransferFixture } from './fixtures';

function target(number: number, results: readonly CaseResult[]): TargetOutcome {
  return TARGETS.find((t) => t.number === number)!.evaluate(results);
}

const birdBird = (f: Partial<TransferFixture> = {}) =>
  transfer('bird-bird', { groups: ['emit', 'ingest'], sender: 'BIRD', receiver: 'BIRD', seconds: 4, senderRssMb: 90, receiverRssMb: 110, receiverCpu: 2, ...f });

describe('TARGETS', () => {
  it('are the issue’s seven, numbered in order', () => {
    expect(TARGETS.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('target 1: emit', () => {
  const emit = (f: Partial<TransferFixture> = {}) => transfer('emit', { groups: ['emit'], sender: 'rxbgp', receiver: 'BIRD', seconds: 4, senderRssMb: 250, ...f });

  it('holds at exactly BIRD’s time and 250 MB', () => {
    expect(target(1, [emit(), birdBird()])).toEqual({
      number: 1,
      name: 'emit',
      status: 'held',
      text: "emit time 1.00× BIRD's (≤ 1×); emit sender peak RSS 250 MB (≤ 250 MB)",
    });
  });

  it('is missed when slower than BIRD → BIRD or one byte over 250 MB', () => {
    expect(target(1, [emit({ seconds: 4.01 }), birdBird()])).toMatchObject({ status: 'missed', text: expect.stringContaining("emit time 1.00× BIRD's, target ≤ 1×") });
    const heavy = target(1, [emit({ senderRssBytes: LIMITS.peakRssMegabytes * MB + 1 }), birdBird()]);
    expect(heavy.status).toBe('missed');
    expect(heavy.text).toContain('emit sender peak RSS 250 MB, target ≤ 250 MB');
  });

  it('is not run without the reference, or when emit failed', () => {
    expect(target(1, [emit()])).toEqual({
      number: 1,
      name: 'emit',
      status: 'not run',
      text: 'emit sender peak RSS 250 MB (≤ 250 MB); not run: bird-bird not in this run',
    });
    expect(target(1, [notOk('emit', ['emit'], 'rxbgp', 'BIRD', 'timeout', { received: 3 }), birdBird()])).toMatchObject({
      status: 'not run',
      text: 'not run: emit timeout',
    });
  });

  it('is missed, not "not run", when one condition is missed and another could not be evaluated', () => {
    expect(target(1, [emit({ senderRssMb: 300 })]).status).toBe('missed');
  });
});

describe('target 2: ingest', () => {
  const ingest = (f: Partial<TransferFixture> = {}) =>
    transfer('ingest', { groups: ['ingest'], sender: 'BIRD', receiver: 'rxbgp', seconds: 4, receiverCpu: 4, receiverRssMb: 250, ...f });

  it('holds at BIRD’s time, 2× its receiver CPU and 250 MB', () => {
    expect(target(2, [ingest(), birdBird()])).toMatchObject({
      status: 'held',
      text: "ingest time 1.00× BIRD's (≤ 1×); ingest CPU 2.00× BIRD's (≤ 2×); ingest receiver peak RSS 250 MB (≤ 250 MB)",
    });
  });

  it('is missed on CPU over 2× BIRD’s, saying by how much', () => {
    expect(target(2, [ingest({ receiverCpu: 6.8 }), birdBird()])).toMatchObject({
      status: 'missed',
      text: expect.stringContaining("ingest CPU 3.40× BIRD's, target ≤ 2×"),
    });
    expect(target(2, [ingest({ receiverCpu: 4.01 }), birdBird()]).status).toBe('missed');
  });

  it('is missed on time or RSS', () => {
    expect(target(2, [ingest({ seconds: 4.5 }), birdBird()]).status).toBe('missed');
    expect(target(2, [ingest({ receiverRssMb: 251 }), birdBird()]).status).toBe('missed');
  });

  it('compares CPU per prefix when the reference moved another N', () => {
    // BIRD: 2 s for 500,000 = 4 µs/prefix; rxbgp: 8 s for 1,000,000 = 8 µs/prefix: 2×.
    const half = birdBird({ n: 500_000, seconds: 2, receiverCpu: 2 });
    expect(target(2, [ingest({ receiverCpu: 8 }), half]).text).toContain("ingest time per prefix 1.00× BIRD's (≤ 1×); ingest CPU 2.00× BIRD's (≤ 2×)");
  });

  it('is not run when ingest failed', () => {
    expect(target(2, [notOk('ingest', ['ingest'], 'BIRD', 'rxbgp', 'failed'), birdBird()])).toMatchObject({ status: 'not run', text: 'not run: ingest failed' });
  });
});

describe('target 3: ingest to a JSON file', () => {
  const exabgp = transfer('bird-exabgp', { groups: ['ingest-json'], sender: 'BIRD', receiver: 'ExaBGP', seconds: 25 });
  const json = (seconds: number) => transfer('ingest-json-file', { groups: ['ingest-json'], sender: 'BIRD', receiver: 'rxbgp', seconds });

  it('holds at exactly a fifth of BIRD → ExaBGP’s time', () => {
    expect(target(3, [json(5), exabgp])).toMatchObject({ status: 'held', text: "ingest-json-file time 0.20× ExaBGP's (≤ 1/5)" });
  });

  it('is missed above a fifth', () => {
    expect(target(3, [json(5.01), exabgp])).toMatchObject({ status: 'missed', text: "ingest-json-file time 0.20× ExaBGP's, target ≤ 1/5" });
    expect(target(3, [json(10), exabgp]).text).toBe("ingest-json-file time 0.40× ExaBGP's, target ≤ 1/5");
  });

  it('is not run without bird-exabgp', () => {
    expect(target(3, [json(1)])).toMatchObject({ status: 'not run', text: 'not run: bird-exabgp not in this run' });
  });
});

describe('target 4: helper API', () => {
  const api = (mode: string, n: number, seconds: number) =>
    transfer(`api-${mode}`, { groups: [`api-${mode}`], sender: 'rxbgp + helper', receiver: 'BIRD', n, seconds });
  const exabgp = (mode: string) =>
    transfer(`exabgp-api-${mode}`, { groups: [`api-${mode}`], sender: 'ExaBGP + helper', receiver: 'BIRD', n: 20_000, seconds: 6.25 });

  it('holds at exactly 300,000 and 1,000,000 prefixes/s, with ExaBGP’s rate beside', () => {
    expect(target(4, [api('routes', 300_000, 1), api('batches', 1_000_000, 1), exabgp('routes'), exabgp('batches')])).toMatchObject({
      status: 'held',
      text:
        'api-routes 300,000 prefixes/s (≥ 300,000); exabgp-api-routes 3,200 prefixes/s (rxbgp 93.8×); ' +
        'api-batches 1,000,000 prefixes/s (≥ 1,000,000); exabgp-api-batches 3,200 prefixes/s (rxbgp 313×)',
    });
  });

  it('is missed just under either rate', () => {
    expect(target(4, [api('routes', 299_999, 1), api('batches', 1_000_000, 1)])).toMatchObject({
      status: 'missed',
      text: expect.stringContaining('api-routes 299,999 prefixes/s, target ≥ 300,000'),
    });
    expect(target(4, [api('routes', 300_000, 1), api('batches', 999_999, 1)]).status).toBe('missed');
  });

  it('does not need ExaBGP to hold, but needs both rxbgp cases', () => {
    const held = target(4, [api('routes', 300_000, 1), api('batches', 1_000_000, 1)]);
    expect(held.status).toBe('held');
    expect(held.text).toBe('api-routes 300,000 prefixes/s (≥ 300,000); api-batches 1,000,000 prefixes/s (≥ 1,000,000)');
    const exabgpFailed = notOk('exabgp-api-routes', ['api-routes'], 'ExaBGP + helper', 'BIRD', 'timeout');
    expect(target(4, [api('routes', 300_000, 1), api('batches', 1_000_000, 1), exabgpFailed]).text).toContain('ExaBGP: exabgp-api-routes timeout');
    expect(target(4, [])).toMatchObject({ status: 'not run', text: 'not run: api-routes not in this run, api-batches not in this run' });
    expect(target(4, [api('routes', 300_000, 1)])).toMatchObject({ status: 'not run', text: expect.stringContaining('not run: api-batches not in this run') });
  });
});

describe('target 5: realistic table', () => {
  const bird = transfer('realistic-bird-bird', {
    groups: ['realistic-emit', 'realistic-ingest'],
    sender: 'BIRD',
    receiver: 'BIRD',
    n: 1_290_000,
    seconds: 10,
    senderRssMb: 300,
    receiverRssMb: 400,
  });
  const emit = (f: Partial<TransferFixture> = {}) =>
    transfer('realistic-emit', { groups: ['realistic-emit'], sender: 'rxbgp', receiver: 'BIRD', n: 1_290_000, seconds: 15, senderRssMb: 600, ...f });
  const ingest = (f: Partial<TransferFixture> = {}) =>
    transfer('realistic-ingest', { groups: ['realistic-ingest'], sender: 'BIRD', receiver: 'rxbgp', n: 1_290_000, seconds: 15, receiverRssMb: 800, ...f });

  it("holds at 1.5× BIRD's time and 2× its peak RSS on the same side, both ways", () => {
    expect(target(5, [emit(), ingest(), bird])).toMatchObject({
      status: 'held',
      text:
        "realistic-emit time 1.50× BIRD's (≤ 1.5×); realistic-emit sender peak RSS 600 MB = 2.00× BIRD's 300 MB (≤ 2×); " +
        "realistic-ingest time 1.50× BIRD's (≤ 1.5×); realistic-ingest receiver peak RSS 800 MB = 2.00× BIRD's 400 MB (≤ 2×)",
    });
  });

  it('is missed when either direction is slower or heavier', () => {
    expect(target(5, [emit({ seconds: 15.01 }), ingest(), bird]).status).toBe('missed');
    expect(target(5, [emit(), ingest({ receiverRssMb: 801 }), bird])).toMatchObject({
      status: 'missed',
      text: expect.stringContaining("realistic-ingest receiver peak RSS 801 MB = 2.00× BIRD's 400 MB, target ≤ 2×"),
    });
  });

  it('is not run when a direction or the reference is missing', () => {
    expect(target(5, [emit(), bird])).toMatchObject({ status: 'not run', text: expect.stringContaining('not run: realistic-ingest not in this run') });
    expect(target(5, [emit(), ingest()]).status).toBe('not run');
  });
});

describe('target 6: many peers', () => {
  const keepalives = (expiries: number, established: number): Figure[] => [
    { name: 'hold-timer expiries', value: expiries, unit: 'sessions' },
    { name: 'sessions established', value: established, unit: 'sessions' },
  ];
  const rxbgp = (figures: Figure[]) => transfer('many-peers-rxbgp', { groups: ['many-peers'], sender: 'BIRD', receiver: 'rxbgp', seconds: 8, figures });
  const bird = transfer('many-peers-bird', { groups: ['many-peers'], sender: 'BIRD', receiver: 'BIRD', seconds: 10 });
  const gobgp = transfer('many-peers-gobgp', { groups: ['many-peers'], sender: 'BIRD', receiver: 'GoBGP', seconds: 40 });

  it('holds with 100 sessions and no hold-timer expiry, with the time ratios beside', () => {
    expect(target(6, [rxbgp(keepalives(0, 100)), bird, gobgp])).toMatchObject({
      status: 'held',
      text: "sessions established 100 (= 100); hold-timer expiries 0 (= 0); time 0.80× BIRD's; time 0.20× GoBGP's",
    });
  });

  it('is missed on one expiry or one session short, even when the transfer failed', () => {
    expect(target(6, [rxbgp(keepalives(1, 100)), bird, gobgp])).toMatchObject({ status: 'missed', text: expect.stringContaining('hold-timer expiries 1, target = 0') });
    expect(target(6, [rxbgp(keepalives(0, 99))]).status).toBe('missed');
    const failed = notOk('many-peers-rxbgp', ['many-peers'], 'BIRD', 'rxbgp', 'failed', { figures: keepalives(3, 100), received: 900_000 });
    expect(target(6, [failed])).toMatchObject({ status: 'missed', text: 'sessions established 100 (= 100); hold-timer expiries 3, target = 0; not run: many-peers-rxbgp failed' });
  });

  it('is not run without the figures or the case', () => {
    expect(target(6, [rxbgp([])])).toMatchObject({ status: 'not run', text: expect.stringContaining('many-peers-rxbgp reported no "sessions established" figure') });
    expect(target(6, [bird])).toMatchObject({ status: 'not run', text: 'not run: many-peers-rxbgp not in this run' });
    expect(target(6, [notOk('many-peers-rxbgp', ['many-peers'], 'BIRD', 'rxbgp', 'timeout')])).toMatchObject({
      status: 'not run',
      text: 'not run: many-peers-rxbgp timeout',
    });
  });

  it('notes a reference that did not finish without failing the target', () => {
    expect(target(6, [rxbgp(keepalives(0, 100)), bird])).toMatchObject({ status: 'held', text: expect.stringContaining('vs many-peers-gobgp not in this run') });
  });
});

describe('target 7: codec', () => {
  const decode = { name: 'decode', value: 85.25, unit: 'ns/prefix' };
  const encode = { name: 'encode', value: 140, unit: 'ns/prefix' };

  it('holds when the codec case reported decode and encode in ns/prefix, and prints them', () => {
    expect(target(7, [figuresOnly('codec', ['codec'], [decode, { name: 'decode + text', value: 190, unit: 'ns/prefix' }, encode])])).toMatchObject({
      status: 'held',
      text: 'decode 85.3 ns/prefix; decode + text 190 ns/prefix; encode 140 ns/prefix',
    });
  });

  it('is not run when a figure is missing or in another unit, or the case failed', () => {
    expect(target(7, [figuresOnly('codec', ['codec'], [decode])])).toMatchObject({ status: 'not run', text: expect.stringContaining('codec reported no "encode" figure in ns/prefix') });
    expect(target(7, [figuresOnly('codec', ['codec'], [decode, { ...encode, unit: 'ms' }])]).status).toBe('not run');
    expect(target(7, [notOk('codec', ['codec'], 'BIRD', 'rxbgp', 'failed')])).toMatchObject({ status: 'not run', text: 'not run: codec failed' });
    expect(target(7, [])).toMatchObject({ status: 'not run', text: 'not run: codec not in this run' });
  });
});

describe('summary lines', () => {
  it('marks each target ✓ / ✗ / – and gives one grep-able line per target', () => {
    const outcomes: TargetOutcome[] = [
      { number: 1, name: 'emit', status: 'held', text: 'a' },
      { number: 2, name: 'ingest', status: 'missed', text: 'b' },
      { number: 3, name: 'ingest to a JSON file', status: 'not run', text: 'c' },
    ];
    expect(formatTargetSummary(outcomes)).toEqual(['✓ 1 emit: a', '✗ 2 ingest: b', '– 3 ingest to a JSON file: c']);
    expect(formatTargetLines(outcomes)).toEqual(['target 1: held', 'target 2: missed', 'target 3: not run']);
  });

  it("evaluates issue 4's seven, then issue 5's, then issue 12's three, over the same results", () => {
    const outcomes = evaluateTargets([]);
    expect(outcomes.map((o) => o.status)).toEqual(Array(11).fill('not run'));
    expect(outcomes.map((o) => [o.issue, o.number])).toEqual([...[1, 2, 3, 4, 5, 6, 7].map((n) => [undefined, n]), [5, 1], [12, 1], [12, 2], [12, 3]]);
  });

  it("prints issue 5's targets under their own heading, and their grep lines with the issue", () => {
    const outcomes: TargetOutcome[] = [
      { number: 7, name: 'codec', status: 'held', text: 'a' },
      { issue: 5, number: 1, name: 'policy chain', status: 'missed', text: 'b' },
    ];
    expect(formatTargetSummary(outcomes)).toEqual(['✓ 7 codec: a', '', 'Issue 5 (route policy):', '✗ 1 policy chain: b']);
    expect(formatTargetLines(outcomes)).toEqual(['target 7: held', 'issue 5 target 1: missed']);
    expect(formatTargetSummary(outcomes.slice(1))).toEqual(['Issue 5 (route policy):', '✗ 1 policy chain: b']);
  });
});

describe('issue 5 target 1: policy chain', () => {
  const evaluate = (results: readonly CaseResult[]) => POLICY_TARGETS[0]!.evaluate(results);
  const chain = (chainNs: number, decodeNs = 40) =>
    figuresOnly('policy-chain', ['codec'], [
      { name: 'decode', value: decodeNs, unit: 'ns/prefix' },
      { name: 'policy chain', value: chainNs, unit: 'ns/prefix' },
    ]);
  const ingest = (f: Partial<TransferFixture> = {}) => transfer('ingest', { groups: ['ingest'], sender: 'BIRD', receiver: 'rxbgp', seconds: 5, receiverCpu: 4, ...f });
  const withPolicies = (f: Partial<TransferFixture> = {}) =>
    transfer('ingest-policies', { groups: ['ingest'], sender: 'BIRD', receiver: 'rxbgp + 3 import policies', seconds: 6, receiverCpu: 5, ...f });

  it('is issue 5 target 1, with its limits apart from issue 4', () => {
    expect(POLICY_TARGETS.map((t) => [t.issue, t.number])).toEqual([[5, 1]]);
    expect(POLICY_LIMITS).toEqual({ chainOverDecode: 0.5, ingestPoliciesTimeRatio: 1.2 });
  });

  it('holds at exactly half of decode and 1.2× ingest’s time, with the CPU beside', () => {
    expect(evaluate([chain(20), ingest(), withPolicies()])).toEqual({
      issue: 5,
      number: 1,
      name: 'policy chain',
      status: 'held',
      text: "policy chain 20 ns/prefix = 0.50× decode's 40 ns/prefix (≤ 0.5×); ingest-policies time 1.20× ingest's (≤ 1.2×); receiver CPU 1.25× ingest's",
    });
  });

  it('is missed when the chain costs more than half of decode, or the ingest with it is slower than 1.2×', () => {
    expect(evaluate([chain(20.1), ingest(), withPolicies()])).toMatchObject({
      status: 'missed',
      text: expect.stringContaining("policy chain 20.1 ns/prefix = 0.50× decode's 40 ns/prefix, target ≤ 0.5×"),
    });
    expect(evaluate([chain(10), ingest(), withPolicies({ seconds: 6.01 })])).toMatchObject({
      status: 'missed',
      text: expect.stringContaining("ingest-policies time 1.20× ingest's, target ≤ 1.2×"),
    });
  });

  it('is not run without both cases of a condition, or with a case that failed', () => {
    expect(evaluate([chain(10)])).toMatchObject({ status: 'not run', text: expect.stringContaining('not run: ingest-policies not in this run') });
    expect(evaluate([ingest(), withPolicies()])).toMatchObject({ status: 'not run', text: expect.stringContaining('not run: policy-chain not in this run') });
    expect(evaluate([notOk('policy-chain', ['codec'], 'BIRD', 'rxbgp', 'failed'), ingest(), withPolicies()])).toMatchObject({
      status: 'not run',
      text: expect.stringContaining('not run: policy-chain failed'),
    });
    expect(evaluate([figuresOnly('policy-chain', ['codec'], [{ name: 'decode', value: 40, unit: 'ns/prefix' }]), ingest(), withPolicies()])).toMatchObject({
      status: 'not run',
      text: expect.stringContaining('policy-chain reported no "policy chain" and "decode" figures in ns/prefix'),
    });
    expect(evaluate([chain(10), notOk('ingest', ['ingest'], 'BIRD', 'rxbgp', 'timeout'), withPolicies()]).text).toContain('not run: ingest timeout');
  });
});

describe('issue 12 (FlowSpec) targets', () => {
  const flowTarget = (number: number, results: readonly CaseResult[]) => FLOW_TARGETS.find((t) => t.number === number)!.evaluate(results);
  const flowApi = (seconds: number) => transfer('flow-api', { groups: ['flow-api'], sender: 'rxbgp + helper', receiver: 'BIRD flow4', n: 100_000, seconds });
  const exabgpApi = (seconds: number) => transfer('exabgp-flow-api', { groups: ['flow-api'], sender: 'ExaBGP + helper', receiver: 'BIRD flow4', n: 100_000, seconds });
  const latency = (name: string, p50: number, p99: number) =>
    figuresOnly(name, ['flow-latency'], [
      { name: 'p50', value: p50, unit: 'ms' },
      { name: 'p99', value: p99, unit: 'ms' },
    ]);

  it('1 holds at 100× ExaBGP’s rules/s and is missed below', () => {
    expect(flowTarget(1, [flowApi(0.5), exabgpApi(50)])).toMatchObject({
      issue: 12,
      status: 'held',
      text: "flow-api 200,000 rules/s = 100× exabgp-flow-api's 2,000 rules/s (≥ 100×)",
    });
    expect(flowTarget(1, [flowApi(2.5), exabgpApi(50)])).toMatchObject({ status: 'missed', text: expect.stringContaining('= 20.0× exabgp-flow-api') });
  });

  it('1 uses the partial rate of an ExaBGP run cut at its cap, and says so', () => {
    const cut = notOk('exabgp-flow-api', ['flow-api'], 'ExaBGP + helper', 'BIRD flow4', 'timeout', {
      received: 60_000,
      figures: [{ name: 'rules/s (partial)', value: 500, unit: 'rules/s' }],
    });
    expect(flowTarget(1, [flowApi(1), cut])).toMatchObject({ status: 'held', text: expect.stringContaining("= 200× exabgp-flow-api's 500 rules/s (partial run)") });
    expect(flowTarget(1, [flowApi(1)])).toMatchObject({ status: 'not run', text: 'not run: exabgp-flow-api not in this run' });
  });

  it('2 holds with a p99 under 1 ms, with the p50 and ExaBGP’s figures beside', () => {
    expect(flowTarget(2, [latency('flow-latency', 0.3, 0.8), latency('exabgp-flow-latency', 2.5, 12)])).toMatchObject({
      status: 'held',
      text: 'flow-latency p99 0.80 ms (< 1 ms); p50 0.30 ms; ExaBGP p50 2.50 ms, p99 12 ms',
    });
    expect(flowTarget(2, [latency('flow-latency', 0.3, 1)])).toMatchObject({ status: 'missed', text: 'flow-latency p99 1 ms, target < 1 ms; p50 0.30 ms' });
    expect(flowTarget(2, [])).toMatchObject({ status: 'not run', text: 'not run: flow-latency not in this run' });
  });

  it('3 prints the decode figure (no limit, as codec), and is not run without it', () => {
    expect(flowTarget(3, [figuresOnly('flow-decode', ['flow-decode'], [{ name: 'decode', value: 950, unit: 'ns/rule' }])])).toMatchObject({
      status: 'held',
      text: 'decode 950 ns/rule',
    });
    expect(flowTarget(3, [])).toMatchObject({ status: 'not run', text: 'not run: flow-decode not in this run' });
  });
});
