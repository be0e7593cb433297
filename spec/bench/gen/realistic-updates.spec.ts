import { hex, toHex } from '../../helpers/hex';
import { generateRealisticTable } from '../../../bench/gen/realistic-table';
import { MAX_MESSAGE, endOfRib, tableUpdates } from '../../../bench/gen/realistic-updates';
import { ipv6Bytes } from '../../../bench/gen/realistic-wire';
import { fiveRouteTable, tinyTable } from './tiny-table';

const options = { ipv4NextHop: 0xc6336401, ipv6NextHop: ipv6Bytes('2001:db8::1'), chunkBytes: 8192 };

interface Update {
  readonly bytes: Buffer;
  readonly attributeTypes: number[];
  /** Attributes other than MP_REACH_NLRI, as hex. */
  readonly attributes: string;
  readonly ipv4: string[];
  readonly ipv6: string[];
}

/** A small RFC 4271 / 4760 reader: NLRI of both families as "hex/len", attributes in order. */
function readUpdates(chunks: Buffer[]): Update[] {
  const data = Buffer.concat(chunks);
  const out: Update[] = [];
  let at = 0;
  while (at < data.length) {
    expect(toHex(data.subarray(at, at + 16))).toBe('ff'.repeat(16));
    const length = data.readUInt16BE(at + 16);
    expect(data[at + 18]).toBe(2);
    const m = data.subarray(at, at + length);
    at += length;
    expect(m.readUInt16BE(19)).toBe(0); // no withdrawn routes
    const attrEnd = 23 + m.readUInt16BE(21);
    const types: number[] = [];
    const plain: Buffer[] = [];
    const ipv6: string[] = [];
    let p = 23;
    while (p < attrEnd) {
      const flags = m[p]!;
      const type = m[p + 1]!;
      const extended = (flags & 0x10) !== 0;
      const len = extended ? m.readUInt16BE(p + 2) : m[p + 2]!;
      const value = m.subarray(p + (extended ? 4 : 3), p + (extended ? 4 : 3) + len);
      types.push(type);
      if (type === 14) {
        expect(toHex(value.subarray(0, 20))).toBe('000201' + '10' + '20010db8000000000000000000000001'); // AFI 2 SAFI 1, next hop
        expect(value[20]).toBe(0); // reserved
        ipv6.push(...nlri(value.subarray(21)));
      } else {
        plain.push(m.subarray(p, p + (extended ? 4 : 3) + len));
      }
      p += (extended ? 4 : 3) + len;
    }
    expect(p).toBe(attrEnd);
    out.push({ bytes: m, attributeTypes: types, attributes: toHex(Buffer.concat(plain)), ipv4: nlri(m.subarray(attrEnd)), ipv6 });
  }
  return out;
}

function nlri(b: Buffer): string[] {
  const out: string[] = [];
  for (let p = 0; p < b.length; ) {
    const len = b[p]!;
    const octets = (len + 7) >> 3;
    out.push(`${toHex(b.subarray(p + 1, p + 1 + octets))}/${len}`);
    p += 1 + octets;
  }
  return out;
}

describe('realistic table as UPDATE messages', () => {
  it('packs the five-route table into one UPDATE per set, then both End-of-RIB markers', () => {
    const updates = readUpdates([...tableUpdates(fiveRouteTable(), options)]);
    expect(updates.map((u) => [u.ipv4, u.ipv6])).toEqual([
      [['0a01/16', '0a0203/24'], []],
      [['14/8'], []],
      [[], ['2a000001/32', '2a0000010002/48']],
      [[], []],
      [[], []],
    ]);
    expect(toHex(updates[2]!.bytes)).toBe(
      toHex(hex`
        ffffffffffffffffffffffffffffffff 006a 02  # header: 106 octets, UPDATE
        0000                               # no withdrawn routes
        0053                               # 83 octets of attributes
        40 01 01 00                        # ORIGIN IGP
        40 02 06 02 01 00001b1b            # AS_PATH 6939
        80 04 04 00000000                  # MULTI_EXIT_DISC 0
        c0 08 08 1b1b0001 1b1b0002         # COMMUNITIES 6939:1 6939:2
        90 0e 0021                         # MP_REACH_NLRI, extended length, 33 octets
        0002 01 10 20010db8000000000000000000000001 00  # IPv6 unicast, next hop 2001:db8::1, reserved
        20 2a000001  30 2a0000010002       # 2a00:1::/32, 2a00:1:2::/48
        c0 20 0c 00001b1b 00000003 00000004  # LARGE_COMMUNITY 6939:3:4
      `),
    );
    expect(toHex(updates[3]!.bytes)).toBe(toHex(endOfRib(false)));
    expect(toHex(updates[4]!.bytes)).toBe(toHex(hex`ffffffffffffffffffffffffffffffff 001d 02 0000 0006 80 0f 03 0002 01`));
  });

  it('splits a large set over messages of at most 4096 octets, each with the set attributes', () => {
    const v4 = Array.from({ length: 3000 }, (_, k) => [0x0b000000 + k * 256, 24] as const);
    const v6 = Array.from({ length: 2000 }, (_, k) => [0x2a00_0000 * 2 ** 16 + k, 48] as const);
    const table = tinyTable(v4, v6, [{ origin: 0, asPath: [1299], large: [[1299, 1, 1]] }, { origin: 0, asPath: [174, 1299] }], [3000, 2000], 1);
    const updates = readUpdates([...tableUpdates(table, options)]).slice(0, -2);
    expect(updates.length).toBeGreaterThan(4);
    for (const u of updates) {
      expect(u.bytes.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(u.attributeTypes).toEqual([...u.attributeTypes].sort((a, b) => a - b));
    }
    expect(updates.flatMap((u) => u.ipv4).length).toBe(3000);
    expect(new Set(updates.flatMap((u) => u.ipv6)).size).toBe(2000);
    // Full messages: a 4096-octet message holds ~1,000 /24s.
    expect(updates.filter((u) => u.ipv4.length).length).toBe(3);
  });

  it('carries every prefix of a generated table exactly once', () => {
    const table = generateRealisticTable({ seed: 8, ipv4Count: 4000, ipv6Count: 1000 });
    const updates = readUpdates([...tableUpdates(table, options)]);
    const seen = new Set([...updates.flatMap((u) => u.ipv4.map((p) => `4 ${p}`)), ...updates.flatMap((u) => u.ipv6.map((p) => `6 ${p}`))]);
    expect(seen.size).toBe(table.count);
    expect(updates.reduce((n, u) => n + u.ipv4.length + u.ipv6.length, 0)).toBe(table.count);
  });
});
