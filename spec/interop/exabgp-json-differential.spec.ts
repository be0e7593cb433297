/**
 * rxbgp's ExaBGP JSON against the real ExaBGP (Debian's exabgp 4.2): the same bytes decoded by
 * lib/wire and printed by lib/api/exabgp-json must give, once time/host/pid/ppid/counter are
 * normalized, exactly the line ExaBGP prints.
 *
 * - every UPDATE case goes through `exabgp --decode HEX CONF` (one exabgp start each, two at a time);
 * - every case (UPDATE, OPEN, NOTIFICATION, KEEPALIVE, ROUTE-REFRESH, state, fsm, signal,
 *   negotiated, shutdown) goes through ExaBGP's own decoder and JSON encoder, driven by
 *   spec/fixtures/exabgp-json/exabgp-oracle.py in one process.
 *
 * UPDATE_FIXTURES=1 rewrites spec/fixtures/exabgp-json/expected.json from ExaBGP's answers
 * (the unit suite spec/api/exabgp-json/fixtures.spec.ts reads it without needing exabgp).
 */
import { execFile, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ALL_CASES, UPDATE_CASES, type JsonCase } from '../api/exabgp-json/helpers/cases';
import { normalizeJson } from '../api/exabgp-json/helpers/normalize';
import { oracleRequest, rxbgpJson } from '../api/exabgp-json/helpers/rxbgp-json';

const FIXTURES = join(__dirname, '..', 'fixtures', 'exabgp-json');
const ORACLE = join(FIXTURES, 'exabgp-oracle.py');
const PYTHON = '/usr/bin/python3';
/** Without log.short ExaBGP 4.2 crashes on Python 3.11 while logging (see shared/PEERS.md). */
const EXABGP_ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };

function exabgpAvailable(): string | undefined {
  const probe = spawnSync('exabgp', ['--version'], { env: EXABGP_ENV, encoding: 'utf8', timeout: 20000 });
  if (probe.error || probe.status !== 0) return `exabgp is not runnable (${probe.error?.message ?? `exit ${probe.status}`}): apt-get install exabgp`;
  const version = /^ExaBGP : 4\.\d+\.\d+$/m.exec(probe.stdout);
  if (!version) return `unexpected exabgp --version output: ${probe.stdout.slice(0, 200)}`;
  return undefined;
}

/** The neighbor of the oracle script's default, with the session settings of a case. */
function config(c: JsonCase): string {
  const capabilities = [c.asn4 === false ? 'asn4 disable;' : '', c.addpath ? 'add-path send/receive;' : ''].join(' ');
  return `neighbor 127.0.0.2 {
  router-id 127.0.0.1; local-address 127.0.0.1; local-as 65001; peer-as 65002;
  capability { ${capabilities} }
  family { ipv4 unicast; ipv6 unicast; ipv4 multicast; l2vpn evpn; }
}
`;
}

/** One configuration file per session variant, written before any exabgp reads it. */
function configFile(c: JsonCase, dir: string): string {
  return join(dir, `${c.asn4 === false ? 'asn2' : 'asn4'}-${c.addpath ? 'addpath' : 'plain'}.conf`);
}

function decodeWithExabgp(c: JsonCase, dir: string): Promise<string> {
  const conf = configFile(c, dir);
  return new Promise((resolve) => {
    execFile('exabgp', ['--decode', c.hex ?? '', conf], { env: EXABGP_ENV, cwd: dir, timeout: 30000, maxBuffer: 1 << 24 }, (error, stdout) => {
      const line = /update json (\{.*\})\s*$/m.exec(stdout);
      resolve(line ? line[1] : `exabgp --decode printed no JSON (${error?.message ?? 'no error'}): ${stdout.slice(-400)}`);
    });
  });
}

/** Runs `work` over `items` with at most `limit` running at once (the machine has 2 cores). */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function askOracle(cases: readonly JsonCase[]): string[] {
  const run = spawnSync(PYTHON, [ORACLE], {
    input: cases.map(oracleRequest).join('\n') + '\n',
    env: EXABGP_ENV,
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`exabgp-oracle.py failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== cases.length) throw new Error(`exabgp-oracle.py answered ${lines.length} of ${cases.length} requests`);
  return lines;
}

function normalizedOrRaw(line: string): string {
  return line.startsWith('{') ? normalizeJson(line) : line;
}

describe('ExaBGP JSON differential against exabgp 4.2', () => {
  const decoded = new Map<string, string>();
  const answered = new Map<string, string>();
  let dir = '';

  beforeAll(async () => {
    const missing = exabgpAvailable();
    if (missing) throw new Error(missing);
    dir = mkdtempSync(join(tmpdir(), 'rxbgp-exabgp-json-'));
    const decodeCases = UPDATE_CASES.filter((c) => c.decode);
    for (const c of decodeCases) writeFileSync(configFile(c, dir), config(c));
    const lines = await inParallel(decodeCases, 2, (c) => decodeWithExabgp(c, dir));
    decodeCases.forEach((c, i) => decoded.set(c.name, normalizedOrRaw(lines[i])));
    askOracle(ALL_CASES).forEach((line, i) => answered.set(ALL_CASES[i].name, normalizedOrRaw(line)));
  }, 120000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (process.env.UPDATE_FIXTURES === '1' && answered.size === ALL_CASES.length) {
      const stored = ALL_CASES.filter((c) => c.stored !== false);
      const expected = Object.fromEntries(stored.map((c) => [c.name, answered.get(c.name)]));
      writeFileSync(join(FIXTURES, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
    }
  });

  it('has at least 20 UPDATE messages for exabgp --decode', () => {
    expect(UPDATE_CASES.filter((c) => c.decode).length).toBeGreaterThanOrEqual(20);
  });

  it.each(UPDATE_CASES.filter((c) => c.decode).map((c) => [c.name, c] as const))('exabgp --decode: %s', (_name, c) => {
    expect(normalizeJson(rxbgpJson(c, 'in'))).toBe(decoded.get(c.name));
  });

  it.each(ALL_CASES.map((c) => [c.name, c] as const))('ExaBGP encoder: %s', (_name, c) => {
    expect(normalizeJson(rxbgpJson(c))).toBe(answered.get(c.name));
  });
});
