/**
 * Policy modules kept beside the user's config, outside the checkout and with no node_modules:
 * `rxbgp validate` loads them and a running `rxbgp run` applies them, their require('rxbgp') and
 * require('rxjs') resolved to rxbgp's own copies (lib/policy/load-policy.ts).
 */
import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'bin/rxbgp');
const A = '127.0.0.237';
const B = '127.0.0.238';
const PORT = 1795;

/** Export policy (JavaScript): MED from its options, through a helper file beside it. */
const SET_MED = `const { pipe } = require('rxjs');
const { tap } = require('rxjs/operators');
const { mapAttributes } = require('rxbgp');
const { medOption } = require('./shared/options');
module.exports = (options) => pipe(tap(() => undefined), mapAttributes((a) => ({ ...a, med: medOption(options) })));
`;
const HELPER = `require('rxbgp');
exports.medOption = (options) => options.med;
`;
/** Import policy (TypeScript): adds community 65238:1 (as a uint32) to what b receives. */
const TAG = `import { mapAttributes, type PolicyFactory } from 'rxbgp';
import { map } from 'rxjs';
const tag: PolicyFactory = () => (source) => source.pipe(map((b) => b), mapAttributes((a) => ({ ...a, communities: [...(a.communities ?? []), 65238 * 65536 + 1] })));
export default tag;
`;

describe('policy modules outside the checkout', () => {
  let dir: string;
  let config: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-user-config-'));
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.writeFileSync(path.join(dir, 'set-med.js'), SET_MED);
    fs.writeFileSync(path.join(dir, 'shared/options.js'), HELPER);
    fs.writeFileSync(path.join(dir, 'tag.ts'), TAG);
    config = path.join(dir, 'rxbgp.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        listen: [{ address: B, port: PORT }],
        control: { socket: path.join(dir, 'ctl.sock') },
        policies: { 'set-med': { module: './set-med.js', options: { med: 77 } }, tag: { module: './tag.ts' } },
        neighbors: [
          { peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65237, peerAs: 65238, routerId: '192.0.2.237', connectRetry: 1, families: ['ipv4 unicast'], routes: [{ prefix: '10.237.0.0/24', nextHop: 'self' }], export: ['set-med'] },
          { peerAddress: A, localAddress: B, localAs: 65238, peerAs: 65237, routerId: '192.0.2.238', passive: true, families: ['ipv4 unicast'], import: ['tag'] },
        ],
      }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('rxbgp validate loads them (run from the config\'s folder)', () => {
    const r = spawnSync(process.execPath, [BIN, 'validate', 'rxbgp.json'], { cwd: dir, encoding: 'utf8', timeout: 15000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^rxbgp\.json: ok: /);
    expect(r.status).toBe(0);
  });

  it('rxbgp run applies them: b receives the route with the MED of the export policy and the community of the import policy', async () => {
    const child = spawn(process.execPath, [BIN, 'run', config], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 15000;
      let update: { neighbor: { message: { update: { attribute: Record<string, unknown> } } } } | undefined;
      while (!update) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for b to receive 10.237.0.0/24\n--- stderr ---\n${err}\n--- stdout ---\n${out}`);
        if (child.exitCode !== null) throw new Error(`rxbgp exited (${child.exitCode})\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
        update = out
          .split('\n')
          .filter((l) => l.includes('"10.237.0.0/24"') && l.includes('"receive"'))
          .map((l) => JSON.parse(l))
          .find((e) => e.neighbor.address.local === B);
      }
      expect(update.neighbor.message.update.attribute).toMatchObject({ med: 77, community: [[65238, 1]] });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
