/**
 * spec/fixtures/labeled-prefix/exabgp-qa.json against the real ExaBGP 4.2 (Debian's exabgp): each
 * UPDATE's "exabgp42" is what `exabgp --decode` prints for it (with ADD-PATH negotiated where the
 * vector says so), and "exabgp42Text" what its text encoder prints
 * (spec/fixtures/labeled-prefix/exabgp-text-oracle.py). The unit suite compares rxbgp with the
 * fixture (spec/families/labeled-prefix/exabgp-events.spec.ts); this keeps the fixture honest.
 */
import { execFile, spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { makeTempDir, removeTempDir } from './harness/temp-dir';

interface Vector {
  readonly name: string;
  readonly hex: string;
  readonly addPath: boolean;
  readonly exabgp42: string;
  readonly exabgp42Text: string;
}

const VECTORS: Vector[] = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'labeled-prefix', 'exabgp-qa.json'), 'utf8'));
const TEXT_ORACLE = join(__dirname, '..', 'fixtures', 'labeled-prefix', 'exabgp-text-oracle.py');
/** Without log.short ExaBGP 4.2 crashes on Python 3.11 while logging (see shared/PEERS.md). */
const EXABGP_ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };

function config(addPath: boolean): string {
  return `neighbor 127.0.0.2 {
  router-id 127.0.0.1; local-address 127.0.0.1; local-as 65001; peer-as 65001;
  family { ipv4 unicast; ipv6 unicast; ipv4 nlri-mpls; ipv6 nlri-mpls; ipv4 mpls-vpn; ipv6 mpls-vpn; }
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

describe('labeled / L3VPN fixture against exabgp 4.2', () => {
  let dir = '';
  beforeAll(() => {
    dir = makeTempDir('labeled-exabgp');
    writeFileSync(join(dir, 'plain.conf'), config(false));
    writeFileSync(join(dir, 'add-path.conf'), config(true));
  });
  afterAll(() => removeTempDir(dir));

  it('runs ExaBGP 4.2', () => {
    const probe = spawnSync('exabgp', ['--version'], { env: EXABGP_ENV, encoding: 'utf8', timeout: 20000 });
    expect(probe.stdout).toMatch(/^ExaBGP : 4\.2\.\d+$/m);
  });

  it('holds what exabgp --decode prints for every vector', async () => {
    const answers: string[] = [];
    for (let i = 0; i < VECTORS.length; i += 2) {
      const pair = VECTORS.slice(i, i + 2);
      answers.push(...(await Promise.all(pair.map((v) => decodeWithExabgp(v.hex, join(dir, v.addPath ? 'add-path.conf' : 'plain.conf'))))));
    }
    expect(answers).toEqual(VECTORS.map((v) => v.exabgp42));
  }, 300000);

  it("holds what ExaBGP's text encoder prints for every vector", () => {
    const input = VECTORS.map((v) => JSON.stringify({ kind: 'message', hex: v.hex, direction: 'receive', asn4: true, addpath: v.addPath })).join('\n') + '\n';
    const run = spawnSync('/usr/bin/python3', [TEXT_ORACLE], { input, env: EXABGP_ENV, encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 26 });
    expect(run.status).toBe(0);
    const texts = run.stdout.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as string).replace(/\n$/, ''));
    expect(texts).toEqual(VECTORS.map((v) => v.exabgp42Text));
  }, 150000);
});
