/** api.send: a helper asking for sent UPDATEs gets them, decoded, with direction "send". */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const RECORD = path.resolve(__dirname, 'fixtures/record-helper.js');
const A = '127.0.0.141';
const B = '127.0.0.142';
const PORT = 18041;

it('reports the UPDATEs rxbgp sends to helpers that asked', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-send-'));
  const seen = path.join(dir, 'seen.txt');
  const config = {
    listen: [{ address: A, port: PORT }],
    events: { output: 'none' },
    processes: { rec: { run: [process.execPath, RECORD, seen] } },
    neighbors: [
      { peerAddress: A, localAddress: B, peerPort: PORT, localAs: 65142, peerAs: 65141, routerId: '192.0.2.142', routes: [{ prefix: '10.142.0.0/24', nextHop: '198.51.100.9' }], api: { processes: ['rec'], send: ['update'] } },
      { peerAddress: B, localAddress: A, localAs: 65141, peerAs: 65142, routerId: '192.0.2.141', passive: true },
    ],
  };
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const events = () => (fs.existsSync(seen) ? fs.readFileSync(seen, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)) : []);
  try {
    const deadline = Date.now() + 10000;
    while (!events().some((e) => e.type === 'update' && JSON.stringify(e).includes('10.142.0.0/24')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const sent = events().filter((e) => e.type === 'update');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((e) => e.neighbor.direction === 'send')).toBe(true);
    const route = sent.find((e) => JSON.stringify(e).includes('10.142.0.0/24'))!;
    expect(route.neighbor.message.update.announce['ipv4 unicast']['198.51.100.9']).toEqual([{ nlri: '10.142.0.0/24' }]);
    expect(route.neighbor.message.update.attribute['as-path']).toEqual([65142]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
