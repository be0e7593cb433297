import fs from 'fs';
import { API_HELPER, PYTHON, apiHelperCommand, apiLineCount, checkApiHelperReport, type ApiHelperReport } from '../../../bench/cases/api-helper';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';

const run = new Ipv4PrefixRun('10.0.0.0', 2500);

function report(over: Partial<ApiHelperReport> = {}): ApiHelperReport {
  return { pid: 42, mode: 'routes', count: 2500, lines: 2500, sent: 2500, written_seconds: 0.5, acked_seconds: 0.6, done: 2500, error: 0, events: 1, other: 0, cpu_seconds: 0.2, ...over };
}

describe('apiHelperCommand', () => {
  it('runs the helper with the run, next hop, batch size, report file and a whole number of seconds', () => {
    expect(apiHelperCommand({ mode: 'batches', routes: run, nextHop: '198.51.100.1', reportFile: '/tmp/r.json', maxSeconds: 99.2 })).toEqual([
      PYTHON,
      API_HELPER,
      '--mode',
      'batches',
      '--first',
      '10.0.0.0',
      '--count',
      '2500',
      '--next-hop',
      '198.51.100.1',
      '--batch',
      '1000',
      '--report',
      '/tmp/r.json',
      '--max-seconds',
      '100',
    ]);
  });

  it('names a helper that exists', () => {
    expect(fs.existsSync(API_HELPER)).toBe(true);
  });
});

describe('apiLineCount', () => {
  it('is one line per prefix for routes, one per started thousand for batches', () => {
    expect(apiLineCount('routes', 2500)).toBe(2500);
    expect(apiLineCount('batches', 2500)).toBe(3);
    expect(apiLineCount('batches', 2000)).toBe(2);
  });
});

describe('checkApiHelperReport', () => {
  it('passes a report of every line written and answered done', () => {
    const out = checkApiHelperReport(report(), 'routes', run);
    expect(out.problems).toEqual([]);
    expect(out.checks).toEqual([
      'API helper (pid 42) wrote 2500 of 2500 announce route lines in 0.50 s from the "up" event it read',
      'acks: 2500 done, 0 error of 2500 (last after 0.60 s)',
      'API helper CPU over its life: 0.20 s',
    ]);
  });

  it('names the batch form', () => {
    const out = checkApiHelperReport(report({ mode: 'batches', lines: 3, sent: 3, done: 3 }), 'batches', run);
    expect(out.problems).toEqual([]);
    expect(out.checks[0]).toContain('wrote 3 of 3 announce attributes ... nlri (1000 prefixes) lines');
  });

  it.each<[string, Partial<ApiHelperReport>, RegExp]>([
    ['lines missing', { sent: 2400, done: 2400 }, /wrote 2400 of 2500/],
    ['an error ack', { done: 2499, error: 1 }, /acks: 2499 done, 1 error of 2500/],
    ['acks missing', { done: 2000 }, /acks: 2000 done, 0 error of 2500/],
    ['its own problem', { problem: 'the session never came up', sent: 0, done: 0 }, /API helper: the session never came up/],
    ['another run', { count: 100, lines: 100 }, /ran 100 routes lines for 100 prefixes, expected 2500 routes lines for 2500/],
    ['stray stdin lines', { other: 3 }, /3 stdin lines that were neither an ack nor JSON/],
  ])('reports %s as a problem', (_what, over, problem) => {
    const out = checkApiHelperReport(report(over), 'routes', run);
    expect(out.problems.join('\n')).toMatch(problem);
  });
});
