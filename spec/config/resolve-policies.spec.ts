/** The "policies" key and the neighbors' "import" lists, valid and invalid. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors, type Config } from '../../lib/config';

type Json = any;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-policies-'));
  fs.mkdirSync(path.join(dir, 'policies'));
  fs.writeFileSync(path.join(dir, 'policies', 'a.js'), 'module.exports = () => (s) => s;\n');
  fs.writeFileSync(path.join(dir, 'policies', 'b.ts'), 'export default () => (s: any) => s;\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function errorLines(json: unknown): string[] {
  const r = decodeConfig(json, dir);
  return isLeft(r) ? formatErrors(r.left, 'c.json').split('\n') : [];
}

function decoded(json: unknown): Config {
  const r = decodeConfig(json, dir);
  if (isLeft(r)) throw new Error(formatErrors(r.left));
  return r.right;
}

const base = (): Json => ({
  localAs: 65001,
  routerId: '192.0.2.1',
  policies: { 'no-bogons': { module: './policies/a.js', options: { maxLength: 24 } }, tag: { module: 'policies/b.ts' } },
  neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, import: ['tag', 'no-bogons'] }],
});

describe('policies', () => {
  it('resolves module paths against the config directory, keeps options, and the lists in order', () => {
    const c = decoded(base());
    expect(c.policies).toEqual([
      { name: 'no-bogons', module: path.join(dir, 'policies', 'a.js'), options: { maxLength: 24 } },
      { name: 'tag', module: path.join(dir, 'policies', 'b.ts'), options: {} },
    ]);
    expect(c.neighbors[0]).toMatchObject({ import: ['tag', 'no-bogons'] });
  });

  it('defaults to no policies and empty lists', () => {
    const c = decoded({ localAs: 65001, routerId: '192.0.2.1', neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002 }] });
    expect(c.policies).toEqual([]);
    expect(c.neighbors[0]).toMatchObject({ import: [] });
  });

  it('names the neighbor list entry of an unknown or repeated policy', () => {
    const c = base();
    c.neighbors[0].import = ['no-bogon', 'tag', 'tag'];
    expect(errorLines(c)).toEqual([
      'c.json: neighbors[0].import[0]: unknown policy "no-bogon" (did you mean "no-bogons"?); known policies: no-bogons, tag',
      'c.json: neighbors[0].import[2]: policy "tag" is listed twice',
    ]);
  });

  it('says when no policies are defined at all', () => {
    expect(errorLines({ localAs: 65001, routerId: '192.0.2.1', neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, import: ['x'] }] })).toEqual([
      'c.json: neighbors[0].import[0]: unknown policy "x"; no "policies" are defined',
    ]);
  });

  it('rejects a missing module, another file type, options that are not an object, and a bad name', () => {
    const c = base();
    c.policies['no-bogons'].module = './policies/missing.js';
    c.policies.tag.module = './policies/a.py';
    expect(errorLines(c)).toEqual([
      `c.json: policies["no-bogons"].module: cannot read the policy module "${path.join(dir, 'policies', 'missing.js')}": ENOENT`,
      'c.json: policies.tag.module: expected a .js, .cjs, .ts file, got "./policies/a.py"',
    ]);
    expect(errorLines({ ...base(), policies: { tag: { module: './policies/a.js', options: [1] } } })[0]).toMatch(/^c\.json: policies\.tag\.options: expected a JSON object, got/);
    expect(errorLines({ ...base(), policies: { 'a b': { module: './policies/a.js' } } })[0]).toMatch(/^c\.json: policies\["a b"\]: expected a policy name of letters/);
  });
});
