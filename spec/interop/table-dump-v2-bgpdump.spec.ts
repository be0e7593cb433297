/**
 * Debian's bgpdump (1.6) reads the TABLE_DUMP_V2 dumps lib/mrt/table-dump-v2-writer.ts writes, as
 * far as it reads TABLE_DUMP_V2 at all: RIB_IPV4/IPV6_UNICAST (2, 4) and the RFC 8050 ADDPATH
 * twins (8, 10). It has no decoder for RIB_GENERIC (6, 12): such records are passed over without a
 * line, so the labeled, VPN and FlowSpec routes of the same dump are checked by rxbgp's own reader
 * (spec/mrt/table-dump-v2-writer.spec.ts), and here only that bgpdump reads past them.
 * Then BGP4MP, what the MRT sink writes: bgpdump frames labeled and VPN UPDATEs and prints their
 * attributes, but decodes MP_REACH_NLRI only for SAFI 1 and 2, so it prints no prefix for them.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { FAMILY_CONTEXT } from '../../lib/families/family-context';
import { bgp4mpPeering, writeBgp4mpMessage } from '../../lib/mrt/bgp4mp-writer';
import { writePeerIndexTable, writeRibRecord, type DumpRoute } from '../../lib/mrt/table-dump-v2-writer';
import { encodeMessage } from '../../lib/wire/message';
import { Writer } from '../../lib/wire/writer';

function bgpdump(...args: string[]): string {
  return execFileSync('bgpdump', ['-q', ...args], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

const ATTRS = { origin: 0, asPath: [{ type: 2, asns: [64500, 4200000000] }], med: 5 };
const entry = (nextHop: string[], pathId?: number, peerIndex = 0) => ({ peerIndex, originatedTime: 1700000000, nextHop, attributes: ATTRS, ...(pathId === undefined ? {} : { pathId }) });

describe('bgpdump reading what lib/mrt writes for every family', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-dump-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the unicast and ADD-PATH entries of a TABLE_DUMP_V2 dump, reading past the RIB_GENERIC records', () => {
    const routes: DumpRoute[] = [
      { afi: 1, safi: 1, prefix: '10.0.0.0/24', entries: [entry(['198.51.100.1']), entry(['198.51.100.2'], undefined, 1)] },
      { afi: 1, safi: 128, prefix: '10.0.0.0/25 label 1000 rd 65000:1', entries: [entry(['192.0.2.1'])] },
      { afi: 2, safi: 1, prefix: '2001:db8:1::/48', entries: [entry(['2001:db8::1'])] },
      { afi: 1, safi: 4, prefix: '10.1.0.0/24 label 1000', entries: [entry(['192.0.2.1'])] },
      { afi: 2, safi: 128, prefix: '2001:db8:1::/48 label 100 rd 1.2.3.4:5', entries: [entry(['2001:db8::1'], 9)] },
      { afi: 1, safi: 133, prefix: 'flow destination-ipv4 10.0.0.0/24 protocol =tcp', entries: [entry([])] },
      { afi: 1, safi: 1, prefix: '10.9.0.0/16', entries: [entry(['198.51.100.1'], 1), entry(['198.51.100.3'], 2)] },
      { afi: 2, safi: 1, prefix: '2001:db8:9::/48', entries: [entry(['2001:db8::1'], 3)] },
    ];
    const w = new Writer();
    writePeerIndexTable(w, 1700000000, '192.0.2.254', 'rxbgp', [
      { bgpId: '192.0.2.1', address: '192.0.2.1', as: 64500 },
      { bgpId: '192.0.2.2', address: '2001:db8::2', as: 4200000000 },
    ]);
    routes.forEach((r, i) => writeRibRecord(w, 1700000000, i, r));
    const file = path.join(dir, 'rib.mrt');
    fs.writeFileSync(file, Buffer.from(w.view()));

    expect(bgpdump('-m', file).trim().split('\n')).toEqual([
      'TABLE_DUMP2|1700000000|B|192.0.2.1|64500|10.0.0.0/24|64500 4200000000|IGP|198.51.100.1|0|5||NAG||',
      'TABLE_DUMP2|1700000000|B|2001:db8::2|4200000000|10.0.0.0/24|64500 4200000000|IGP|198.51.100.2|0|5||NAG||',
      'TABLE_DUMP2|1700000000|B|192.0.2.1|64500|2001:db8:1::/48|64500 4200000000|IGP|2001:db8::1|0|5||NAG||',
      'TABLE_DUMP2_AP|1700000000|B|192.0.2.1|64500|10.9.0.0/16|1|64500 4200000000|IGP|198.51.100.1|0|5||NAG||',
      'TABLE_DUMP2_AP|1700000000|B|192.0.2.1|64500|10.9.0.0/16|2|64500 4200000000|IGP|198.51.100.3|0|5||NAG||',
      'TABLE_DUMP2_AP|1700000000|B|192.0.2.1|64500|2001:db8:9::/48|3|64500 4200000000|IGP|2001:db8::1|0|5||NAG||',
    ]);
    // One block per entry; the sequence numbers are the records' own: it read each record after the RIB_GENERIC ones.
    const verbose = bgpdump(file);
    expect([...verbose.matchAll(/^TYPE: (.*)\nPREFIX: (.*)\nSEQUENCE: (\d+)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual([
      'TABLE_DUMP_V2/IPV4_UNICAST 10.0.0.0/24 0',
      'TABLE_DUMP_V2/IPV4_UNICAST 10.0.0.0/24 0',
      'TABLE_DUMP_V2/IPV6_UNICAST 2001:db8:1::/48 2',
      'TABLE_DUMP_V2/IPV4_UNICAST_ADDPATH 10.9.0.0/16 PATH_ID: 1 6',
      'TABLE_DUMP_V2/IPV4_UNICAST_ADDPATH 10.9.0.0/16 PATH_ID: 2 6',
      'TABLE_DUMP_V2/IPV6_UNICAST_ADDPATH 2001:db8:9::/48 PATH_ID: 3 7',
    ]);
  });

  it('frames BGP4MP records of labeled and VPN UPDATEs, printing their attributes but no NLRI', () => {
    const w = new Writer();
    const peering = bgp4mpPeering(64500, 64501, '192.0.2.1', '192.0.2.2');
    const announced = [
      { afi: 1, safi: 4, nextHop: ['192.0.2.1'], prefixes: ['10.1.0.0/24 label 1000'] },
      { afi: 1, safi: 128, nextHop: ['192.0.2.1'], prefixes: ['10.0.0.0/25 label 1000 rd 65000:1'] },
      { afi: 2, safi: 128, nextHop: ['2001:db8::1'], prefixes: ['2001:db8:1::/48 label 100 rd 1.2.3.4:5'] },
    ];
    for (const [i, list] of announced.entries()) {
      const message = encodeMessage({ type: 'update', withdrawn: [], attributes: { origin: 0, asPath: [{ type: 2, asns: [64500 + i] }] }, announced: [list] }, FAMILY_CONTEXT);
      writeBgp4mpMessage(w, peering, 1700000000000 + i * 1000, message);
    }
    const file = path.join(dir, 'updates.mrt');
    fs.writeFileSync(file, Buffer.from(w.view()));

    // -m prints a line per announced or withdrawn prefix it decodes: none here.
    expect(bgpdump('-m', file)).toBe('');
    const verbose = bgpdump(file);
    expect(verbose.match(/^TYPE: BGP4MP\/MESSAGE\/Update$/gm)).toHaveLength(3);
    expect(verbose.match(/^ASPATH: .*$/gm)).toEqual(['ASPATH: 64500', 'ASPATH: 64501', 'ASPATH: 64502']);
    expect(verbose.match(/^MP_REACH_NLRI.*$/gm)).toHaveLength(3);
  });
});
