/**
 * The `rxbgp` command as a user runs it (the built bin/rxbgp; `npm test` builds first).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '../../bin/rxbgp');
const rxbgp = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15000 });

function tmpConfig(json: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-cli-'));
  const file = path.join(dir, 'c.json');
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return file;
}

describe('rxbgp validate', () => {
  it('accepts every shipped example config with a one-line summary', () => {
    for (const f of fs.readdirSync(path.resolve(__dirname, '../../conf')).filter((f) => f.endsWith('.json'))) {
      const r = rxbgp('validate', path.resolve(__dirname, '../../conf', f));
      expect({ f, status: r.status, stderr: r.stderr }).toEqual({ f, status: 0, stderr: '' });
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toMatch(/ok: .*neighbor/);
    }
  });

  it('exits 1 naming the JSON path of each error', () => {
    const file = tmpConfig({ neighbors: [{ peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002, routerId: '192.0.2.1', holdTime: 2, routes: [{ prefix: '10.0.0.1/24' }] }] });
    const r = rxbgp('validate', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('neighbors[0].holdTime');
    expect(r.stderr).toContain('neighbors[0].routes[0].prefix');
  });

  it('reports a missing file and bad JSON clearly', () => {
    expect(rxbgp('validate', '/nonexistent/x.json').stderr).toMatch(/x\.json/);
    const r = rxbgp('validate', tmpConfig('{ "neighbors": [ }'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/c\.json:1:\d+: .*invalid JSON/);
  });
});

describe('rxbgp decode', () => {
  const keepalive = 'ffffffffffffffffffffffffffffffff001304';
  const update = '000000144001010040020602010000fde9400304c633640118c0a801';

  it('decodes a message with or without the marker to ExaBGP JSON', () => {
    const a = rxbgp('decode', keepalive);
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout).type).toBe('keepalive');
    const u = rxbgp('decode', `002f02${update}`);
    expect(u.status).toBe(0);
    const json = JSON.parse(u.stdout);
    expect(json.neighbor.message.update.announce['ipv4 unicast']['198.51.100.1']).toEqual([{ nlri: '192.168.1.0/24' }]);
    expect(json.neighbor.message.update.attribute['as-path']).toEqual([65001]);
  });

  it('exits 1 with the NOTIFICATION a peer would get for bad bytes, and for non-hex', () => {
    const bad = rxbgp('decode', 'ffffffffffffffffffffffffffffffff001309');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/1\/3/);
    const nothex = rxbgp('decode', 'zz');
    expect(nothex.status).toBe(1);
    expect(nothex.stderr).toMatch(/hex/i);
  });
});

describe('rxbgp run', () => {
  it('refuses a bad config with path-precise errors and exit 1', () => {
    const r = rxbgp('run', tmpConfig({ neighbors: [{ peerAddress: 'nope' }] }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('neighbors[0].peerAddress');
  });

  it('rejects bad arguments with usage', () => {
    const r = rxbgp('frobnicate');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });

  it('runs the daemon, prints JSON events on stdout, reloads on SIGHUP and exits 0 on SIGTERM', async () => {
    const base = {
      listen: [{ address: '127.0.0.16', port: 17916 }],
      neighbors: [
        { peerAddress: '127.0.0.16', peerPort: 17916, localAddress: '127.0.0.15', localAs: 65001, peerAs: 65002, routerId: '192.0.2.15', routes: [{ prefix: '10.15.0.0/24' }, { prefix: '10.15.1.0/24' }] },
        { peerAddress: '127.0.0.15', localAddress: '127.0.0.16', localAs: 65002, peerAs: 65001, routerId: '192.0.2.16', passive: true },
      ],
    };
    const file = tmpConfig(base);
    const child = spawn(process.execPath, [BIN, 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Array<Record<string, any>> = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) !== -1) {
        lines.push(JSON.parse(buf.slice(0, i)));
        buf = buf.slice(i + 1);
      }
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = async (pred: () => boolean, what: string) => {
      const deadline = Date.now() + 10000;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    try {
      const announced = (p: string) => lines.some((l) => l.type === 'update' && JSON.stringify(l.neighbor.message.update?.announce ?? {}).includes(`"nlri":"${p}"`));
      await until(() => announced('10.15.1.0/24'), 'the routes as JSON events');
      expect(lines.filter((l) => l.type === 'state' && l.neighbor.state === 'up')).toHaveLength(2);
      fs.writeFileSync(file, JSON.stringify({ ...base, neighbors: [{ ...base.neighbors[0], routes: [{ prefix: '10.15.0.0/24' }] }, base.neighbors[1]] }));
      child.kill('SIGHUP');
      await until(() => lines.some((l) => l.type === 'update' && l.neighbor.message.update?.withdraw?.['ipv4 unicast']?.[0]?.nlri === '10.15.1.0/24'), 'the withdrawal after SIGHUP');
      expect(lines.filter((l) => l.type === 'state' && l.neighbor.state === 'down')).toHaveLength(0);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/config reloaded: 0 added, 0 removed, 0 reset, 2 kept/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
