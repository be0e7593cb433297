import fs from 'fs';
import os from 'os';
import path from 'path';
import { MrtError, readTableDump } from '../../lib/mrt/table-dump-v2';
import { writePeerIndexTable, writeRibRecord, type DumpRoute } from '../../lib/mrt/table-dump-v2-writer';
import { formatIpv4Packed } from '../../lib/wire/nlri/packed-ipv4';
import { Writer } from '../../lib/wire/writer';
import { hex } from '../helpers/hex';
import { record, rib, V4_ATTRS } from './mrt-records';

const PEERS = [
  { bgpId: '192.0.2.1', address: '192.0.2.1', as: 64500 },
  { bgpId: '192.0.2.2', address: '2001:db8::2', as: 4200000000 },
];
const ATTRS = { origin: 0, asPath: [{ type: 2, asns: [64500, 4200000000] }], med: 5 };
const entry = (nextHop: string[], pathId?: number, peerIndex = 0) => ({ peerIndex, originatedTime: 1700000000, nextHop, attributes: ATTRS, ...(pathId === undefined ? {} : { pathId }) });

/** One route per family group in the registry, NLRI as each family's codec prints them. */
const ROUTES: DumpRoute[] = [
  { afi: 1, safi: 1, prefix: '10.0.0.0/24', entries: [entry(['198.51.100.1']), entry(['198.51.100.2'], undefined, 1)] },
  { afi: 2, safi: 1, prefix: '2001:db8:1::/48', entries: [entry(['2001:db8::1'])] },
  { afi: 1, safi: 4, prefix: '10.1.0.0/24 label 1000', entries: [entry(['192.0.2.1'])] },
  { afi: 2, safi: 4, prefix: '2001:db8::/32 label 16', entries: [entry(['2001:db8::1'])] },
  { afi: 1, safi: 128, prefix: '10.0.0.0/25 label [ 1000 2000 ] rd 65000:1', entries: [entry(['192.0.2.1'])] },
  { afi: 2, safi: 128, prefix: '2001:db8:1::/48 label 100 rd 1.2.3.4:5', entries: [entry(['2001:db8::1'])] },
  { afi: 1, safi: 133, prefix: 'flow destination-ipv4 10.0.0.0/24 protocol =tcp', entries: [entry([])] },
  { afi: 2, safi: 133, prefix: 'flow destination-ipv6 2001:db8::/32/0', entries: [entry([])] },
  { afi: 1, safi: 134, prefix: 'flow destination-ipv4 10.0.0.0/24 rd 65000:1', entries: [entry([])] },
  { afi: 2, safi: 134, prefix: 'flow destination-ipv6 2001:db8::/32/0 rd 65000:1', entries: [entry([])] },
  // RFC 8050 ADDPATH subtypes: both paths of the first entry's peer, not the other peer's.
  { afi: 1, safi: 1, prefix: '10.9.0.0/16', entries: [entry(['198.51.100.1'], 1), entry(['198.51.100.3'], 2), entry(['198.51.100.2'], 7, 1)] },
  { afi: 2, safi: 1, prefix: '2001:db8:9::/48', entries: [entry(['2001:db8::1'], 3)] },
  { afi: 1, safi: 128, prefix: '10.2.0.0/24 label 1000 rd 65000:2', entries: [entry(['192.0.2.1'], 4)] },
];

