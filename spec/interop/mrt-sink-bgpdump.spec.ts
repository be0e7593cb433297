/**
 * Debian's bgpdump (1.6) reads what the MRT sink writes: a real session's messages, encoded by
 * lib/wire, go through the sink into a file, and bgpdump's own output is checked. Then BIRD as the
 * peer of a speaker with import policies: bgpdump must show every UPDATE BIRD sent, as BIRD sent it,
 * also those a policy changed or dropped (issue 11).
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Speaker } from '../../lib';
import { MrtSinkWriter } from '../../lib/sinks/mrt-sink';
import type { SinkEvent } from '../../lib/sinks/sink';
import { Afi, CeaseSubcode, ErrorCode, Safi } from '../../lib/wire/iana';
import { familyKey, type UpdateMessage } from '../../lib/wire/types';
import { KEEPALIVE, ipv4Update, ipv6Update, messageEvent, neighbor, open, readRecords, stopNeighbors } from '../sinks/mrt-sink-helpers';
import { until } from '../daemon/helpers';
import { startBird } from './peers/bird';
import { waitEstablished, type BgpPeer } from './peers/bgp-peer';

/** 2024-01-02 12:00:ss.ms UTC. */
const at = (s: number, ms = 0) => Date.UTC(2024, 0, 2, 12, 0, s, ms);
const unix = (s: number) => at(s) / 1000;

