/**
 * mrtRoutes beyond unicast: a dump written with RIB_GENERIC records (labeled unicast, L3VPN,
 * FlowSpec) and an RFC 8050 ADD-PATH record is announced to a peer that negotiated those families,
 * and a record of a family rxbgp does not carry (BGP-LS, in RIB_GENERIC) is skipped and named in the log.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Daemon } from '../../lib/daemon/daemon';
import { writePeerIndexTable, writeRibRecord, type DumpRoute } from '../../lib/mrt/table-dump-v2-writer';
import { Writer } from '../../lib/wire/writer';
import { config, startDaemon, until } from './helpers';
import { record, rib, V4_ATTRS } from '../mrt/mrt-records';
import { hex } from '../helpers/hex';

const A = '127.0.101.1';
const B = '127.0.101.2';
const PORT = 18101;
const FAMILIES = ['ipv4 unicast', 'ipv4 nlri-mpls', 'ipv4 mpls-vpn', 'ipv6 mpls-vpn', 'ipv4 flow'];

const ATTRS = { origin: 0, asPath: [{ type: 2, asns: [64500] }], med: 5 };
const entry = (nextHop: string[], pathId?: number) => ({ peerIndex: 0, originatedTime: 1700000000, nextHop, attributes: ATTRS, ...(pathId === undefined ? {} : { pathId }) });
const ROUTES: DumpRoute[] = [
  { afi: 1, safi: 4, prefix: '10.1.0.0/24 label 1000', entries: [entry(['198.51.100.1'])] },
  { afi: 1, safi: 128, prefix: '10.0.0.0/25 label 2000 rd 65000:1', entries: [entry(['198.51.100.1'])] },
  { afi: 2, safi: 128, prefix: '2001:db8:1::/48 label 100 rd 1.2.3.4:5', entries: [entry(['2001:db8::1'])] },
  { afi: 1, safi: 133, prefix: 'flow destination-ipv4 10.3.0.0/24 protocol =tcp', entries: [entry([])] },
  // RIB_GENERIC_ADDPATH (12): read with its path id; the peer has no ADD-PATH, so it gets the route once.
  { afi: 1, safi: 128, prefix: '10.2.0.0/24 label 3000 rd 65000:2', entries: [entry(['198.51.100.1'], 7)] },
];

describe('mrtRoutes of every family', () => {
  let dir: string;
  let a: Daemon;
  let b: ReturnType<typeof startDaemon>;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-families-'));
    const w = new Writer();
    writePeerIndexTable(w, 1700000000, '192.0.2.254', 'rxbgp', [{ bgpId: '192.0.2.1', address: '192.0.2.1', as: 64500 }]);
    ROUTES.forEach((r, i) => writeRibRecord(w, 1700000000, i, r));
    // RIB_IPV4_MULTICAST (3): a family rxbgp does not carry.
    fs.writeFileSync(path.join(dir, 'rib.mrt'), Buffer.concat([Buffer.from(w.view()), record(13, 6, hex`00000009 4004 47 0001 0004 00000000 0000`)]));
    b = startDaemon({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.102', passive: true, families: FAMILIES }],
    });
    await b.started;
    const json = {
      neighbors: [
        {
          peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.101', connectRetry: 1,
          families: FAMILIES,
          mrtRoutes: [{ file: path.join(dir, 'rib.mrt') }],
        },
      ],
    };
    const log = (m: string) => logs.push(m);
    a = new Daemon(config(json), { error: log, warn: log, info: log, debug() {} });
    await a.start();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.daemon.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces labeled, VPN and FlowSpec routes of the dump with their attributes and next hops', async () => {
    const ribIn = () => b.daemon.neighbors[0].ribIn;
    await until(() => ribIn().size === 5, 10000, `five routes at the peer (log: ${logs.join(' | ')})`);
    const routes = Object.fromEntries([...ribIn().entries()].map(([, key, e]) => [key, { nextHop: e.nextHop, asPath: e.attributes.asPath, med: e.attributes.med }]));
    const asPath = [{ type: 2, asns: [65001, 64500] }];
    expect(routes).toEqual({
      '10.1.0.0/24 label 1000': { nextHop: ['198.51.100.1'], asPath, med: 5 },
      '10.0.0.0/25 label 2000 rd 65000:1': { nextHop: ['198.51.100.1'], asPath, med: 5 },
      '2001:db8:1::/48 label 100 rd 1.2.3.4:5': { nextHop: ['2001:db8::1'], asPath, med: 5 },
      'flow destination-ipv4 10.3.0.0/24 protocol =tcp': { nextHop: [], asPath, med: 5 },
      '10.2.0.0/24 label 3000 rd 65000:2': { nextHop: ['198.51.100.1'], asPath, med: 5 },
    });
    expect(ribIn().familySize(1, 128)).toBe(2);
    expect(ribIn().familySize(2, 128)).toBe(1);
    expect(ribIn().familySize(1, 4)).toBe(1);
    expect(ribIn().familySize(1, 133)).toBe(1);
  });

  it('logs the records of a family rxbgp does not carry by name', () => {
    expect(logs.some((l) => /rib\.mrt: 5 routes in \d+ attribute sets read in .*, 1 RIB records of bgp-ls bgp-ls skipped \(a family rxbgp does not carry\)/.test(l))).toBe(true);
  });
});
