import fs from 'fs';
import os from 'os';
import path from 'path';
import { MrtError, readTableDump } from '../../lib/mrt/table-dump-v2';
import { formatIpv4Packed } from '../../lib/wire/nlri/packed-ipv4';
import { hex } from '../helpers/hex';
import { PEER_INDEX, record, rib, V4_ATTRS, V6_ATTRS } from './mrt-records';

describe('readTableDump (RFC 6396 TABLE_DUMP_V2)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (...records: Buffer[]) => {
    const file = path.join(dir, 'rib.mrt');
    fs.writeFileSync(file, Buffer.concat(records));
    return file;
  };

  it('reads IPv4 and IPv6 RIB entries, interning attribute sets by their bytes', () => {
    const file = write(
      record(13, 1, PEER_INDEX),
      record(13, 2, rib(0, 24, hex`0a0000`, V4_ATTRS, hex`40 01 01 02`)), // second entry (another peer) ignored
      record(13, 2, rib(1, 22, hex`0a0104`, V4_ATTRS)),
      record(13, 4, rib(2, 48, hex`20010db80001`, V6_ATTRS)),
      record(16, 4, hex`00`), // BGP4MP: not a RIB record
    );
    const t = readTableDump(file);
    expect(t.v4Prefixes.map(formatIpv4Packed)).toEqual(['10.0.0.0/24', '10.1.4.0/22']);
    expect(t.v4Sets).toEqual([0, 0]);
    expect(t.other).toEqual([{ afi: 2, safi: 1, prefix: '2001:db8:1::/48', set: 1 }]);
    // Sets keep their bytes and decode the attributes (without NEXT_HOP) on each read.
    expect(t.sets.map((set) => ({ afi: set.afi, safi: set.safi, nextHop: set.nextHop, attributes: set.attributes }))).toEqual([
      { afi: 1, safi: 1, nextHop: '198.51.100.1', attributes: { origin: 0, asPath: [{ type: 2, asns: [64500, 64501] }], med: 5 } },
      { afi: 2, safi: 1, nextHop: '2001:db8::1', attributes: { origin: 0, asPath: [{ type: 2, asns: [64500] }] } },
    ]);
    expect(t.sets[0]!.attributes).not.toBe(t.sets[0]!.attributes);
    expect(t.sets[0]!.bytesKey).not.toBe(t.sets[1]!.bytesKey);
    expect(t.skippedRecords).toBe(1);
  });

  it('clears bits past the prefix length, and skips a prefix whose entry has no next hop', () => {
    const file = write(record(13, 2, rib(0, 23, hex`0a0101`, V4_ATTRS)), record(13, 2, rib(1, 24, hex`0a0200`, hex`40 01 01 00`)));
    const t = readTableDump(file);
    expect(t.v4Prefixes.map(formatIpv4Packed)).toEqual(['10.1.0.0/23']);
    expect(t.skippedPrefixes).toBe(1);
  });

  it('reads records larger than its read buffer and many records across buffer boundaries', () => {
    const entries = Array.from({ length: 200 }, () => V4_ATTRS);
    const big = record(13, 2, rib(0, 8, hex`0b`, ...Array.from({ length: 40000 }, () => V4_ATTRS))); // ~1.3 MB record
    const many = Array.from({ length: 60000 }, (_, i) => record(13, 2, rib(i + 1, 24, Buffer.from([12, i >> 8, i & 255]), ...entries.slice(0, 1))));
    const t = readTableDump(write(big, ...many));
    expect(t.v4Prefixes.length).toBe(60001);
    expect(formatIpv4Packed(t.v4Prefixes[60000])).toBe('12.234.95.0/24');
    expect(t.sets.length).toBe(1);
  });

  it('names the offset of a truncated or malformed record', () => {
    const good = record(13, 2, rib(0, 24, hex`0a0000`, V4_ATTRS));
    expect(() => readTableDump(write(good, good.subarray(0, 20)))).toThrow(new MrtError(`${path.join(dir, 'rib.mrt')}: truncated MRT record at offset ${good.length}`));
    expect(() => readTableDump(write(record(13, 2, rib(0, 33, hex`0a000000 00`, V4_ATTRS))))).toThrow(/offset 0 .*prefix length 33 > 32/);
    expect(() => readTableDump(write(record(13, 2, rib(0, 24, hex`0a0000`, hex`40 02 09 02 02 0000fbf4`))))).toThrow(/attribute 2 runs past/);
  });

  it("reads OpenBGPD's RIB_GENERIC VPNv4 records (mrtparse's samples/openbgpd_rib_table-v2), next hop from NEXT_HOP", () => {
    // The file's PEER_INDEX_TABLE and its two RIB_GENERIC records (AFI 1, SAFI 128), as OpenBGPD wrote them.
    const file = write(
      hex`561e8ca0000d000100000039c0a800660000000302c0a8000ac0a8010a0000fde803c0a8000a20010db80000000100000000000000100000fde800c0a8006600000000fde8`,
      hex`561e8ca0000d00060000005800000015000180680001010000fdf20000000fc0a800010000561e8a3e003940010100400200400304c0a8000f40050400000064c007080000fde8c0a8000f800904c0a8000f800a04c0a8000ac010080002fde800000064`,
      hex`561e8ca0000d00060000004e00000016000180700001010000fdf20000000fc0a80700010000561e8a3e002e40010100400200400304c0a8000f40050400000064800904c0a8000f800a04c0a8000ac010080002fde800000064`,
    );
    const t = readTableDump(file);
    expect(t.other.map((o) => ({ afi: o.afi, safi: o.safi, prefix: o.prefix }))).toEqual([
      { afi: 1, safi: 128, prefix: '192.168.0.0/16 label 16 rd 65010:15' },
      { afi: 1, safi: 128, prefix: '192.168.7.0/24 label 16 rd 65010:15' },
    ]);
    for (const o of t.other) {
      const set = t.sets[o.set]!;
      expect(set).toMatchObject({ afi: 1, safi: 128, nextHop: '192.168.0.15' });
      expect(set.attributes).toMatchObject({ origin: 0, asPath: [], localPref: 100, originatorId: '192.168.0.15', clusterList: ['192.168.0.10'] });
    }
    expect(t.sets[t.other[0]!.set]!.attributes).toMatchObject({ aggregator: { asn: 65000, address: '192.168.0.15' } });
    expect(t.skippedRecords + t.skippedPrefixes + t.skippedFamilies.size).toBe(0);
  });
});
