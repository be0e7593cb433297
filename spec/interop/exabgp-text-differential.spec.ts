/**
 * rxbgp's ExaBGP text events against the real ExaBGP (Debian's exabgp 4.2): every case of the
 * JSON case table (UPDATE, OPEN, NOTIFICATION, KEEPALIVE, ROUTE-REFRESH, state, fsm, signal,
 * negotiated, shutdown), decoded by lib/wire and printed by lib/api/exabgp-text, must give
 * exactly what ExaBGP's own decoder and text encoder give, driven by
 * spec/fixtures/exabgp-text/exabgp-text-oracle.py in one process.
 *
 * UPDATE_FIXTURES=1 rewrites spec/fixtures/exabgp-text/expected.json from ExaBGP's answers
 * (the unit suite spec/api/exabgp-text/fixtures.spec.ts reads it without needing exabgp).
 */
import { spawnSync } from 'child_process';
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { JsonCase } from '../api/exabgp-json/helpers/cases';
import { TEXT_CASES as ALL_CASES } from '../api/exabgp-text/helpers/cases';
import { oracleRequest } from '../api/exabgp-json/helpers/rxbgp-json';
import { normalizeText, rxbgpText } from '../api/exabgp-text/helpers/rxbgp-text';

const FIXTURES = join(__dirname, '..', 'fixtures', 'exabgp-text');
const ORACLE = join(FIXTURES, 'exabgp-text-oracle.py');
const PYTHON = '/usr/bin/python3';
const EXABGP_MODULE = '/usr/lib/python3/dist-packages/exabgp/reactor/api/response/text.py';
/** Without log.short ExaBGP 4.2 crashes on Python 3.11 while logging (see shared/PEERS.md). */
const EXABGP_ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };

/** Each answer is one JSON value per line: the text (with its newlines) or null. */
function askOracle(cases: readonly JsonCase[]): Array<string | undefined> {
  const run = spawnSync(PYTHON, [ORACLE], {
    input: cases.map(oracleRequest).join('\n') + '\n',
    env: EXABGP_ENV,
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`exabgp-text-oracle.py failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== cases.length) throw new Error(`exabgp-text-oracle.py answered ${lines.length} of ${cases.length} requests`);
  return lines.map((line) => normalizeText(JSON.parse(line) as string | null));
}

describe('ExaBGP text differential against exabgp 4.2', () => {
  const answered = new Map<string, string | undefined>();

  beforeAll(() => {
    if (!existsSync(EXABGP_MODULE)) throw new Error(`ExaBGP's text encoder is missing (${EXABGP_MODULE}): apt-get install exabgp`);
    askOracle(ALL_CASES).forEach((answer, i) => answered.set(ALL_CASES[i].name, answer));
  }, 120000);

  afterAll(() => {
    if (process.env.UPDATE_FIXTURES === '1' && answered.size === ALL_CASES.length) {
      const stored = ALL_CASES.filter((c) => c.stored !== false);
      const expected = Object.fromEntries(stored.map((c) => [c.name, answered.get(c.name) ?? null]));
      writeFileSync(join(FIXTURES, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
    }
  });

  it('asked ExaBGP about every message type', () => {
    const kinds = new Set(ALL_CASES.filter((c) => c.kind === 'message').map((c) => Buffer.from(c.hex ?? '', 'hex')[18]));
    expect([...kinds].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it.each(ALL_CASES.map((c) => [c.name, c] as const))('ExaBGP text encoder: %s', (_name, c) => {
    const expected = answered.get(c.name);
    expect(expected?.startsWith('ERROR')).not.toBe(true);
    expect(rxbgpText(c)).toBe(expected);
  });
});