function bgpdump(...args: string[]): string {
  return execFileSync('bgpdump', ['-q', ...args], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('MRT sink files read by bgpdump', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-bgpdump-'));
    const v4 = neighbor('192.0.2.1', { localAddress: '192.0.2.2' });
    const v6 = neighbor('2001:db8::1', { localAddress: '2001:db8::2', peerAs: 4_200_000_001 });
    const old = neighbor('192.0.2.5', { localAddress: '192.0.2.2', peerAs: 65005 });
    const withdraw: UpdateMessage = { type: 'update', withdrawn: [{ afi: Afi.IPV4, safi: Safi.UNICAST, prefixes: ['198.51.100.0/24'] }], attributes: {}, announced: [] };
    const addPath = { asn4: true, extendedMessage: false, addPath: new Set([familyKey(Afi.IPV4, Safi.UNICAST)]) };
    const twoOctet = { asn4: false, extendedMessage: false, addPath: new Set<number>() };
    const events: SinkEvent[] = [
      messageEvent(v4, at(0), open(65002, '192.0.2.1')),
      messageEvent(v4, at(0, 5), open(65001, '192.0.2.2'), 'send'),
      messageEvent(v4, at(1), KEEPALIVE),
      messageEvent(v4, at(2), ipv4Update(['198.51.100.0/24', '203.0.113.128/25'], [65002, 64500], '192.0.2.1', { communities: [(65002 << 16) | 100] })),
      messageEvent(v6, at(3), ipv6Update(['2001:db8:100::/48'], [4_200_000_001, 64501], '2001:db8::1')),
      messageEvent(v4, at(4), withdraw),
      messageEvent(v4, at(5), ipv4Update(['192.0.2.128/25'], [65001], '192.0.2.2'), 'send'),
      messageEvent(v4, at(6), ipv4Update(['10.10.0.0/16'], [65002], '192.0.2.1', { pathIds: [7] }), 'receive', addPath),
      messageEvent(old, at(7), open(65005, '192.0.2.5', false)),
      messageEvent(old, at(8), ipv4Update(['100.64.0.0/10'], [65005, 65010], '192.0.2.5'), 'receive', twoOctet),
      messageEvent(v4, at(9), { type: 'notification', code: ErrorCode.CEASE, subcode: CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, data: Buffer.alloc(0) }),
    ];
    const sink = new MrtSinkWriter({ directory: dir, sent: true });
    await sink.write(events.slice(0, 5));
    await sink.write(events.slice(5));
    await sink.close();
    file = path.join(dir, 'updates.20240102.1200');
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await stopNeighbors();
  });

  it('bgpdump -m lists every announcement and withdrawal with its peer, AS path and attributes', () => {
    expect(bgpdump('-m', file).trimEnd().split('\n')).toEqual([
      `BGP4MP|${unix(2)}|A|192.0.2.1|65002|198.51.100.0/24|65002 64500|IGP|192.0.2.1|0|0|65002:100|NAG||`,
      `BGP4MP|${unix(2)}|A|192.0.2.1|65002|203.0.113.128/25|65002 64500|IGP|192.0.2.1|0|0|65002:100|NAG||`,
      `BGP4MP|${unix(3)}|A|2001:db8::1|4200000001|2001:db8:100::/48|4200000001 64501|IGP|2001:db8::1|0|0||NAG||`,
      `BGP4MP|${unix(4)}|W|192.0.2.1|65002|198.51.100.0/24`,
      `BGP4MP_LOCAL|${unix(5)}|A|192.0.2.1|65002|192.0.2.128/25|65001|IGP|192.0.2.2|0|0||NAG||`,
      `BGP4MP_AP|${unix(6)}|A|192.0.2.1|65002|10.10.0.0/16|7|65002|IGP|192.0.2.1|0|0||NAG||`,
      `BGP4MP|${unix(8)}|A|192.0.2.5|65005|100.64.0.0/10|65005 65010|IGP|192.0.2.5|0|0||NAG||`,
    ]);
  });

  it('bgpdump shows every message, OPEN, KEEPALIVE and NOTIFICATION included, with both ends of the session', () => {
    // One block per record; TIME lines left out (bgpdump prints them in the local time zone).
    const blocks = bgpdump(file)
      .trim()
      .split(/\n\n+/)
      .map((block) => block.split('\n').filter((line) => !line.startsWith('TIME: ')));
    expect(blocks.map((b) => b[0])).toEqual([
      'TYPE: BGP4MP/MESSAGE/Open',
      'TYPE: BGP4MP/MESSAGE_LOCAL/Open',
      'TYPE: BGP4MP/MESSAGE/Keepalive',
      'TYPE: BGP4MP/MESSAGE/Update',
      'TYPE: BGP4MP/MESSAGE/Update',
      'TYPE: BGP4MP/MESSAGE/Update',
      'TYPE: BGP4MP/MESSAGE_LOCAL/Update',
      'TYPE: BGP4MP/MESSAGE_ADDPATH/Update',
      'TYPE: BGP4MP/MESSAGE/Open',
      'TYPE: BGP4MP/MESSAGE/Update',
      'TYPE: BGP4MP/MESSAGE/Notify',
    ]);
    // Received: FROM the peer TO us; sent (the _LOCAL subtypes): FROM us TO the peer.
    const received = ['FROM: 192.0.2.1 AS65002', 'TO: 192.0.2.2 AS65001'];
    expect(blocks[0].slice(1)).toEqual([...received, 'VERSION: 4', 'AS: 65002', 'HOLD_TIME: 90', 'ID: 192.0.2.1', 'OPT_PARM_LEN: 20']);
    expect(blocks[1].slice(1)).toEqual(['FROM: 192.0.2.2 AS65001', 'TO: 192.0.2.1 AS65002', 'VERSION: 4', 'AS: 65001', 'HOLD_TIME: 90', 'ID: 192.0.2.2', 'OPT_PARM_LEN: 20']);
    expect(blocks[2].slice(1)).toEqual(received);
    expect(blocks[3].slice(1)).toEqual([...received, 'ORIGIN: IGP', 'ASPATH: 65002 64500', 'NEXT_HOP: 192.0.2.1', 'COMMUNITY: 65002:100', 'ANNOUNCE', '  198.51.100.0/24', '  203.0.113.128/25']);
    expect(blocks[4].slice(1)).toEqual([
      'FROM: 2001:db8::1 AS4200000001',
      'TO: 2001:db8::2 AS65001',
      'ORIGIN: IGP',
      'ASPATH: 4200000001 64501',
      'MP_REACH_NLRI(IPv6 Unicast)',
      'NEXT_HOP: 2001:db8::1',
      'ANNOUNCE',
      '  2001:db8:100::/48',
    ]);
    expect(blocks[5].slice(1)).toEqual([...received, 'WITHDRAW', '  198.51.100.0/24']);
    expect(blocks[7].slice(1)).toEqual([...received, 'ORIGIN: IGP', 'ASPATH: 65002', 'NEXT_HOP: 192.0.2.1', 'ANNOUNCE', '  10.10.0.0/16 PATH_ID: 7']);
    // The session without 4-octet AS: BGP4MP_MESSAGE, its 2-octet AS_PATH read right.
    expect(blocks[9].slice(1)).toEqual(['FROM: 192.0.2.5 AS65005', 'TO: 192.0.2.2 AS65001', 'ORIGIN: IGP', 'ASPATH: 65005 65010', 'NEXT_HOP: 192.0.2.5', 'ANNOUNCE', '  100.64.0.0/10']);
    expect(blocks[10].slice(1)).toEqual([...received, '    ERROR CODE  : 6 (Cease)']);
  });

  it('bgpdump reads BGP4MP_ET records and their microseconds', async () => {
    const etDir = path.join(dir, 'et');
    const sink = new MrtSinkWriter({ directory: etDir, microseconds: true });
    await sink.write([messageEvent(neighbor('192.0.2.1'), at(30, 250), ipv4Update(['198.51.100.0/24'], [65002], '192.0.2.1'))]);
    await sink.close();
    expect(bgpdump('-m', path.join(etDir, 'updates.20240102.1200')).trim()).toBe(`BGP4MP_ET|${unix(30)}.250000|A|192.0.2.1|65002|198.51.100.0/24|65002|IGP|192.0.2.1|0|0||NAG||`);
  });
});

