/** Loading policy modules: JavaScript and TypeScript, the three export forms, reloads, errors. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Subject } from 'rxjs';
import { loadPolicyFactory, PolicyLoadError } from '../../lib/policy/load-policy';
import type { PolicyContext, RouteBatch } from '../../lib/policy/types';
import { queueScheduler } from 'rxjs';

const RXJS = JSON.stringify(require.resolve('rxjs'));
const context: PolicyContext = {
  name: 'p',
  direction: 'import',
  neighbor: { name: 'n', peerAddress: '127.0.0.2', peerAs: 65002, localAs: 65001 },
  logger: { info() {}, warn() {}, error() {} },
  scheduler: queueScheduler,
};
const batch: RouteBatch = { type: 'update', withdrawn: [], attributes: { origin: 0 }, announced: [{ afi: 1, safi: 1, nextHop: ['198.51.100.1'], prefixes: ['10.0.0.0/24'] }] };

function medOf(file: string, options: Record<string, unknown> = {}): number | undefined {
  const input = new Subject<RouteBatch>();
  let out: RouteBatch | undefined;
  loadPolicyFactory(file)(options, context)(input).subscribe((b) => (out = b));
  input.next(batch);
  return out?.attributes.med;
}

describe('loadPolicyFactory', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-load-policy-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('loads a TypeScript module (types erased) with an ES default export', () => {
    const file = write(
      'med.ts',
      `import { map } from ${RXJS};
interface Options { med?: number }
export default (options: Options) => map((b: any) => ({ ...b, attributes: { ...b.attributes, med: options.med ?? 1 } }));
`,
    );
    expect(medOf(file, { med: 7 })).toBe(7);
  });

  it('loads JavaScript exporting the factory as module.exports, default or policy', () => {
    const body = `require(${RXJS}).map((b) => ({ ...b, attributes: { ...b.attributes, med: 2 } }))`;
    expect(medOf(write('a.js', `module.exports = () => ${body};`))).toBe(2);
    expect(medOf(write('b.cjs', `exports.default = () => ${body};`))).toBe(2);
    expect(medOf(write('c.js', `exports.policy = () => ${body};`))).toBe(2);
  });

  it('reads the file again on each load (a reload picks up an edit)', () => {
    const file = write('edit.js', `module.exports = () => require(${RXJS}).map((b) => ({ ...b, attributes: { ...b.attributes, med: 1 } }));`);
    expect(medOf(file)).toBe(1);
    fs.writeFileSync(file, `module.exports = () => require(${RXJS}).map((b) => ({ ...b, attributes: { ...b.attributes, med: 9 } }));`);
    expect(medOf(file)).toBe(9);
  });

  it('says what is wrong: no factory, a syntax error, a throw at load', () => {
    expect(() => loadPolicyFactory(write('none.js', 'module.exports = { x: 1 };'))).toThrow(/none\.js: exports no policy factory/);
    expect(() => loadPolicyFactory(write('syntax.js', 'module.exports = (;'))).toThrow(PolicyLoadError);
    expect(() => loadPolicyFactory(write('throws.js', "throw new Error('no database');"))).toThrow(/throws\.js: no database/);
    expect(() => loadPolicyFactory(path.join(dir, 'missing.js'))).toThrow(/missing\.js: cannot read: ENOENT/);
  });
});

describe('loadPolicyFactory, a policy kept outside the checkout with no node_modules of its own', () => {
  const REPO = path.resolve(__dirname, '../..');
  const real = (file: string) => fs.realpathSync(file);
  /** rxbgp's own copies: 'rxbgp' is the built package (its "exports"), 'rxjs' the one in its node_modules. */
  const OWN_RXBGP = real(path.join(REPO, 'dist/lib/index.js'));
  const OWN_RXJS = real(require.resolve('rxjs', { paths: [REPO] }));
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-policy-elsewhere-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  /** The factory's module exports `resolved`: where its require found rxbgp and rxjs. */
  const resolvedBy = (file: string) => (loadPolicyFactory(file) as unknown as { resolved: Record<string, string> }).resolved;

  it('requires rxbgp, rxjs and rxjs/operators, resolved to rxbgp\'s own copies', () => {
    expect(dir.startsWith(REPO)).toBe(false);
    const file = write(
      'set-med.js',
      `const { mapAttributes } = require('rxbgp');
const { pipe } = require('rxjs');
const { tap } = require('rxjs/operators');
module.exports = (options) => pipe(tap(() => undefined), mapAttributes((a) => ({ ...a, med: options.med })));
module.exports.resolved = { rxbgp: require.resolve('rxbgp'), rxjs: require.resolve('rxjs') };
`,
    );
    expect(medOf(file, { med: 41 })).toBe(41);
    const resolved = resolvedBy(file);
    expect(real(resolved.rxbgp)).toBe(OWN_RXBGP);
    expect(real(resolved.rxjs)).toBe(OWN_RXJS);
  });

  it('gives its own helper files the same require (a shared/ folder beside the policy)', () => {
    write('shared/med.js', "const { map } = require('rxjs');\nexports.setMed = (med) => map((b) => ({ ...b, attributes: { ...b.attributes, med } }));\n");
    const file = write('uses-helper.js', "const { setMed } = require('./shared/med');\nrequire('rxbgp');\nmodule.exports = (options) => setMed(options.med);\n");
    expect(medOf(file, { med: 42 })).toBe(42);
  });

  it('loads TypeScript importing rxbgp, rxjs/operators and a TypeScript helper beside it', () => {
    write('ts-helper.ts', "import { map } from 'rxjs/operators';\nimport type { RouteBatch } from 'rxbgp';\nexport const setMed = (med: number) => map((b: RouteBatch) => ({ ...b, attributes: { ...b.attributes, med } }));\n");
    const file = write(
      'typed.ts',
      `import { PrefixList } from 'rxbgp';
import { setMed } from './ts-helper';
const list: PrefixList = PrefixList.parse(['10.0.0.0/8 le 32']);
export default (options: { med: number }) => (list ? setMed(options.med) : setMed(0));
`,
    );
    expect(medOf(file, { med: 43 })).toBe(43);
  });

  it('prefers rxbgp\'s rxjs to one in the policy\'s folder, and finds the folder\'s other packages there', () => {
    write('node_modules/rxjs/index.js', 'module.exports = { fake: true };\n');
    write('node_modules/rxjs/package.json', '{ "name": "rxjs", "version": "0.0.0" }\n');
    write('node_modules/med-of/index.js', 'module.exports = 44;\n');
    const file = write(
      'own-packages.js',
      `const { map } = require('rxjs');
const med = require('med-of');
module.exports = () => map((b) => ({ ...b, attributes: { ...b.attributes, med } }));
module.exports.resolved = { rxbgp: require.resolve('rxbgp'), rxjs: require.resolve('rxjs') };
`,
    );
    expect(medOf(file)).toBe(44);
    expect(real(resolvedBy(file).rxjs)).toBe(OWN_RXJS);
  });

  it('says which module is missing when a policy requires a package nobody has', () => {
    const file = write('missing.js', "require('no-such-package');\nmodule.exports = () => (s) => s;\n");
    expect(() => loadPolicyFactory(file)).toThrow(/missing\.js: Cannot find module 'no-such-package'/);
  });
});
