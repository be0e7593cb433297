/**
 * bench/helpers/flow-announce.py driven as a daemon and the bench drive it: JSON events and acks
 * on its stdin, lines read from its stdout, and (latency mode) one octet per line on its Unix socket.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { PYTHON } from '../../../bench/cases/api-helper';
import { FLOW_HELPER, flowHelperCommand } from '../../../bench/cases/flow-api';
import { readLines } from '../../../bench/daemons/tracked-child';

const UP = JSON.stringify({ exabgp: '4.0.1', type: 'state', neighbor: { address: { local: '127.0.0.1', peer: '127.0.0.2' }, state: 'up' } });
const RULES = ['announce flow route destination 10.64.0.0/32 protocol [ udp ] discard', 'announce flow route destination 10.64.0.1/32 protocol [ tcp ] rate-limit 1024'];

interface Run {
  readonly lines: string[];
  readonly linesBeforeUp: number;
  readonly code: number | null;
  readonly report: Record<string, unknown> | undefined;
  /** Latency mode: lines read by the time each octet was sent. */
  readonly linesAtSignal: number[];
}

async function drive(mode: 'bulk' | 'latency', o: { signalNothing?: boolean } = {}): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-announce-spec-'));
  const linesFile = path.join(dir, 'rules.txt');
  fs.writeFileSync(linesFile, RULES.map((l) => `${l}\n`).join(''));
  const report = path.join(dir, 'report.json');
  const socketPath = path.join(dir, 'signal.sock');
  const lines: string[] = [];
  const linesAtSignal: number[] = [];
  let client: net.Socket | undefined;
  const server = net.createServer((s) => (client = s));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const args = flowHelperCommand({ mode, linesFile, reportFile: report, maxSeconds: o.signalNothing ? 3 : 20, signalSocket: mode === 'latency' ? socketPath : undefined, gapMs: 1 });
  expect(args.slice(0, 2)).toEqual([PYTHON, FLOW_HELPER]);
  const child = spawn(args[0]!, args.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  readLines(child.stdout, (line) => {
    lines.push(line);
    child.stdin.write('done\n');
    if (mode === 'latency' && !o.signalNothing) {
      linesAtSignal.push(lines.length);
      setTimeout(() => client?.write(Buffer.from([1])), 20);
    }
  });
  let linesBeforeUp = -1;
  setTimeout(() => {
    linesBeforeUp = lines.length;
    child.stdin.write(`${UP}\n`);
  }, 300);
  const closeOnReport = setInterval(() => {
    if (fs.existsSync(report)) child.stdin.end();
  }, 20);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(closeOnReport);
      client?.destroy();
      server.close();
      const text = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : undefined;
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ lines, linesBeforeUp, code, linesAtSignal, report: text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>) });
    });
  });
}

describe('flow-announce.py', () => {
  it('bulk: prints nothing before "up", then every line of the file, and reports the acks', async () => {
    const run = await drive('bulk');
    expect(run.linesBeforeUp).toBe(0);
    expect(run.lines).toEqual(RULES);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ mode: 'bulk', lines: 2, sent: 2, done: 2, error: 0 });
  }, 30000);

  it('latency: writes the next line only after the octet for the last, and reports each write time', async () => {
    const run = await drive('latency');
    expect(run.lines).toEqual(RULES);
    expect(run.linesAtSignal).toEqual([1, 2]);
    expect(run.code).toBe(0);
    const written = run.report?.written_ns as number[];
    expect(written).toHaveLength(2);
    // The second line waited for the first octet, sent 20 ms after the first line was read.
    expect(written[1]! - written[0]!).toBeGreaterThan(20e6);
    expect(run.report).toMatchObject({ mode: 'latency', sent: 2, done: 2 });
  }, 30000);

  it('latency: gives up at --max-seconds when no octet comes, with the lines written so far', async () => {
    const run = await drive('latency', { signalNothing: true });
    expect(run.lines).toEqual([RULES[0]]);
    expect(run.code).toBe(1);
    expect(run.report).toMatchObject({ sent: 1, problem: 'out of time waiting for the UPDATE of line 1' });
  }, 30000);
});