describe('MRT sink of a speaker with import policies, BIRD as the peer, read by bgpdump', () => {
  const bird = { address: '127.0.0.233', port: 18233, asn: 65233, routerId: '192.0.2.233' };
  const rx = { address: '127.0.0.234', asn: 65234, routerId: '192.0.2.234' };
  const rxjs = JSON.stringify(require.resolve('rxjs'));
  let dir: string;
  let peer: BgpPeer;
  let speaker: Speaker;
  const mrtFile = () => path.join(dir, 'mrt', fs.readdirSync(path.join(dir, 'mrt'))[0] ?? 'none');
  const fromBird = (lines: string[]) => lines.filter((l) => l.split('|')[3] === bird.address);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-bird-'));
    fs.mkdirSync(path.join(dir, 'mrt'));
    // tag-in adds 65234:1 to every route; drop lets nothing through of an UPDATE that carries its prefix.
    fs.writeFileSync(
      path.join(dir, 'tag-in.js'),
      `const { map } = require(${rxjs});
module.exports = () => map((b) => b.announced.length ? { ...b, attributes: { ...b.attributes, communities: [...(b.attributes.communities || []), ${(65234 << 16) | 1}] } } : b);
`,
    );
    fs.writeFileSync(path.join(dir, 'drop.js'), `const { filter } = require(${rxjs});\nmodule.exports = (o) => filter((b) => !b.announced.some((l) => l.prefixes.includes(o.prefix)));\n`);
    peer = await startBird({ ...bird, neighbor: { address: rx.address, asn: rx.asn }, families: ['ipv4 unicast', 'ipv6 unicast'] });
    speaker = await Speaker.start(
      {
        policies: { 'tag-in': { module: './tag-in.js' }, drop: { module: './drop.js', options: { prefix: '185.233.1.0/24' } } },
        sinks: [{ name: 'collector', type: 'mrt', directory: 'mrt' }],
        neighbors: [
          {
            peerAddress: bird.address, peerPort: bird.port, localAddress: rx.address, localAs: rx.asn, peerAs: bird.asn, routerId: rx.routerId, connectRetry: 1,
            families: ['ipv4 unicast', 'ipv6 unicast'],
            import: ['tag-in', 'drop'],
          },
        ],
      },
      { baseDir: dir },
    );
    await waitEstablished(peer, 30000);
    await peer.announce([
      { prefix: '185.233.0.0/24', nextHop: '198.51.100.233', med: 10 },
      { prefix: '185.233.1.0/24', nextHop: '198.51.100.233', med: 20 },
      { prefix: '2a00:233::/32', nextHop: '2001:db8::233', med: 10 },
    ]);
    // The policies' view: the tagged routes, the dropped one missing.
    const held = () => [...speaker.neighbors[0]!.ribIn.entries()].map(([, p]) => p).sort();
    await until(() => held().join() === '185.233.0.0/24,2a00:233::/32', 20000, `the routes the policies passed (held ${held().join(', ')})`);
    await until(() => [...speaker.sinkStats().values()].every((s) => s.oldestPending === undefined), 5000, 'the MRT sink caught up');
  }, 60000);

  afterAll(async () => {
    await speaker?.stop();
    await peer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30000);

  it("shows every route BIRD announced as BIRD sent it: the ones a policy changed and the one it dropped", () => {
    const announced = fromBird(bgpdump('-m', mrtFile()).trimEnd().split('\n')).filter((l) => l.split('|')[2] === 'A');
    // prefix | AS path | next hop | MED | communities (none: BIRD sends none, tag-in's is added after the wire)
    const fields = new Set(announced.map((l) => l.split('|')).map((f) => [f[5], f[6], f[8], f[10], f[11]].join(' ')));
    expect([...fields].sort()).toEqual(['185.233.0.0/24 65233 198.51.100.233 10 ', '185.233.1.0/24 65233 198.51.100.233 20 ', '2a00:233::/32 65233 2001:db8::233 10 ']);
  });

  it("holds a record for each UPDATE the session received, End-of-RIB markers included, and counts exactly those", () => {
    const blocks = bgpdump(mrtFile()).trim().split(/\n\n+/);
    const updates = blocks.filter((b) => b.includes('TYPE: BGP4MP/MESSAGE/Update') && b.includes(`FROM: ${bird.address} AS${bird.asn}`));
    expect(updates).toHaveLength(speaker.neighbors[0]!.counters.received.get('update')!);
    // (bgpdump prints no block for ROUTE-REFRESH records: BIRD's BoRR / EoRR on reconfiguring, RFC 7313.)
    expect(speaker.sinkStats().get('collector')!.written).toBe(readRecords(mrtFile()).length);
  });
});
