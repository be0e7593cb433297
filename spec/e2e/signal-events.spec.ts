/** Signals reach helpers that asked (api.receive "signal"), and every helper hears of the shutdown. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const RECORD = path.resolve(__dirname, 'fixtures/record-helper.js');

it('writes signal events and the shutdown notification to helpers', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-sig-'));
  const seen = path.join(dir, 'seen.txt');
  const config = {
    events: { output: 'none' },
    processes: { rec: { run: [process.execPath, RECORD, seen] } },
    neighbors: [{ peerAddress: '127.0.0.151', peerPort: 18051, localAddress: '127.0.0.152', localAs: 65152, peerAs: 65151, routerId: '192.0.2.152', api: { processes: ['rec'], receive: ['signal'] } }],
  };
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const events = () => (fs.existsSync(seen) ? fs.readFileSync(seen, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)) : []);
  try {
    const deadline = Date.now() + 10000;
    while (!/started/.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300)); // the helper is spawned just after "started"
    child.kill('SIGUSR1');
    while (!events().some((e) => e.type === 'signal') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const signal = events().find((e) => e.type === 'signal');
    expect(JSON.stringify(signal)).toMatch(/"name":"SIGUSR1"/);
    expect(signal.neighbor.address.peer).toBe('127.0.0.151');
    // The signal event reaches the helper before the reload it starts is done: wait for the log line.
    while (!/config reloaded/.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toMatch(/config reloaded/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(events().some((e) => e.type === 'notification' && e.notification === 'shutdown')).toBe(true);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
