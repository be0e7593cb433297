/**
 * bench/helpers/api-announce.py driven as a daemon drives it: JSON events and acks on its stdin,
 * commands read from its stdout. Checks what it prints, when, and what it reports.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { API_HELPER, PYTHON } from '../../../bench/cases/api-helper';
import { readLines } from '../../../bench/daemons/tracked-child';

const UP = JSON.stringify({ exabgp: '4.0.1', type: 'state', neighbor: { address: { local: '127.0.0.1', peer: '127.0.0.2' }, state: 'up' } });
const CONNECTED = JSON.stringify({ exabgp: '4.0.1', type: 'state', neighbor: { state: 'connected' } });

interface Run {
  readonly lines: string[];
  readonly linesBeforeUp: number;
  readonly code: number | null;
  readonly report: Record<string, unknown> | undefined;
  readonly stderr: string;
}

/**
 * Starts the helper, sends `before` lines, then (unless `closeBeforeUp`) the "up" event, answers
 * each command line with `answer(i)`, and closes its stdin once its report is written.
 */
function drive(args: readonly string[], o: { before?: string[]; closeBeforeUp?: boolean; answer?: (i: number) => string } = {}): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-announce-spec-'));
  const report = path.join(dir, 'report.json');
  const child = spawn(PYTHON, [API_HELPER, ...args, '--report', report, '--max-seconds', '20'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let linesBeforeUp = -1;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (stderr += s));
  child.stdin.on('error', () => undefined); // the helper may exit before our last write
  readLines(child.stdout, (line) => {
    const i = lines.push(line) - 1;
    child.stdin.write(`${(o.answer ?? (() => 'done'))(i)}\n`);
  });
  for (const line of o.before ?? []) child.stdin.write(`${line}\n`);
  const closeOnReport = setInterval(() => {
    if (fs.existsSync(report)) child.stdin.end();
  }, 20);
  if (o.closeBeforeUp) child.stdin.end();
  else
    setTimeout(() => {
      linesBeforeUp = lines.length;
      child.stdin.write(`${UP}\n`);
    }, 300);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(closeOnReport);
      const text = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : undefined;
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ lines, linesBeforeUp, code, report: text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>), stderr });
    });
  });
}

const base = ['--first', '10.0.254.0', '--next-hop', '198.51.100.1'];

describe('api-announce.py', () => {
  it('prints nothing before the "up" event, then one announce route line per consecutive /24', async () => {
    const run = await drive(['--mode', 'routes', '--count', '5', ...base], { before: [CONNECTED] });
    expect(run.linesBeforeUp).toBe(0);
    expect(run.lines).toEqual([
      'announce route 10.0.254.0/24 next-hop 198.51.100.1',
      'announce route 10.0.255.0/24 next-hop 198.51.100.1',
      'announce route 10.1.0.0/24 next-hop 198.51.100.1',
      'announce route 10.1.1.0/24 next-hop 198.51.100.1',
      'announce route 10.1.2.0/24 next-hop 198.51.100.1',
    ]);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ mode: 'routes', count: 5, lines: 5, sent: 5, done: 5, error: 0, other: 0 });
    expect(run.report?.problem).toBeUndefined();
    // The "connected" event and the "up" event.
    expect(run.report).toMatchObject({ events: 2 });
  }, 30000);

  it('prints announce attributes ... nlri lines of --batch prefixes, the last one shorter', async () => {
    const run = await drive(['--mode', 'batches', '--count', '7', '--batch', '3', ...base]);
    expect(run.lines).toEqual([
      'announce attributes next-hop 198.51.100.1 nlri 10.0.254.0/24 10.0.255.0/24 10.1.0.0/24',
      'announce attributes next-hop 198.51.100.1 nlri 10.1.1.0/24 10.1.2.0/24 10.1.3.0/24',
      'announce attributes next-hop 198.51.100.1 nlri 10.1.4.0/24',
    ]);
    expect(run.report).toMatchObject({ mode: 'batches', count: 7, lines: 3, sent: 3, done: 3, error: 0 });
  }, 30000);

  it('writes a large run whole, every prefix once and in order', async () => {
    const count = 20000;
    const run = await drive(['--mode', 'routes', '--count', String(count), '--first', '10.0.0.0', '--next-hop', '198.51.100.1']);
    expect(run.lines).toHaveLength(count);
    const expected = (i: number) => `announce route 10.${i >> 8}.${i & 255}.0/24 next-hop 198.51.100.1`;
    expect(run.lines.findIndex((line, i) => line !== expected(i))).toBe(-1);
    expect(run.report).toMatchObject({ sent: count, done: count, error: 0 });
  }, 30000);

  it('counts error acks apart from done', async () => {
    const run = await drive(['--mode', 'routes', '--count', '4', ...base], { answer: (i) => (i % 2 ? 'error' : 'done') });
    expect(run.report).toMatchObject({ sent: 4, done: 2, error: 2 });
    expect(run.code).toBe(0);
  }, 30000);

  it('reports and exits 1 when its stdin closes before the session comes up', async () => {
    const run = await drive(['--mode', 'routes', '--count', '4', ...base], { closeBeforeUp: true });
    expect(run.lines).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.report).toMatchObject({ sent: 0, problem: 'stdin closed before the session came up' });
  }, 30000);

  it.each([
    [['--mode', 'routes', '--count', '4', '--first', '10.0.0.1', '--next-hop', '198.51.100.1'], /not a \/24 network address/],
    [['--mode', 'routes', '--count', '0', ...base], /expected a positive integer/],
    [['--mode', 'routes', '--count', '2', '--first', '255.255.255.0', '--next-hop', '198.51.100.1'], /leaves the IPv4 space/],
    [['--mode', 'lines', '--count', '2', ...base], /invalid choice/],
  ])('refuses %j', async (args, message) => {
    const run = await drive(args, { closeBeforeUp: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.report).toBeUndefined();
  }, 30000);
});
