/**
 * Session replay goldens (issue 13): each folder here holds `script.txt` (inputs: peer bytes,
 * transport events, virtual time, commands) and `expected.txt` (the exact events and bytes the
 * session produced, in order). The goldens are the spec of the session layer: a change that moves
 * one byte or one event fails here.
 *
 * To accept new output deliberately: UPDATE_GOLDENS=1 npx jest spec/session/replay, then read the
 * diff of expected.txt before committing. Without the variable a missing golden is a failure.
 */
import fs from 'fs';
import path from 'path';
import { replay } from './runner';

const ROOT = __dirname;
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const scenarios = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, d.name, 'script.txt')))
  .map((d) => d.name)
  .sort();

describe('session replay goldens', () => {
  it('has scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it.each(scenarios)('%s', async (scenario) => {
    const dir = path.join(ROOT, scenario);
    const output = `${(await replay(fs.readFileSync(path.join(dir, 'script.txt'), 'utf8'), scenario)).join('\n')}\n`;
    const golden = path.join(dir, 'expected.txt');
    if (UPDATE) fs.writeFileSync(golden, output);
    if (!fs.existsSync(golden)) throw new Error(`${scenario}: no expected.txt; create it deliberately with UPDATE_GOLDENS=1 and review it`);
    expect(output).toBe(fs.readFileSync(golden, 'utf8'));
  });
});
