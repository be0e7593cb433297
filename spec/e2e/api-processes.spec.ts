/**
 * ExaBGP's process API through `rxbgp run`: a helper announces and withdraws routes with text
 * commands, gets `done` / `error` acks and the neighbor's JSON events on its stdin.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const HELPER = path.resolve(__dirname, 'fixtures/api-helper.js');
const A = '127.0.0.91';
const B = '127.0.0.92';
const PORT = 17991;

async function until(pred: () => boolean, what: string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('process API through rxbgp run', () => {
  it('announces and withdraws from helper commands, acks each, and feeds the helper JSON events', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-api-'));
    const seen = path.join(dir, 'helper-stdin.txt');
    const config = {
      listen: [{ address: A, port: PORT }],
      processes: { feeder: { run: [process.execPath, HELPER, seen] } },
      neighbors: [
        // B's side is passive and has no helper; A's helper drives what A announces to B.
        { peerAddress: A, localAddress: B, peerPort: PORT, localAs: 65092, peerAs: 65091, routerId: '192.0.2.92' },
        { peerAddress: B, localAddress: A, localAs: 65091, peerAs: 65092, routerId: '192.0.2.91', passive: true, api: { processes: ['feeder'], neighborChanges: true, receive: ['update'] } },
      ],
    };
    const file = path.join(dir, 'c.json');
    fs.writeFileSync(file, JSON.stringify(config));
    const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const events: Array<Record<string, any>> = [];
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      let i: number;
      while ((i = out.indexOf('\n')) !== -1) {
        events.push(JSON.parse(out.slice(0, i)));
        out = out.slice(i + 1);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const received = (p: string) =>
      events.some((e) => e.type === 'update' && e.neighbor.address.local === B && JSON.stringify(e.neighbor.message.update?.announce ?? {}).includes(`"nlri":"${p}"`));
    const helperLines = () => (fs.existsSync(seen) ? fs.readFileSync(seen, 'utf8').split('\n').filter(Boolean) : []);
    try {
      await until(() => ['10.55.0.0/24', '10.56.0.0/24', '10.56.1.0/24', '10.57.0.0/24'].every(received), `the helper's routes at the peer; stderr:\n${stderr}`);
      const first = events.find((e) => e.type === 'update' && JSON.stringify(e.neighbor.message).includes('10.55.0.0/24'))!;
      expect(first.neighbor.message.update.attribute.med).toBe(7);
      expect(first.neighbor.message.update.attribute.community).toEqual([[65000, 1], [65535, 65281]]);
      const bulk = events.find((e) => e.type === 'update' && JSON.stringify(e.neighbor.message).includes('10.56.1.0/24'))!;
      expect(bulk.neighbor.message.update.attribute['as-path']).toEqual([65091, 64999]);

      // Acks in order: done, done, done, error (the bad line), the summary lines then done.
      await until(() => helperLines().filter((l) => l === 'done' || l === 'error').length >= 5, 'the acks');
      const acks = helperLines().filter((l) => l === 'done' || l === 'error');
      expect(acks.slice(0, 5)).toEqual(['done', 'done', 'done', 'error', 'done']);
      expect(helperLines().some((l) => /^Peer\s+AS/.test(l))).toBe(true);
      expect(stderr).toMatch(/command failed: this is not a command/);
      // JSON events for the helper's neighbor: state up (neighborChanges).
      const json = helperLines().filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      expect(json.some((e) => e.type === 'state' && e.neighbor.state === 'up')).toBe(true);

      fs.writeFileSync(seen + '.go', '');
      await until(() => events.some((e) => e.type === 'update' && e.neighbor.address.local === B && e.neighbor.message.update?.withdraw?.['ipv4 unicast']?.[0]?.nlri === '10.55.0.0/24'), 'the withdrawal');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30000);
});
