/**
 * Imports only point down the layers of DESIGN.md (scripts/layer-imports.js): an import against
 * them that scripts/layer-exceptions.json does not list fails here, and so does an exception that no
 * longer happens, so the list only shrinks (issue 13).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

// A plain CommonJS script (it runs without a build): required, not imported.
const layers = require('../../scripts/layer-imports.js') as {
  ALLOWED: Record<string, string[]>;
  violations(lib?: string): string[];
  exceptions(): Record<string, string>;
};

describe('layer imports', () => {
  const found = layers.violations();
  const known = layers.exceptions();

  it('no lib file imports a folder above its own, beyond the known exceptions', () => {
    expect(found.filter((v) => !(v in known))).toEqual([]);
  });

  it('every known exception still happens (a fixed one leaves the list)', () => {
    expect(Object.keys(known).filter((v) => !found.includes(v))).toEqual([]);
  });

  it('every lib folder has a place in the layer table', () => {
    const folders = fs.readdirSync(path.join(__dirname, '..', '..', 'lib'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !(f in layers.ALLOWED))).toEqual([]);
  });

  describe('on a made-up lib', () => {
    let lib: string;
    beforeAll(() => {
      lib = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-layers-'));
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(lib, file)), { recursive: true });
        fs.writeFileSync(path.join(lib, file), text);
      };
      write('wire/types.ts', 'export type X = number;\n');
      write('policy/pick.ts', "import type { X } from '../wire/types';\nexport const pick = (x: X) => x;\n");
      write('rib/table.ts', "import { pick } from '../policy/pick';\nimport type { X } from '../wire/types';\nexport const t = pick(1 as X);\n");
      write('rib/lazy.ts', "export const load = () => require('../session/peer');\n");
      write('families/index.ts', "export * from '../wire/types';\n");
      write('api/words.ts', "import { t } from '../rib/table';\nimport '../families';\nexport const w = t;\n");
      write('gadgets/thing.ts', 'export const g = 1;\n');
    });
    afterAll(() => fs.rmSync(lib, { recursive: true, force: true }));

    it('finds an upward import, a require of a folder above, and a folder the table does not place; allows the downward ones', () => {
      expect(layers.violations(lib)).toEqual([
        'lib/gadgets/thing.ts -> (lib/gadgets has no place in the layer table)',
        'lib/rib/lazy.ts -> lib/session',
        'lib/rib/table.ts -> lib/policy',
      ]);
    });
  });
});