describe('TABLE_DUMP_V2 writer and reader, every family of the registry (RFC 6396 §4.3, RFC 8050)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dump = (routes: readonly DumpRoute[], ...extra: Buffer[]) => {
    const w = new Writer();
    writePeerIndexTable(w, 1700000000, '192.0.2.254', 'rxbgp', PEERS);
    routes.forEach((r, i) => writeRibRecord(w, 1700000000, i, r));
    const file = path.join(dir, 'rib.mrt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(w.view()), ...extra]));
    return file;
  };
  const subtypes = (file: string) => {
    const buf = fs.readFileSync(file);
    const found: number[] = [];
    for (let at = 0; at < buf.length; at += 12 + buf.readUInt32BE(at + 8)) found.push(buf.readUInt16BE(at + 6));
    return found;
  };

  it('writes unicast as 2/4, other families as RIB_GENERIC (6), path ids as the ADDPATH subtypes (8, 10, 12)', () => {
    expect(subtypes(dump(ROUTES))).toEqual([1, 2, 4, 6, 6, 6, 6, 6, 6, 6, 6, 8, 10, 12]);
  });

  it('reads back every route with its family, path id, next hop and attributes', () => {
    const t = readTableDump(dump(ROUTES));
    expect(t.v4Prefixes.map(formatIpv4Packed)).toEqual(['10.0.0.0/24']);
    expect(t.other.map((o) => ({ ...o, set: t.sets[o.set]!.nextHop }))).toEqual([
      { afi: 2, safi: 1, prefix: '2001:db8:1::/48', set: '2001:db8::1' },
      { afi: 1, safi: 4, prefix: '10.1.0.0/24 label 1000', set: '192.0.2.1' },
      { afi: 2, safi: 4, prefix: '2001:db8::/32 label 16', set: '2001:db8::1' },
      { afi: 1, safi: 128, prefix: '10.0.0.0/25 label [ 1000 2000 ] rd 65000:1', set: '192.0.2.1' },
      { afi: 2, safi: 128, prefix: '2001:db8:1::/48 label 100 rd 1.2.3.4:5', set: '2001:db8::1' },
      { afi: 1, safi: 133, prefix: 'flow destination-ipv4 10.0.0.0/24 protocol =tcp', set: '' },
      { afi: 2, safi: 133, prefix: 'flow destination-ipv6 2001:db8::/32/0', set: '' },
      { afi: 1, safi: 134, prefix: 'flow destination-ipv4 10.0.0.0/24 rd 65000:1', set: '' },
      { afi: 2, safi: 134, prefix: 'flow destination-ipv6 2001:db8::/32/0 rd 65000:1', set: '' },
      { afi: 1, safi: 1, prefix: '10.9.0.0/16', pathId: 1, set: '198.51.100.1' },
      { afi: 1, safi: 1, prefix: '10.9.0.0/16', pathId: 2, set: '198.51.100.3' },
      { afi: 2, safi: 1, prefix: '2001:db8:9::/48', pathId: 3, set: '2001:db8::1' },
      { afi: 1, safi: 128, prefix: '10.2.0.0/24 label 1000 rd 65000:2', pathId: 4, set: '192.0.2.1' },
    ]);
    // One set per family and distinct bytes; each carries its family and the attributes without the next hop.
    for (const o of t.other) expect(t.sets[o.set]).toMatchObject({ afi: o.afi, safi: o.safi });
    for (const s of t.sets) expect(s.attributes).toEqual(ATTRS);
    expect(t.skippedRecords).toBe(0);
    expect(t.skippedFamilies.size).toBe(0);
  });

  it('writes RIB_GENERIC byte for byte as RFC 6396 §4.3.3 lays it out (AFI, SAFI, NLRI, entries)', () => {
    const w = new Writer();
    writeRibRecord(w, 1700000000, 7, { afi: 1, safi: 128, prefix: '10.0.0.0/25 label 1000 rd 65000:1', entries: [{ peerIndex: 1, originatedTime: 1700000001, nextHop: ['192.0.2.1'], attributes: { origin: 0 } }] });
    expect(Buffer.from(w.view()).toString('hex')).toBe(
      hex`6553f100 000d 0006 00000035
          00000007 0001 80 71 003e81 0000fde800000001 0a000000 0001
          0001 6553f101 0014 40 01 01 00  80 0e 0d 0c 0000000000000000 c0000201`.toString('hex'),
    );
  });

  it('counts RIB records of families rxbgp does not carry by name, RIB_GENERIC and undefined subtypes apart', () => {
    // RIB_GENERIC of BGP-LS (AFI 16388, SAFI 71: not carried) with a node NLRI's first octets.
    const bgpLs = Buffer.concat([hex`00000001 4004 47 0001 0004 00000000`, hex`0000`]);
    const t = readTableDump(dump([], record(13, 6, bgpLs), record(13, 6, bgpLs), record(13, 7, hex`00`)));
    expect([...t.skippedFamilies]).toEqual([['bgp-ls bgp-ls', 2]]);
    expect(t.skippedRecords).toBe(1); // subtype 7 is not defined
    expect(t.other).toEqual([]);
  });

  it('reads RIB_IPV4_MULTICAST (3) as ipv4 multicast routes now that the registry carries the family', () => {
    const t = readTableDump(dump([], record(13, 3, rib(0, 24, hex`0a0000`, V4_ATTRS))));
    expect(t.skippedFamilies.size).toBe(0);
    expect(t.other.map((o) => ({ afi: o.afi, safi: o.safi, prefix: o.prefix }))).toEqual([{ afi: 1, safi: 2, prefix: '10.0.0.0/24' }]);
  });

  it('names the offset of a RIB_GENERIC record whose NLRI does not decode', () => {
    // ipv4 mpls-vpn NLRI claiming 200 bits, longer than the record.
    const file = dump([], record(13, 6, hex`00000001 0001 80 c8 003e81 0000`));
    expect(() => readTableDump(file)).toThrow(MrtError);
    expect(() => readTableDump(file)).toThrow(/offset \d+ \(TABLE_DUMP_V2 subtype 6\): no ipv4 mpls-vpn NLRI before the entry count/);
  });

  it('refuses a route of a family rxbgp does not carry, and entries with path ids on some only', () => {
    const w = new Writer();
    expect(() => writeRibRecord(w, 0, 0, { afi: 16388, safi: 71, prefix: 'x', entries: [] })).toThrow('MRT RIB record of bgp-ls bgp-ls x: rxbgp does not carry the family');
    expect(() => writeRibRecord(w, 0, 0, { afi: 1, safi: 1, prefix: '10.0.0.0/8', entries: [entry(['192.0.2.1'], 1), entry(['192.0.2.1'])] })).toThrow('path ids on some entries only');
  });
});
