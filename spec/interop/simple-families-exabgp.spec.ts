/**
 * spec/fixtures/simple-families/vectors.json against the real ExaBGPs, as fill-expected.py made it:
 * each UPDATE's "exabgp42" is what Debian's ExaBGP 4.2 `exabgp --decode` prints (ADD-PATH negotiated
 * where the vector says so), "exabgp42Text" what its text encoder prints
 * (spec/fixtures/simple-families/exabgp-text-oracle.py), and "exabgp5" what ExaBGP 5's `exabgp
 * decode` prints for the families 4.2 does not negotiate (ipv4 rtc, ipv6 multicast): its source is
 * taken from the ExaBGP repository mirror (EXABGP5_REPO, a bare git directory, default
 * /work/.mirror/Exa-Networks+exabgp/repo) and run with Python 3.12 (PYTHON312, default pyenv's), as
 * ExaBGP 5 needs. The unit specs (spec/families/{multicast,vpls,rtc}) compare rxbgp with the fixture;
 * this keeps the fixture honest.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { makeTempDir, removeTempDir } from './harness/temp-dir';

const FIXTURES = join(__dirname, '..', 'fixtures', 'simple-families');
const EXABGP5_REPO = process.env.EXABGP5_REPO ?? '/work/.mirror/Exa-Networks+exabgp/repo';
const PYTHON312 = process.env.PYTHON312 ?? '/root/.pyenv/versions/3.12.1/bin/python3';
const ENV = { ...process.env, 'exabgp.log.short': 'true', 'exabgp.api.cli': 'false', 'exabgp.log.destination': 'stdout' };

describe('simple-families fixture against ExaBGP 4.2 and 5', () => {
  let dir = '';
  beforeAll(() => {
    dir = makeTempDir('simple-families-exabgp');
    // ExaBGP 5's src/ from the mirror (a bare repository: git archive, no work tree).
    execFileSync('sh', ['-c', `git -C '${EXABGP5_REPO}' archive HEAD src | tar -x -C '${dir}'`], { timeout: 60000 });
  }, 90000);
  afterAll(() => removeTempDir(dir));

  it('runs ExaBGP 4.2 and ExaBGP 5', () => {
    expect(spawnSync('exabgp', ['--version'], { env: ENV, encoding: 'utf8', timeout: 20000 }).stdout).toMatch(/^ExaBGP : 4\.2\.\d+$/m);
    expect(spawnSync(PYTHON312, ['-m', 'exabgp', 'decode', '--help'], { env: { ...ENV, PYTHONPATH: join(dir, 'src') }, encoding: 'utf8', timeout: 60000 }).stdout).toContain('--path-information');
  }, 90000);

  it('holds what both print for every vector (fill-expected.py on make-vectors.py gives the fixture)', () => {
    const vectors = join(dir, 'vectors.json');
    writeFileSync(vectors, execFileSync('/usr/bin/python3', [join(FIXTURES, 'make-vectors.py')], { encoding: 'utf8' }));
    const filled = execFileSync('/usr/bin/python3', [join(FIXTURES, 'fill-expected.py'), vectors], {
      env: { ...ENV, EXABGP5_SRC: join(dir, 'src'), PYTHON312 },
      encoding: 'utf8',
      timeout: 600000,
      maxBuffer: 1 << 24,
    });
    expect(JSON.parse(filled)).toEqual(JSON.parse(readFileSync(join(FIXTURES, 'vectors.json'), 'utf8')));
  }, 650000);
});
