/**
 * spec/fixtures/evpn/exabgp.json against the real ExaBGP 4.2 (Debian's exabgp): for each EVPN vector
 * (spec/families/evpn/helpers/vectors.ts), "exabgp42" is what `exabgp --decode` prints (ADD-PATH
 * negotiated where the vector says so) and "exabgp42Text" what its text encoder prints
 * (spec/fixtures/exabgp-text/exabgp-text-oracle.py, whose session already negotiates l2vpn evpn).
 * The unit suite compares rxbgp with the fixture (spec/families/evpn/exabgp-events.spec.ts); this
 * keeps the fixture honest. UPDATE_FIXTURES=1 writes the fixture from ExaBGP's answers.
 */
import { execFile, spawnSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { evpnVectors, NOT_FOR_EXABGP_42 } from '../families/evpn/helpers/vectors';
import { makeTempDir, removeTempDir } from './harness/temp-dir';

interface Fixture {
  readonly name: string;
  readonly hex: string;
  readonly addPath: boolean;
  readonly exabgp42: string;
  readonly exabgp42Text: string;
}

const FIXTURE = join(__dirname, '..', 'fixtures', 'evpn', 'exabgp.json');
const TEXT_ORACLE = join(__dirname, '..', 'fixtures', 'exabgp-text', 'exabgp-text-oracle.py');
/** Without log.short ExaBGP 4.2 crashes on Python 3.11 while logging (see shared/PEERS.md). */
const EXABGP_ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };
const VECTORS = evpnVectors().filter((v) => !NOT_FOR_EXABGP_42.has(v.name));

function config(addPath: boolean): string {
  return `neighbor 127.0.0.2 {
  router-id 127.0.0.1; local-address 127.0.0.1; local-as 65001; peer-as 65001;
  family { ipv4 unicast; l2vpn evpn; }
${addPath ? '  capability { add-path send/receive; }\n' : ''}}
`;
}

function decodeWithExabgp(hex: string, file: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('exabgp', ['--decode', hex, file], { env: EXABGP_ENV, timeout: 30000, maxBuffer: 1 << 24 }, (error, stdout) => {
      const line = /update json (\{.*\})\s*$/m.exec(stdout);
      const message = line ? /"message": (.*) \} \}$/.exec(line[1]) : null;
      resolve(message ? message[1] : `FAILED ${error?.message ?? ''} ${stdout.slice(-300)}`);
    });
  });
}

describe('EVPN fixture against exabgp 4.2', () => {
  let dir = '';
  const json: string[] = [];
  const text: string[] = [];
  beforeAll(() => {
    dir = makeTempDir('evpn-exabgp');
    writeFileSync(join(dir, 'plain.conf'), config(false));
    writeFileSync(join(dir, 'add-path.conf'), config(true));
  });
  afterAll(() => {
    removeTempDir(dir);
    if (process.env.UPDATE_FIXTURES === '1' && json.length === VECTORS.length && text.length === VECTORS.length) {
      const fixture: Fixture[] = VECTORS.map((v, i) => ({ ...v, exabgp42: json[i], exabgp42Text: text[i] }));
      writeFileSync(FIXTURE, JSON.stringify(fixture, null, 1) + '\n');
    }
  });

  it('runs ExaBGP 4.2', () => {
    const probe = spawnSync('exabgp', ['--version'], { env: EXABGP_ENV, encoding: 'utf8', timeout: 20000 });
    expect(probe.stdout).toMatch(/^ExaBGP : 4\.2\.\d+$/m);
  });

  it('holds what exabgp --decode prints for every vector', async () => {
    for (let i = 0; i < VECTORS.length; i += 2) {
      const pair = VECTORS.slice(i, i + 2);
      json.push(...(await Promise.all(pair.map((v) => decodeWithExabgp(v.hex, join(dir, v.addPath ? 'add-path.conf' : 'plain.conf'))))));
    }
    for (const answer of json) expect(answer).not.toMatch(/^FAILED/);
    if (process.env.UPDATE_FIXTURES !== '1') expect(json).toEqual(stored().map((v) => v.exabgp42));
  }, 300000);

  it("holds what ExaBGP's text encoder prints for every vector", () => {
    const input = VECTORS.map((v) => JSON.stringify({ kind: 'message', hex: v.hex, direction: 'receive', asn4: true, addpath: v.addPath })).join('\n') + '\n';
    const run = spawnSync('/usr/bin/python3', [TEXT_ORACLE], { input, env: EXABGP_ENV, encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 26 });
    expect(run.status).toBe(0);
    text.push(...run.stdout.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as string).replace(/\n$/, '')));
    if (process.env.UPDATE_FIXTURES !== '1') expect(text).toEqual(stored().map((v) => v.exabgp42Text));
  }, 150000);
});

function stored(): Fixture[] {
  if (!existsSync(FIXTURE)) throw new Error(`${FIXTURE} is missing: run this spec with UPDATE_FIXTURES=1`);
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture[];
  expect(fixture.map((v) => [v.name, v.hex, v.addPath])).toEqual(VECTORS.map((v) => [v.name, v.hex, v.addPath]));
  return fixture;
}
