/** api packets / consolidate through rxbgp run: raw messages reach the helpers as ExaBGP sends them. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const RECORD = path.resolve(__dirname, 'fixtures/record-helper.js');
const A = '127.0.0.161';
const B = '127.0.0.162';
const PORT = 18061;

it('packets adds a raw event before the parsed one; consolidate puts header and body in it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-pk-'));
  const [f1, f2] = [path.join(dir, 'packets.txt'), path.join(dir, 'consolidate.txt')];
  const config = {
    listen: [{ address: A, port: PORT }],
    events: { output: 'none' },
    processes: { p1: { run: [process.execPath, RECORD, f1] }, p2: { run: [process.execPath, RECORD, f2] } },
    neighbors: [
      { peerAddress: A, localAddress: B, peerPort: PORT, localAs: 65162, peerAs: 65161, routerId: '192.0.2.162', routes: [{ prefix: '10.162.0.0/24', nextHop: '198.51.100.9' }], api: { processes: ['p2'], receive: ['update'], consolidate: true } },
      { peerAddress: B, localAddress: A, localAs: 65161, peerAs: 65162, routerId: '192.0.2.161', passive: true, routes: [{ prefix: '10.161.0.0/24', nextHop: '198.51.100.8' }], api: { processes: ['p1'], receive: ['update'], packets: true } },
    ],
  };
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const events = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)) : []);
  try {
    const deadline = Date.now() + 10000;
    const has = (f: string, p: string) => events(f).some((e) => JSON.stringify(e).includes(p));
    while (!(has(f1, '10.162.0.0/24') && has(f2, '10.161.0.0/24')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const e1 = events(f1);
    const i = e1.findIndex((e) => JSON.stringify(e).includes('10.162.0.0/24'));
    expect(i).toBeGreaterThan(0);
    // The raw event comes first: category 2 (UPDATE), the header with the all-ones marker.
    expect(e1[i - 1].type).toBe('update');
    expect(e1[i - 1].neighbor.message.category).toBe(2);
    expect(e1[i - 1].neighbor.message.header).toMatch(/^0xF{32}[0-9A-F]{4}02$/);
    const e2 = events(f2).find((e) => JSON.stringify(e).includes('10.161.0.0/24'))!;
    expect(e2.header).toMatch(/^0xF{32}[0-9A-F]{4}02$/);
    expect(e2.body).toMatch(/^0x[0-9A-F]+$/);
    expect(e2.neighbor.message.update.announce['ipv4 unicast']['198.51.100.8']).toEqual([{ nlri: '10.161.0.0/24' }]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
