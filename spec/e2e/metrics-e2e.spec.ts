/**
 * Metrics from `rxbgp run`: the HTTP endpoint and `rxbgp cli show metrics` print the same
 * metrics of the running sessions.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const A = '127.0.0.187';
const B = '127.0.0.188';
const PORT = 18084;
const METRICS_PORT = 18085;

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, { timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

it('serves metrics on the configured address and answers rxbgp cli show metrics', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-metrics-'));
  const socket = path.join(dir, 'ctl.sock');
  const config = {
    listen: [{ address: A, port: PORT }],
    control: { socket },
    metrics: { address: A, port: METRICS_PORT },
    events: { output: 'none' },
    neighbors: [
      { description: 'b', peerAddress: A, localAddress: B, peerPort: PORT, localAs: 65188, peerAs: 65187, routerId: '192.0.2.188', routes: [{ prefix: '203.0.113.0/24', nextHop: '198.51.100.1' }] },
      { description: 'a', peerAddress: B, localAddress: A, localAs: 65187, peerAs: 65188, routerId: '192.0.2.187', passive: true },
    ],
  };
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const cli = (...words: string[]) => spawnSync(process.execPath, [BIN, 'cli', '--socket', socket, ...words], { encoding: 'utf8', timeout: 15000 });
  try {
    const deadline = Date.now() + 15000;
    let body = '';
    while (!/rxbgp_adj_rib_in_routes\{neighbor="a",peer="127.0.0.188"\} 1/.test(body)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the metrics of the received route:\n${body.slice(0, 2000)}`);
      await new Promise((r) => setTimeout(r, 100));
      body = await get(`http://${A}:${METRICS_PORT}/metrics`).catch(() => '');
    }
    expect(body).toMatch(/rxbgp_neighbor_up\{neighbor="a",peer="127.0.0.188"\} 1/);
    expect(body).toMatch(/rxbgp_prefixes_sent_total\{neighbor="b",peer="127.0.0.187",action="announce"\} 1/);
    const shown = cli('show', 'metrics');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/rxbgp_neighbor_up\{neighbor="a",peer="127.0.0.188"\} 1/);
    expect(shown.stdout).toContain('# TYPE rxbgp_messages_received_total counter');
    expect(cli('shutdown').status).toBe(0);
    expect(await exited).toBe(0);
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 30000);
