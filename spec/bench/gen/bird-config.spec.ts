import fs from 'fs';
import os from 'os';
import path from 'path';
import { writeBirdConfig, type BirdBgpConfig } from '../../../bench/gen/bird-config';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';

const common = {
  routerId: '192.0.2.101',
  local: { address: '127.0.0.101', port: 1901, asn: 65101 },
  neighbor: { address: '127.0.0.102', port: 1902, asn: 65102 },
};

function written(c: BirdBgpConfig): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bird-config-spec-'));
  try {
    const file = path.join(dir, 'bird.conf');
    writeBirdConfig(file, c);
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('writeBirdConfig', () => {
  it('gives a sender every prefix of the run as a static route, in chunks that leave no gap', () => {
    const routes = new Ipv4PrefixRun('10.0.0.0', 20000);
    const text = written({ ...common, connect: true, startDisabled: true, role: { kind: 'sender', routes, nextHop: '198.51.100.1' } });
    const statics = text.split('\n').filter((l) => l.startsWith('  route '));
    expect(statics).toHaveLength(20000);
    expect(statics[0]).toBe('  route 10.0.0.0/24 blackhole;');
    expect(statics[8192]).toBe(`  route ${routes.text(8192)} blackhole;`);
    expect(statics[19999]).toBe(`  route ${routes.text(19999)} blackhole;`);
    expect(text).toContain('protocol static bench_routes {\n  ipv4;\n');
    expect(text).toContain('export where source = RTS_STATIC; next hop address 198.51.100.1;');
    expect(text).toContain('passive off;');
    expect(text).toContain('  disabled;\n');
  });

  it('gives a receiver no statics, imports everything, exports nothing, and logs state changes', () => {
    const text = written({ ...common, connect: false, startDisabled: false, role: { kind: 'receiver' } });
    expect(text).not.toContain('protocol static');
    expect(text).not.toContain('disabled;');
    expect(text).toContain('ipv4 { import all; export none; };');
    expect(text).toContain('passive on;');
    expect(text).toContain('debug { states };');
    expect(text).toContain('local 127.0.0.101 port 1901 as 65101;\n  neighbor 127.0.0.102 port 1902 as 65102;\n  multihop;');
  });
});
