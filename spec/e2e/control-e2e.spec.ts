/**
 * `rxbgp cli` against a running `rxbgp run`: commands over the control socket reach the
 * sessions, answers come back, exit status follows done / error.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const A = '127.0.0.131';
const B = '127.0.0.132';
const PORT = 18031;

it('runs text commands against the daemon over its control socket', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-ctl-'));
  const socket = path.join(dir, 'ctl.sock');
  const config = {
    listen: [{ address: A, port: PORT }],
    control: { socket },
    neighbors: [
      { peerAddress: A, localAddress: B, peerPort: PORT, localAs: 65132, peerAs: 65131, routerId: '192.0.2.132' },
      { peerAddress: B, localAddress: A, localAs: 65131, peerAs: 65132, routerId: '192.0.2.131', passive: true },
    ],
  };
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const cli = (...words: string[]) => spawnSync(process.execPath, [BIN, 'cli', '--socket', socket, ...words], { encoding: 'utf8', timeout: 15000 });
  const until = async (pred: () => boolean, what: string) => {
    const deadline = Date.now() + 10000;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await until(() => (out.match(/"state": "up"/g) ?? []).length === 2 && fs.existsSync(socket), 'sessions and socket');
    expect(fs.statSync(socket).mode & 0o777).toBe(0o600);
    const summary = cli('show', 'neighbor', 'summary');
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/established/);
    const announce = cli('neighbor', A, 'announce', 'route', '10.131.0.0/24', 'next-hop', '198.51.100.1', 'community', '[65000:5]');
    expect(announce.status).toBe(0);
    await until(() => out.includes('"nlri": "10.131.0.0/24"'), 'the route at the peer');
    const rib = cli('show', 'adj-rib', 'out');
    expect(rib.stdout).toContain(`neighbor ${A} ipv4 unicast 10.131.0.0/24 next-hop 198.51.100.1`);
    const bad = cli('announce', 'route', 'nonsense');
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/nonsense|prefix/);
    expect(cli('shutdown').status).toBe(0);
    expect(await exited).toBe(0);
    expect(fs.existsSync(socket)).toBe(false);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 30000);
