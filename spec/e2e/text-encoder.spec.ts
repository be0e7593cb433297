/** A helper with "encoder": "text" gets ExaBGP's text lines instead of JSON. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const RECORD = path.resolve(__dirname, 'fixtures/record-helper.js');
const A = '127.0.0.121';
const B = '127.0.0.122';
const PORT = 18021;

it('writes state and update events in ExaBGP text form', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-text-'));
  const seen = path.join(dir, 'seen.txt');
  const config = {
    listen: [{ address: A, port: PORT }],
    events: { output: 'none' },
    processes: { rec: { run: [process.execPath, RECORD, seen], encoder: 'text' } },
    neighbors: [
      { peerAddress: A, localAddress: B, peerPort: PORT, localAs: 65122, peerAs: 65121, routerId: '192.0.2.122', routes: [{ prefix: '10.122.0.0/24', nextHop: '198.51.100.9', med: 3 }] },
      { peerAddress: B, localAddress: A, localAs: 65121, peerAs: 65122, routerId: '192.0.2.121', passive: true, api: { processes: ['rec'], neighborChanges: true, receive: ['update'] } },
    ],
  };
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const text = () => (fs.existsSync(seen) ? fs.readFileSync(seen, 'utf8') : '');
  try {
    const deadline = Date.now() + 10000;
    while (!text().includes('update end') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const lines = text().split('\n');
    expect(lines).toContain(`neighbor ${B} up`);
    expect(lines).toContain(`neighbor ${B} receive update start`);
    expect(lines.some((l) => l.startsWith(`neighbor ${B} receive update announced 10.122.0.0/24 next-hop 198.51.100.9`) && l.includes('med 3'))).toBe(true);
    expect(lines.some((l) => l.startsWith('{'))).toBe(false);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
