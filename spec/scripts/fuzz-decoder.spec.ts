/**
 * scripts/fuzz-decoder.js (issue 13 item 4): a bounded run over the built decoder reports its
 * outcomes and writes nothing when nothing crashes; bad options say what is wrong. Runs the build
 * in dist/ (`npm run build` first; `npm test` does it).
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'fuzz-decoder.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

describe('scripts/fuzz-decoder.js', () => {
  it('mutates the corpus and the spec fixtures, and prints each outcome with its count', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-decoder-'));
    const result = run('--count', '300', '--seconds', '60', '--seed', '7', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/seed 7, \d+ seeds \(\d+ corpus files, \d+ spec fixtures\)/);
    expect(result.stdout).toContain('300 inputs x 4 contexts');
    expect(result.stdout).toMatch(/^ {2}reset 3\/1 +\d+$/m);
    expect(result.stdout).toContain('no crashers');
    expect(fs.readdirSync(out)).toEqual([]);
    fs.rmSync(out, { recursive: true });
  });

  it('refuses an unknown option, naming it', () => {
    const result = run('--counts', '5');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option or missing value: --counts');
  });
});
