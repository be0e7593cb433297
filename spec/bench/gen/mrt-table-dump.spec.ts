import fs from 'fs';
import os from 'os';
import path from 'path';
import { hex, toHex } from '../../helpers/hex';
import { peerIndexTable, writeMrtTableDump, writeRibRecord } from '../../../bench/gen/mrt-table-dump';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';

const peer = { collectorId: '192.0.2.103', peerId: '192.0.2.104', peerAddress: '127.0.0.103', peerAs: 65103 };
const TIME = 0x65000000;

describe('MRT TABLE_DUMP_V2 (RFC 6396)', () => {
  it('writes a PEER_INDEX_TABLE with one IPv4 peer with a 4-octet AS', () => {
    expect(toHex(peerIndexTable(peer, TIME))).toBe(
      toHex(hex`
        65000000        # timestamp
        000d            # type 13 TABLE_DUMP_V2
        0001            # subtype 1 PEER_INDEX_TABLE
        00000015        # length 21
        c0000267        # collector BGP ID 192.0.2.103
        0000            # view name length 0
        0001            # peer count 1
        02              # peer type: AS4, IPv4 address
        c0000268        # peer BGP ID 192.0.2.104
        7f000067        # peer address 127.0.0.103
        0000fe4f        # peer AS 65103
      `),
    );
  });

  it('writes a RIB_IPV4_UNICAST record with ORIGIN, an empty AS_PATH and NEXT_HOP', () => {
    const b = Buffer.alloc(64);
    const end = writeRibRecord(b, 0, 7, 0x0a010200, 0xc6336401, TIME);
    expect(toHex(b.subarray(0, end))).toBe(
      toHex(hex`
        65000000        # timestamp
        000d            # type 13 TABLE_DUMP_V2
        0002            # subtype 2 RIB_IPV4_UNICAST
        00000020        # length 32
        00000007        # sequence number 7
        18              # prefix length 24
        0a0102          # 10.1.2.0/24
        0001            # entry count 1
        0000            # peer index 0
        65000000        # originated time
        000e            # attribute length 14
        40 01 01 00     # ORIGIN IGP
        40 02 00        # AS_PATH, empty
        40 03 04 c6336401  # NEXT_HOP 198.51.100.1
      `),
    );
  });

  it('writes the whole run in order, then the padding as repeats of the first prefix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mrt-spec-'));
    try {
      const file = path.join(dir, 't.mrt');
      // More records than one flush buffer holds, so the chunking is exercised.
      const run = new Ipv4PrefixRun('20.0.0.0', 30000);
      writeMrtTableDump(file, run, { peer, nextHop: '198.51.100.1', timestamp: TIME, padding: 3 });
      const data = fs.readFileSync(file);
      const prefixes: string[] = [];
      const sequences: number[] = [];
      let at = 0;
      let peerTables = 0;
      while (at < data.length) {
        const subtype = data.readUInt16BE(at + 6);
        const length = data.readUInt32BE(at + 8);
        const body = at + 12;
        if (subtype === 1) peerTables++;
        else {
          expect(subtype).toBe(2);
          sequences.push(data.readUInt32BE(body));
          prefixes.push(`${data[body + 5]}.${data[body + 6]}.${data[body + 7]}.0/${data[body + 4]}`);
        }
        at = body + length;
      }
      expect(at).toBe(data.length);
      expect(peerTables).toBe(1);
      expect(prefixes).toHaveLength(30003);
      expect(prefixes.slice(0, 30000)).toEqual(Array.from({ length: 30000 }, (_, i) => run.text(i)));
      expect(prefixes.slice(30000)).toEqual(['20.0.0.0/24', '20.0.0.0/24', '20.0.0.0/24']);
      expect(sequences).toEqual(Array.from({ length: 30003 }, (_, i) => i));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a next hop that is not an IPv4 address', () => {
    expect(() => writeMrtTableDump('/nonexistent/never-written', new Ipv4PrefixRun('10.0.0.0', 1), { peer, nextHop: '2001:db8::1', timestamp: TIME, padding: 0 })).toThrow(
      /next hop 2001:db8::1 is not an IPv4 address/,
    );
  });
});
