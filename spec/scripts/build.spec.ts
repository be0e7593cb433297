/**
 * scripts/build.js: `npm start`, `npm test` and `npm run bench` run tsc only when a source changed
 * since the last successful build, and a failed build stops them with tsc's errors.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const { INPUTS, STAMP, staleReason } = require('../../scripts/build.js') as {
  INPUTS: string[];
  STAMP: string;
  staleReason(root: string): string | undefined;
};
const SCRIPT = path.resolve(__dirname, '../../scripts/build.js');
const REPO = path.resolve(__dirname, '../..');

/** A small tree laid out like the checkout: lib/ and bench/ sources, the tsconfig files, package files. */
function makeTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-build-'));
  const files: Record<string, string> = {
    'lib/cli/main.ts': 'export const main = (argv: string[]): number => argv.length;\n',
    'lib/wire/header.ts': 'export const MARKER_LENGTH: number = 16;\n',
    'bench/run.ts': "import { MARKER_LENGTH } from '../lib/wire/header';\nexport const n = MARKER_LENGTH;\n",
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, outDir: 'dist', rootDir: '.', types: [] } }),
    'tsconfig.build.json': JSON.stringify({ extends: './tsconfig.json', include: ['lib', 'bench'] }),
    'package.json': '{ "name": "tree", "version": "0.0.0" }\n',
    'package-lock.json': '{}\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Sets the mtime of `dir` and everything under it to `when` (a tree last touched long ago). */
function age(dir: string, when: Date): void {
  for (const name of fs.readdirSync(dir)) {
    const entry = path.join(dir, name);
    if (fs.statSync(entry).isDirectory()) age(entry, when);
    fs.utimesSync(entry, when, when);
  }
  fs.utimesSync(dir, when, when);
}

/** A tree "built" an hour ago: the built CLI and the stamp in place, every source older. */
function builtTree(): string {
  const root = makeTree();
  fs.mkdirSync(path.join(root, 'dist/lib/cli'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist/lib/cli/main.js'), '');
  age(root, new Date(Date.now() - 2 * 3600_000));
  const built = new Date(Date.now() - 3600_000);
  fs.writeFileSync(path.join(root, STAMP), '');
  fs.utimesSync(path.join(root, STAMP), built, built);
  return root;
}

function run(root: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, '--root', root, ...args], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('scripts/build.js deciding whether to build', () => {
  const roots: string[] = [];
  const tree = (t: string) => (roots.push(t), t);
  afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const now = () => new Date();

  it('does not build a tree built after its last change', () => {
    expect(staleReason(tree(builtTree()))).toBeUndefined();
  });

  it('builds when a file under lib/ or bench/ was edited since', () => {
    const root = tree(builtTree());
    fs.utimesSync(path.join(root, 'lib/wire/header.ts'), now(), now());
    expect(staleReason(root)).toBe('lib changed since the last build');
    const other = tree(builtTree());
    fs.utimesSync(path.join(other, 'bench/run.ts'), now(), now());
    expect(staleReason(other)).toBe('bench changed since the last build');
  });

  it('builds when a source was deleted (only its directory changed)', () => {
    const root = tree(builtTree());
    fs.rmSync(path.join(root, 'lib/wire/header.ts'));
    expect(staleReason(root)).toBe('lib changed since the last build');
  });

  it('builds when a tsconfig or package.json changed', () => {
    for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']) {
      const root = tree(builtTree());
      fs.utimesSync(path.join(root, file), now(), now());
      expect(staleReason(root)).toBe(`${file} changed since the last build`);
    }
  });

  it('builds a tree never built, or whose built CLI is gone', () => {
    const fresh = tree(makeTree());
    expect(staleReason(fresh)).toMatch(/^no dist\/\.build-stamp/);
    const root = tree(builtTree());
    fs.rmSync(path.join(root, 'dist/lib/cli/main.js'));
    expect(staleReason(root)).toBe('dist/lib/cli/main.js is missing');
  });

  it("watches every folder tsconfig.build.json compiles", () => {
    const include = (JSON.parse(fs.readFileSync(path.join(REPO, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include;
    expect(INPUTS).toEqual(expect.arrayContaining(include));
  });
});

describe('scripts/build.js --if-changed running tsc', () => {
  let root: string;
  beforeAll(() => (root = makeTree()));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds once, then not again until a source changes', () => {
    const first = run(root, '--if-changed');
    expect(first).toEqual({ status: 0, output: 'rxbgp: building (no dist/.build-stamp (never built by scripts/build.js))\n' });
    expect(fs.existsSync(path.join(root, 'dist/lib/cli/main.js'))).toBe(true);
    expect(run(root, '--if-changed')).toEqual({ status: 0, output: '' });
  }, 60000);

  it("stops with tsc's errors when the build fails, and tries again next time", () => {
    const bad = path.join(root, 'lib/wire/header.ts');
    fs.writeFileSync(bad, 'export const MARKER_LENGTH: number = "sixteen";\n');
    const failed = run(root, '--if-changed');
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('rxbgp: building (lib changed since the last build)');
    expect(failed.output).toMatch(/lib\/wire\/header\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(failed.output).toContain('rxbgp: the build failed (tsc exit status 2): fix the errors above');
    expect(staleReason(root)).toBe('lib changed since the last build');
  }, 60000);
});
