/**
 * A helper that never reads its stdin must not stall the daemon: with a 3 s hold time, both
 * sessions stay up for several hold times while 200,000 prefixes arrive and their events pile up
 * for the helper (ExaBGP freezes and drops its sessions in this situation).
 *
 * The transfer takes 1 to 3 s here and 6 s with a seventh of one core (measured: the daemon's event
 * loop never stalls past 0.3 s once its sessions are up, a tenth of the hold time). The wait for the
 * prefixes is a bound for a starved machine, not a measure: on a loaded 2-core CI the daemon and
 * this test's own JSON parsing share the cores with the rest of the suite.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const DEAF = path.resolve(__dirname, 'fixtures/deaf-helper.js');
const A = '127.0.0.111';
const B = '127.0.0.112';
const PORT = 17911 + 100;
const N = 200_000;

it('keeps sessions up over several hold times while a helper never reads', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-deaf-'));
  const config = {
    listen: [{ address: A, port: PORT }],
    processes: { deaf: { run: [process.execPath, DEAF], respawn: false } },
    neighbors: [
      { peerAddress: A, localAddress: B, peerPort: PORT, localAs: 65112, peerAs: 65111, routerId: '192.0.2.112', holdTime: 3, routeSets: [{ prefixes: { from: '10.0.0.0/24', count: N }, nextHop: '198.51.100.1' }] },
      { peerAddress: B, localAddress: A, localAs: 65111, peerAs: 65112, routerId: '192.0.2.111', holdTime: 3, passive: true, api: { processes: ['deaf'], neighborChanges: true, receive: ['update', 'keepalive'] } },
    ],
  };
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let prefixes = 0;
  let downs = 0;
  let ups = 0;
  let buf = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) !== -1) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.includes('"state": "down"')) downs++;
      if (line.includes('"state": "up"')) ups++;
      if (line.includes('"direction": "receive"') && line.includes(`"local": "${A}"`)) prefixes += line.split('"nlri"').length - 1;
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 60000;
    while (prefixes < N && downs === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // On a failure, the daemon's log says what happened.
    const seen = (when: string) => {
      const got = { prefixes, ups, downs };
      if (prefixes !== N || ups !== 2 || downs !== 0) throw new Error(`${when}: expected ${JSON.stringify({ prefixes: N, ups: 2, downs: 0 })}, got ${JSON.stringify(got)}; daemon stderr:\n${stderr}`);
      return got;
    };
    expect(seen('all prefixes received')).toEqual({ prefixes: N, ups: 2, downs: 0 });
    // Three more hold times with the helper still not reading: nothing goes down.
    await new Promise((r) => setTimeout(r, 9500));
    expect(seen('three hold times later')).toEqual({ prefixes: N, ups: 2, downs: 0 });
    expect(stderr).not.toMatch(/Hold Timer Expired/i);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 100000);
