/**
 * bench/helpers/exabgp-count.py driven as ExaBGP 4.2 drives it: JSON events on its stdin. Its
 * reports on stderr are read with ExabgpCountWatch, as the bird-exabgp case reads them.
 */
import { spawn } from 'child_process';
import { EXABGP_COUNT_HELPER } from '../../../bench/cases/bird-exabgp';
import { PYTHON } from '../../../bench/cases/api-helper';
import { readLines } from '../../../bench/daemons/tracked-child';
import { EXABGP_COUNT_PREFIX, ExabgpCountWatch } from '../../../bench/measure/exabgp-count-watch';

/** ExaBGP 4.2's JSON encoder layout (reactor/api/response/json.py), spacing included. */
const head = '{ "exabgp": "4.0.1", "time": 1700000000.5, "host" : "h", "pid" : 1, "ppid" : 0, "counter": 1, ';
const who = '"neighbor": { "address": { "local": "127.0.0.2", "peer": "127.0.0.1" }, "asn": { "local": 65002, "peer": 65001 } ';
const state = (s: string) => `${head}"type": "state", ${who}, "state": "${s}" } }`;
const update = (body: string) => `${head}"type": "update", ${who}, "direction": "receive", "message": { ${body} } } }`;
const entries = (prefixes: readonly string[], compact: boolean) => prefixes.map((p) => (compact ? `"${p}"` : `{ "nlri": "${p}" }`)).join(', ');
const announce = (prefixes: readonly string[], o: { family?: string; compact?: boolean } = {}) =>
  update(
    `"update": { "attribute": { "origin": "igp", "as-path": [ 65001 ], "confederation-path": [] }, ` +
      `"announce": { "${o.family ?? 'ipv4 unicast'}": { "198.51.100.1": [ ${entries(prefixes, o.compact ?? false)} ] } } }`,
  );
const withdraw = (prefixes: readonly string[]) => update(`"update": { "withdraw": { "ipv4 unicast": [ ${entries(prefixes, false)} ] } }`);
const eor = update('"eor": { "afi" : "ipv4", "safi" : "unicast" }');

interface Run {
  readonly watch: ExabgpCountWatch;
  readonly reports: Array<Record<string, unknown>>;
  readonly other: string[];
  readonly code: number | null;
}

/** Runs the helper on `input` (stdin closed after it unless `keepOpen`) and collects its reports. */
function drive(args: readonly string[], input: readonly string[], keepOpen = false): Promise<Run> {
  const child = spawn(PYTHON, [EXABGP_COUNT_HELPER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const watch = new ExabgpCountWatch();
  const reports: Array<Record<string, unknown>> = [];
  const other: string[] = [];
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (s: string) => (stdout += s));
  readLines(child.stderr, (line) => {
    watch.line(line);
    if (line.startsWith(EXABGP_COUNT_PREFIX)) reports.push(JSON.parse(line.slice(EXABGP_COUNT_PREFIX.length)) as Record<string, unknown>);
    else other.push(line);
  });
  child.stdin.on('error', () => undefined);
  child.stdin.write(input.map((l) => `${l}\n`).join(''));
  if (!keepOpen) child.stdin.end();
  return new Promise((resolve) => {
    child.on('close', (code) => {
      // Its stdout is ExaBGP's command channel: a consumer must not write there.
      if (stdout) other.push(`stdout: ${stdout}`);
      resolve({ watch, reports, other, code });
    });
  });
}

const progressCounts = (run: Run) => run.reports.filter((r) => r.event === 'progress').map((r) => r.distinct);

describe('exabgp-count.py', () => {
  it('counts distinct prefixes of the run, repeats, strangers, other families and withdrawals, in the order reported', async () => {
    const run = await drive(
      ['--first', '10.0.255.0', '--count', '4', '--max-seconds', '20'],
      [
        state('connected'),
        state('up'),
        announce(['10.0.255.0/24', '10.1.0.0/24', '10.1.0.0/24', '11.0.0.0/24', '10.1.0.1/24', '10.1.2.0/23']),
        'this is not JSON',
        announce(['2001:db8::/32'], { family: 'ipv6 unicast' }),
        withdraw(['10.1.0.0/24', '12.0.0.0/24']),
        announce(['10.1.1.0/24', '10.1.2.0/24'], { compact: true }),
        announce(['10.1.0.0/24']),
        eor,
      ],
    );
    expect(run.other).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.reports.map((r) => (r.event === 'tally' ? `tally ${String(r.why)}` : r.event))).toEqual([
      'ready',
      'up',
      'progress',
      'progress',
      'progress',
      'progress',
      'progress',
      'tally done',
      'tally eor',
      'tally eof',
    ]);
    // 1 % steps of 4 are every count; the withdrawal takes 2 back to 1, so 2 is reached (and reported) twice.
    expect(progressCounts(run)).toEqual([1, 2, 2, 3, 4]);
    expect(run.watch.eorTally).toEqual({
      why: 'eor',
      distinct: 4,
      count: 4,
      entries: 9,
      duplicates: 1,
      unexpected: 3,
      withdrawn: 2,
      otherFamilies: 1,
      updates: 5,
      eors: 1,
      strays: 1,
      lines: 9,
      events: { state: 2, update: 6 },
      cpuSeconds: expect.any(Number) as number,
    });
    expect(run.watch.session.upAt).toBeDefined();
    expect(run.watch.reachedAt(4)).toBeGreaterThanOrEqual(run.watch.session.upAt!);
    expect(run.watch.helperPid).toEqual(expect.any(Number));
  }, 30000);

  it('reports each 1 % of N and the marks asked for, then the tally when all N are held', async () => {
    const prefixes = Array.from({ length: 1000 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const run = await drive(['--first', '10.0.0.0', '--count', '1000', '--mark', '995', '--mark', '5000', '--max-seconds', '20'], [
      state('up'),
      announce(prefixes.slice(0, 600)),
      announce(prefixes.slice(600)),
    ]);
    const expected = Array.from({ length: 100 }, (_, k) => 10 * (k + 1));
    expected.splice(99, 0, 995);
    expect(progressCounts(run)).toEqual(expected);
    expect(run.watch.tally).toMatchObject({ why: 'eof', distinct: 1000, entries: 1000, duplicates: 0, unexpected: 0 });
    expect(run.reports.filter((r) => r.event === 'tally').map((r) => r.why)).toEqual(['done', 'eof']);
  }, 30000);

  it('does not count anything as up before the "up" state event', async () => {
    const run = await drive(['--first', '10.0.0.0', '--count', '2', '--max-seconds', '20'], [state('connected'), announce(['10.0.0.0/24'])]);
    expect(run.watch.session.upAt).toBeUndefined();
    expect(run.watch.distinct).toBe(1);
    expect(run.watch.reachedAt(1)).toBeUndefined();
  }, 30000);

  it('writes its tally and exits by itself after --max-seconds while stdin stays open', async () => {
    const run = await drive(['--first', '10.0.0.0', '--count', '2', '--max-seconds', '1'], [state('up')], true);
    expect(run.code).toBe(2);
    expect(run.watch.tally).toMatchObject({ why: 'time', distinct: 0 });
  }, 30000);

  it('refuses a first prefix that is not a /24 network address', async () => {
    const run = await drive(['--first', '10.0.0.1', '--count', '2', '--max-seconds', '20'], []);
    expect(run.code).toBe(2);
    expect(run.reports).toEqual([]);
    expect(run.other.join('\n')).toMatch(/not a \/24 network address/);
  }, 30000);
});
