/**
 * Sinks end to end: a speaker whose peer announces routes writes them to JSON-lines files (compact
 * and ExaBGP formats, with rotation) and to log lines, each sink taking what its filter names.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Speaker } from '../../lib';
import { until } from '../daemon/helpers';

const A = '127.0.0.176';
const B = '127.0.0.177';
const PORT = 18078;

describe('sinks', () => {
  let dir: string;
  let a: Speaker;
  let b: Speaker;
  const logs: string[] = [];
  const lines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : []);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-sinks-'));
    fs.mkdirSync(path.join(dir, 'mrt'));
    b = await Speaker.start(
      {
        listen: [{ address: B, port: PORT }],
        sinks: [
          { name: 'compact', type: 'jsonl', file: 'compact.jsonl', format: 'compact', filter: { events: ['update', 'state'] } },
          { name: 'exabgp', type: 'jsonl', file: 'exabgp.jsonl', maxBytes: 600, keep: 2 },
          { name: 'sessions', type: 'log', filter: { events: ['state', 'update'] } },
          { name: 'nobody', type: 'jsonl', file: 'nobody.jsonl', filter: { neighbors: ['other'] } },
          { name: 'collector', type: 'mrt', directory: 'mrt' },
        ],
        neighbors: [
          { peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.177', passive: true },
          { description: 'other', peerAddress: '127.0.0.178', localAddress: B, localAs: 65002, peerAs: 65003, routerId: '192.0.2.177', passive: true },
        ],
      },
      { baseDir: dir, log: { error: (m) => logs.push(m), warn: (m) => logs.push(m), info: (m) => logs.push(m), debug() {} } },
    );
    a = await Speaker.start({
      neighbors: [
        {
          peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.176', connectRetry: 1,
          routes: [
            { prefix: '203.0.113.0/24', nextHop: '198.51.100.1', med: 7 },
            { prefix: '203.0.113.128/25', nextHop: '198.51.100.1', med: 7 },
            { prefix: '192.0.2.0/24', nextHop: '198.51.100.2' },
          ],
        },
      ],
    });
    await until(() => b.neighbors[0].ribIn.size === 3, 10000, 'the routes at the receiver');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes compact lines: state and updates with plain prefixes and attributes', async () => {
    await until(() => lines(path.join(dir, 'compact.jsonl')).some((l) => l.includes('192.0.2.0/24')), 5000, 'the compact lines');
    const parsed = lines(path.join(dir, 'compact.jsonl')).map((l) => JSON.parse(l));
    expect(parsed.some((e) => e.type === 'state' && e.state === 'up' && e.peer === A)).toBe(true);
    const update = parsed.find((e) => e.type === 'update' && e.announce?.['ipv4 unicast']?.['198.51.100.1']);
    expect(update.announce['ipv4 unicast']['198.51.100.1']).toEqual(['203.0.113.0/24', '203.0.113.128/25']);
    expect(update.attribute.med).toBe(7);
    expect(update).toMatchObject({ neighbor: A, peerAs: 65001, direction: 'receive' });
    expect(typeof update.time).toBe('number');
  });

  it('writes ExaBGP JSON and rotates past maxBytes, keeping the configured number of files', async () => {
    await until(() => fs.existsSync(path.join(dir, 'exabgp.jsonl.1')), 5000, 'a rotated file');
    const all = [...lines(path.join(dir, 'exabgp.jsonl.2')), ...lines(path.join(dir, 'exabgp.jsonl.1')), ...lines(path.join(dir, 'exabgp.jsonl'))];
    expect(all.length).toBeGreaterThan(0);
    for (const l of all) expect(JSON.parse(l).exabgp).toBe('4.0.1');
    expect(fs.existsSync(path.join(dir, 'exabgp.jsonl.3'))).toBe(false);
  });

  it('logs one line per event of interest, never per prefix', async () => {
    await until(() => logs.some((l) => l.startsWith('sink sessions:') && l.includes('update received')), 5000, 'the log lines');
    expect(logs.filter((l) => l.startsWith('sink sessions:') && l.includes('session up'))).toHaveLength(1);
    expect(logs.some((l) => l === `sink sessions: ${A}: update received: 2 announced (first 203.0.113.0/24), 0 withdrawn`)).toBe(true);
    expect(logs.some((l) => l.includes('203.0.113.128/25'))).toBe(false);
  });

  it('a sink whose filter names another neighbor gets nothing; counters say what each sink did', async () => {
    const stats = b.sinkStats();
    expect(stats.get('nobody')).toMatchObject({ accepted: 0, written: 0, dropped: 0 });
    expect(stats.get('compact')!.written).toBeGreaterThan(0);
    expect(stats.get('compact')!.dropped).toBe(0);
    expect(lines(path.join(dir, 'nobody.jsonl'))).toEqual([]);
  });

  it('records every message in MRT files', async () => {
    await until(() => (b.sinkStats().get('collector')?.written ?? 0) >= 4, 5000, 'the MRT records');
    const files = fs.readdirSync(path.join(dir, 'mrt'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^updates\.\d{8}\.\d{4}$/);
    // A BGP4MP record per message: the common header's type is 16 (RFC 6396 §4.4).
    const bytes = fs.readFileSync(path.join(dir, 'mrt', files[0]!));
    expect(bytes.readUInt16BE(4)).toBe(16);
    // Debian's bgpdump reading these files is checked in spec/interop/mrt-sink-bgpdump.spec.ts.
  });

});
