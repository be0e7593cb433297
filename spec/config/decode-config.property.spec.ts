import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeConfig } from '../../lib/config';

type Json = any;

/** Every path (list of keys/indices) into a JSON value. */
function paths(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) out.push(...paths(value[k], [...at, k]));
  return out;
}

function replaced(root: Json, path: Array<string | number>, value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
  return copy;
}

function wellFormedResult(json: unknown): boolean {
  const r = decodeConfig(json);
  if (r._tag === 'Right') return typeof r.right === 'object';
  return r.left.length > 0 && r.left.every((e) => typeof e.path === 'string' && typeof e.message === 'string' && e.message !== '');
}

describe('decodeConfig never throws', () => {
  it('on random JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), wellFormedResult), { numRuns: 1000 });
  });

  it('on random objects with config keys', () => {
    const keys = fc.constantFrom('neighbors', 'listen', 'peerAddress', 'peerAs', 'localAs', 'routerId', 'routes', 'prefix', 'families', 'addPath');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(keys, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(fc.property(value, wellFormedResult), { numRuns: 1000 });
  });

  it('on the demo config with any one value replaced', () => {
    const demo = JSON.parse(readFileSync(join(__dirname, '../../conf/demo.json'), 'utf8'));
    const all = paths(demo);
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (i, v) => wellFormedResult(replaced(demo, all[i], v))),
      { numRuns: 2000 },
    );
  });
});
