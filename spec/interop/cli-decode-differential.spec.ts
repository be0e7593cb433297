/**
 * `rxbgp decode HEX` (the built command) against `exabgp --decode HEX` (Debian's exabgp 4.2):
 * the same UPDATE bytes must print the same JSON line once time/host/pid/ppid are normalized
 * (and the neighbor, which exabgp takes from its config file).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { UPDATE_CASES } from '../api/exabgp-json/helpers/cases';
import { normalizeJson } from '../api/exabgp-json/helpers/normalize';

const BIN = resolve(__dirname, '../../bin/rxbgp');
const EXABGP_ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };
const CONF = `neighbor 127.0.0.2 {
  router-id 127.0.0.1; local-address 127.0.0.1; local-as 65001; peer-as 65002;
  family { ipv4 unicast; ipv6 unicast; }
}
`;

/** exabgp --decode names the neighbor of its config file; `rxbgp decode` has none: compare the rest. */
const withoutNeighbor = (line: string) => normalizeJson(line).replace(/"neighbor": \{ "address": \{[^}]*\}, "asn": \{[^}]*\} ,/, '"neighbor": {');

// Plain 4-octet sessions without ADD-PATH: what `rxbgp decode` assumes without options.
const cases = UPDATE_CASES.filter((c) => c.asn4 !== false && !c.addpath && c.hex).slice(0, 8);

describe('rxbgp decode vs exabgp --decode', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxbgp-decode-'));
    writeFileSync(join(dir, 'e.conf'), CONF);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has cases to compare', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  it.each(cases.map((c) => [c.name, c.hex!]))('%s', (_name, hex) => {
    const ours = execFileSync(process.execPath, [BIN, 'decode', hex], { encoding: 'utf8', timeout: 15000 }).trim();
    const theirs = spawnSync('exabgp', ['--decode', hex, join(dir, 'e.conf')], { env: EXABGP_ENV, cwd: dir, encoding: 'utf8', timeout: 30000 });
    const line = /update json (\{.*\})\s*$/m.exec(theirs.stdout);
    if (!line) throw new Error(`exabgp --decode printed no JSON: ${theirs.stdout.slice(-300)} ${theirs.stderr.slice(-300)}`);
    expect(withoutNeighbor(ours)).toBe(withoutNeighbor(line[1]));
    expect(withoutNeighbor(ours)).not.toBe(normalizeJson(ours)); // the neighbor part was really cut
  });
});
