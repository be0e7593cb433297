import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  peerIndexOfProtocol,
  RECEIVER_BGP_PREFIX,
  SENDER_BGP_PREFIX,
  writeManyPeersReceiverConfig,
  writeManyPeersSenderConfig,
} from '../../../bench/gen/bird-many-peers-config';
import { manyPeersLayout, MANY_PEERS_RECEIVERS } from '../../../bench/gen/many-peers-layout';

function written(write: (file: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bird-many-peers-spec-'));
  try {
    const file = path.join(dir, 'bird.conf');
    write(file);
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The body of `protocol <kind> <name> { ... }` (protocols never nest braces at their own level here). */
function block(text: string, kind: string, name: string): string {
  const start = text.indexOf(`protocol ${kind} ${name} {\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf('\n}\n', start) + 3);
}

describe('writeManyPeersSenderConfig', () => {
  const layout = manyPeersLayout(20_005, '10.0.0.0', 2);
  const text = written((f) => writeManyPeersSenderConfig(f, layout, MANY_PEERS_RECEIVERS.rxbgp, '198.51.100.1'));

  it("puts each peer's share, and only it, as statics into the peer's own table", () => {
    const first = block(text, 'static', 'mp_routes_1');
    const second = block(text, 'static', 'mp_routes_2');
    expect(first).toContain('  ipv4 { table mp_table_1; };\n');
    expect(second).toContain('  ipv4 { table mp_table_2; };\n');
    const routes = (b: string) => b.split('\n').filter((l) => l.startsWith('  route '));
    expect(routes(first)).toHaveLength(10_003);
    expect(routes(second)).toHaveLength(10_002);
    expect(routes(first)[0]).toBe('  route 10.0.0.0/24 blackhole;');
    expect(routes(first)[10_002]).toBe(`  route ${layout.run.text(10_002)} blackhole;`);
    expect(routes(second)[0]).toBe(`  route ${layout.run.text(10_003)} blackhole;`);
    expect(routes(second)[10_001]).toBe(`  route ${layout.run.text(20_004)} blackhole;`);
    expect(text).toContain('ipv4 table mp_table_1;\nipv4 table mp_table_2;\n');
  });

  it('starts every BGP protocol disabled, from its own address to its own receiver address, hold time 9 s', () => {
    const bgp = block(text, 'bgp', 'mp_peer_2');
    expect(bgp).toContain('  local 127.0.4.2 port 22178 as 64602;\n  neighbor 127.0.4.102 port 22179 as 64500;\n');
    expect(bgp).toContain('  disabled;\n');
    expect(bgp).toContain('  hold time 9;\n  keepalive time 3;\n');
    expect(bgp).toContain('  strict bind;\n');
    expect(bgp).toContain('  passive off;\n');
    expect(bgp).toContain('  debug { states };\n');
    expect(bgp).toContain('ipv4 { table mp_table_2; import none; export all; next hop address 198.51.100.1; };');
  });
});

describe('writeManyPeersReceiverConfig', () => {
  it('waits for each peer on its receiver address, imports everything and exports nothing, hold time 9 s', () => {
    const layout = manyPeersLayout(300, '10.0.0.0', 3);
    const text = written((f) => writeManyPeersReceiverConfig(f, layout, MANY_PEERS_RECEIVERS.bird));
    expect(text).not.toContain('protocol static');
    expect(text).toContain('router id 192.0.2.252;');
    const bgp = block(text, 'bgp', 'mp_in_3');
    expect(bgp).toContain('  local 127.0.4.103 port 22180 as 64500;\n  neighbor 127.0.4.3 port 22178 as 64603;\n');
    expect(bgp).toContain('  passive on;\n');
    expect(bgp).toContain('  hold time 9;\n  keepalive time 3;\n');
    expect(bgp).toContain('  ipv4 { import all; export none; };\n');
    expect(bgp).not.toContain('disabled');
  });
});

describe('peerIndexOfProtocol', () => {
  it('reads the peer back from a protocol name of its kind only', () => {
    expect(peerIndexOfProtocol(SENDER_BGP_PREFIX, 'mp_peer_1')).toBe(0);
    expect(peerIndexOfProtocol(RECEIVER_BGP_PREFIX, 'mp_in_100')).toBe(99);
    expect(peerIndexOfProtocol(SENDER_BGP_PREFIX, 'mp_in_1')).toBe(-1);
    expect(peerIndexOfProtocol(SENDER_BGP_PREFIX, 'mp_peer_0')).toBe(-1);
    expect(peerIndexOfProtocol(SENDER_BGP_PREFIX, 'mp_peer_x')).toBe(-1);
    expect(peerIndexOfProtocol(SENDER_BGP_PREFIX, 'device1')).toBe(-1);
  });
});
