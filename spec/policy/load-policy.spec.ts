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
