import fs from 'fs';
import os from 'os';
import path from 'path';
import { hex, toHex } from '../../helpers/hex';
import { writeRealisticMrt } from '../../../bench/gen/realistic-mrt';
import { generateRealisticTable } from '../../../bench/gen/realistic-table';
import { encodeSetAttributes, ipv6Bytes } from '../../../bench/gen/realistic-wire';
import { tinyTable } from './tiny-table';

const peer = { collectorId: '192.0.2.3', peerId: '192.0.2.3', peerAddress: '127.0.3.3', peerAs: 65003 };
const TIME = 0x65000000;
const options = { peer, ipv4NextHop: '198.51.100.1', ipv6NextHop: '2001:db8::1', timestamp: TIME };

function written(table: Parameters<typeof writeRealisticMrt>[1]): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realistic-mrt-spec-'));
  try {
    const file = path.join(dir, 't.mrt');
    const summary = writeRealisticMrt(file, table, options);
    const data = fs.readFileSync(file);
    expect(summary).toEqual({ records: table.count + 1, bytes: data.length });
    return data;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface MrtRecord {
  readonly subtype: number;
  readonly sequence: number;
  readonly prefixLength: number;
  readonly prefix: string;
  readonly attributes: string;
}

/** A small RFC 6396 reader: the records after the PEER_INDEX_TABLE, one RIB entry each. */
function readRecords(data: Buffer): MrtRecord[] {
  const out: MrtRecord[] = [];
  let at = 0;
  while (at < data.length) {
    expect(data.readUInt16BE(at + 4)).toBe(13);
    const subtype = data.readUInt16BE(at + 6);
    const length = data.readUInt32BE(at + 8);
    const body = data.subarray(at + 12, at + 12 + length);
    at += 12 + length;
    if (subtype === 1) continue;
    const prefixLength = body[4]!;
    const octets = (prefixLength + 7) >> 3;
    let p = 5 + octets;
    expect(body.readUInt16BE(p)).toBe(1); // entry count
    expect(body.readUInt16BE(p + 2)).toBe(0); // peer index
    const attrLength = body.readUInt16BE(p + 8);
    p += 10;
    expect(p + attrLength).toBe(body.length);
    out.push({
      subtype,
      sequence: body.readUInt32BE(0),
      prefixLength,
      prefix: toHex(body.subarray(5, 5 + octets)),
      attributes: toHex(body.subarray(p)),
    });
  }
  return out;
}

describe('realistic table as MRT TABLE_DUMP_V2 (RFC 6396)', () => {
  it('writes a two-route table byte for byte', () => {
    const table = tinyTable(
      [[0x0a010200, 24]],
      [[0x2a00_0001 * 2 ** 16 + 2, 48]],
      [
        { origin: 0, asPath: [3356, 64500], med: 10, communities: [3356 * 65536 + 7] },
        { origin: 2, asPath: [6939], large: [[6939, 3, 4]] },
      ],
      [1, 1],
      1,
    );
    expect(toHex(written(table))).toBe(
      toHex(hex`
        65000000 000d 0001 00000015     # PEER_INDEX_TABLE, 21 octets
        c0000203 0000 0001              # collector 192.0.2.3, no view name, 1 peer
        02 c0000203 7f000303 0000fdeb   # AS4 IPv4 peer 192.0.2.3 at 127.0.3.3, AS 65003

        65000000 000d 0002 00000038     # RIB_IPV4_UNICAST, 56 octets
        00000000                        # sequence 0
        18 0a0102                       # 10.1.2.0/24
        0001 0000 65000000              # 1 entry: peer 0, originated time
        0026                            # 38 octets of attributes
        40 01 01 00                     # ORIGIN IGP
        40 02 0a 02 02 00000d1c 0000fbf4  # AS_PATH: AS_SEQUENCE 3356 64500 (4-octet ASes)
        40 03 04 c6336401               # NEXT_HOP 198.51.100.1
        80 04 04 0000000a               # MULTI_EXIT_DISC 10
        c0 08 04 0d1c0007               # COMMUNITIES 3356:7

        65000000 000d 0004 00000045     # RIB_IPV6_UNICAST, 69 octets
        00000001                        # sequence 1
        30 2a0000010002                 # 2a00:1:2::/48
        0001 0000 65000000              # 1 entry: peer 0, originated time
        0030                            # 48 octets of attributes
        40 01 01 02                     # ORIGIN INCOMPLETE
        40 02 06 02 01 00001b1b         # AS_PATH: AS_SEQUENCE 6939
        80 0e 11 10 20010db8000000000000000000000001  # MP_REACH_NLRI, RFC 6396 §4.3.4: next hop length and address only
        c0 20 0c 00001b1b 00000003 00000004  # LARGE_COMMUNITY 6939:3:4
      `),
    );
  });

  it('writes every prefix of a generated table once, in table order, behind its set attributes', () => {
    // More bytes than one flush buffer (1 MB), so the buffer is flushed mid-table.
    const table = generateRealisticTable({ seed: 3, ipv4Count: 12000, ipv6Count: 3000 });
    const records = readRecords(written(table));
    expect(records.length).toBe(table.count);
    const v6 = ipv6Bytes(options.ipv6NextHop);
    for (let i = 0; i < table.count; i += 7) {
      const r = records[i]!;
      expect(r.sequence).toBe(i);
      expect(r.subtype).toBe(table.isIpv6(i) ? 4 : 2);
      expect(r.prefixLength).toBe(table.prefixLength(i));
      const octets = (r.prefixLength + 7) >> 3;
      const expected = Buffer.alloc(octets);
      for (let k = 0; k < octets; k++) {
        expected[k] = table.isIpv6(i) ? Math.floor(table.ipv6High48(i) / 2 ** (40 - 8 * k)) % 256 : (table.ipv4Address(i) >>> (24 - 8 * k)) & 255;
      }
      expect(r.prefix).toBe(toHex(expected));
      const a = encodeSetAttributes(table.sets, table.setOf(i), table.isIpv6(i) ? { kind: 'mrt-mp-reach', address: v6 } : { kind: 'next-hop', address: 0xc6336401 });
      expect(r.attributes).toBe(toHex(Buffer.concat([a.head, a.tail])));
    }
  });
});
