import { CASES } from '../../../bench/cases';
import { slotFor } from '../../../bench/cases/case-types';
import { DEFAULT_N } from '../../../bench/args';

describe('CASES', () => {
  it('has unique names, each with its own address slot', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const addresses = CASES.map((_c, i) => slotFor(i).sender.address);
    expect(new Set(addresses).size).toBe(CASES.length);
  });

  it('runs each rxbgp process-API case before the ExaBGP case that states the rate ratio against it', () => {
    const at = (name: string) => CASES.findIndex((c) => c.name === name);
    for (const mode of ['routes', 'batches']) {
      expect(at(`api-${mode}`)).toBeGreaterThanOrEqual(0);
      expect(at(`exabgp-api-${mode}`)).toBeGreaterThan(at(`api-${mode}`));
    }
  });

  it('gives only the ExaBGP cases and the FlowSpec cases (100k rules, 1,000 single ones) a smaller default N', () => {
    expect(CASES.filter((c) => c.defaultN !== undefined && c.defaultN < DEFAULT_N).map((c) => [c.name, c.defaultN])).toEqual([
      ['exabgp-api-routes', 20000],
      ['exabgp-api-batches', 20000],
      ['flow-api', 100000],
      ['exabgp-flow-api', 100000],
      ['flow-latency', 1000],
      ['exabgp-flow-latency', 1000],
      ['flow-latency-floor', 1000],
      ['flow-decode', 100000],
    ]);
  });

  it('has the many-peers cases move 100 × 10,000 in total by default, as rows of one group', () => {
    const manyPeers = CASES.filter((c) => c.name.startsWith('many-peers-'));
    expect(manyPeers.map((c) => [c.name, c.defaultN, c.groups])).toEqual([
      ['many-peers-rxbgp', 1_000_000, ['many-peers']],
      ['many-peers-bird', 1_000_000, ['many-peers']],
      ['many-peers-gobgp', 1_000_000, ['many-peers']],
    ]);
  });
});

describe('the issue-5 policy cases', () => {
  it('put ingest-policies right after ingest in the ingest table, and policy-chain after codec in the codec table', () => {
    const at = (name: string) => CASES.findIndex((c) => c.name === name);
    expect(at('ingest-policies')).toBe(at('ingest') + 1);
    expect(at('policy-chain')).toBe(at('codec') + 1);
    expect(CASES[at('ingest-policies')]!.groups).toEqual(['ingest']);
    expect(CASES[at('policy-chain')]!.groups).toEqual(['codec']);
  });
});

describe('the issue-6 sink cases', () => {
  it('put ingest-jsonl and ingest-kafka right after ingest-policies, in the ingest table', () => {
    const at = (name: string) => CASES.findIndex((c) => c.name === name);
    expect(at('ingest-jsonl')).toBe(at('ingest-policies') + 1);
    expect(at('ingest-kafka')).toBe(at('ingest-policies') + 2);
    expect(CASES[at('ingest-jsonl')]!.groups).toEqual(['ingest']);
    expect(CASES[at('ingest-kafka')]!.groups).toEqual(['ingest']);
  });
});

describe('the issue-12 FlowSpec cases', () => {
  it('run rxbgp before ExaBGP (whose case states the ratio), then the latency floor, as rows of their own tables', () => {
    const at = (name: string) => CASES.findIndex((c) => c.name === name);
    expect(at('exabgp-flow-api')).toBe(at('flow-api') + 1);
    expect(at('exabgp-flow-latency')).toBe(at('flow-latency') + 1);
    expect(at('flow-latency-floor')).toBe(at('flow-latency') + 2);
    expect(CASES.filter((c) => c.name.includes('flow-')).map((c) => [c.name, c.groups])).toEqual([
      ['flow-api', ['flow-api']],
      ['exabgp-flow-api', ['flow-api']],
      ['flow-latency', ['flow-latency']],
      ['exabgp-flow-latency', ['flow-latency']],
      ['flow-latency-floor', ['flow-latency']],
      ['flow-decode', ['flow-decode']],
    ]);
  });
});
