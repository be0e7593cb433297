/**
 * `rxbgp decode HEX` (the built command) against `exabgp --decode HEX` (Debian's exabgp 4.2), and
 * `rxbgp decode --add-path` / `--add-path-family` against exabgp with `add-path send/receive`:
 * the same UPDATE bytes must print the same JSON line once time/host/pid/ppid are normalized
 * (and the neighbor, which exabgp takes from its config file).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { UPDATE_CASES } from '../api/exabgp-json/helpers/cases';
import { normalizeJson } from '../api/exabgp-json/helpers/normalize';
import { TEXT_ONLY_CASES } from '../api/exabgp-text/helpers/cases';

const BIN = resolve(__dirname, '../../bin/rxbgp');
const EXABGP_ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };
const CONF = `neighbor 127.0.0.2 {
  router-id 127.0.0.1; local-address 127.0.0.1; local-as 65001; peer-as 65002;
  family { ipv4 unicast; ipv6 unicast; }
}
`;
/** The same neighbor with extended next hop (RFC 8950) both ways, as ExaBGP needs to read such next hops. */
const NEXTHOP_CONF = CONF.replace('family {', 'nexthop { ipv4 unicast ipv6; ipv6 unicast ipv4; }\n  family {');
/** RFC 8950 next hops, which `rxbgp decode` reads without options: IPv4 NLRI with IPv6 next hops, and the reverse. */
const NEXTHOP_CASES: ReadonlyArray<readonly [string, string]> = [
  [
    'IPv4 NLRI with a 16-octet IPv6 next hop',
    'ffffffffffffffffffffffffffffffff003a020000002340010100400200800e190001011020010db800000000000000000000000100180a0000',
  ],
  [
    'IPv4 NLRI with global and link-local IPv6 next hops',
    'ffffffffffffffffffffffffffffffff004a020000003340010100400200800e290001012020010db8000000000000000000000001fe80000000000000000000000000000100180a0000',
  ],
  ['IPv6 NLRI with a 4-octet IPv4 next hop', 'ffffffffffffffffffffffffffffffff0038020000002140010100400200800e1700020104c0000201003020010db800013020010db80002'],
];
/** The same neighbor with ADD-PATH (RFC 7911) both ways on its families: `rxbgp decode --add-path`. */
const ADD_PATH_CONF = CONF.replace('family {', 'capability { add-path send/receive; }\n  family {');

/** exabgp --decode names the neighbor of its config file; `rxbgp decode` has none: compare the rest. */
const withoutNeighbor = (line: string) => normalizeJson(line).replace(/"neighbor": \{ "address": \{[^}]*\}, "asn": \{[^}]*\} ,/, '"neighbor": {');

// Plain 4-octet sessions without ADD-PATH: what `rxbgp decode` assumes without options.
const cases = UPDATE_CASES.filter((c) => c.asn4 !== false && !c.addpath && c.hex).slice(0, 8);
// ADD-PATH sessions: `rxbgp decode --add-path`, and `--add-path-family` naming the families used.
const addPathCases = [...UPDATE_CASES, ...TEXT_ONLY_CASES].filter((c) => c.asn4 !== false && c.addpath && c.hex && c.direction !== 'send');

describe('rxbgp decode vs exabgp --decode', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxbgp-decode-'));
    writeFileSync(join(dir, 'e.conf'), CONF);
    writeFileSync(join(dir, 'addpath.conf'), ADD_PATH_CONF);
    writeFileSync(join(dir, 'nexthop.conf'), NEXTHOP_CONF);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has cases to compare', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  it('has ADD-PATH cases to compare', () => expect(addPathCases.length).toBeGreaterThanOrEqual(2));

  it.each([
    ...cases.map((c) => [c.name, c.hex!, [] as string[], 'e.conf'] as const),
    ...addPathCases.map((c) => [`${c.name} (--add-path)`, c.hex!, ['--add-path'], 'addpath.conf'] as const),
    ...NEXTHOP_CASES.map(([name, hex]) => [name, hex, [] as string[], 'nexthop.conf'] as const),
    ...addPathCases.map((c) => [`${c.name} (--add-path-family)`, c.hex!, ['--add-path-family', 'ipv4 unicast', '--add-path-family', 'ipv6 unicast'], 'addpath.conf'] as const),
  ])('%s', (_name, hex, options, conf) => {
    const ours = execFileSync(process.execPath, [BIN, 'decode', ...options, hex], { encoding: 'utf8', timeout: 15000 }).trim();
    const theirs = spawnSync('exabgp', ['--decode', hex, join(dir, conf)], { env: EXABGP_ENV, cwd: dir, encoding: 'utf8', timeout: 30000 });
    const line = /update json (\{.*\})\s*$/m.exec(theirs.stdout);
    if (!line) throw new Error(`exabgp --decode printed no JSON: ${theirs.stdout.slice(-300)} ${theirs.stderr.slice(-300)}`);
    expect(withoutNeighbor(ours)).toBe(withoutNeighbor(line[1]));
    expect(withoutNeighbor(ours)).not.toBe(normalizeJson(ours)); // the neighbor part was really cut
  });
});
