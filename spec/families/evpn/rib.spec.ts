/**
 * EVPN routes through the generic RIB machinery: the Adj-RIB-Out keys a route by its BGP route key
 * (RFC 7432 §7, RFC 9136 §3.1: FamilyDescriptor.routeKey), so new labels or a new ESI replace it and a
 * withdrawal naming the key removes it; a config reload sends only what changed; the Adj-RIB-In
 * finds the route a peer withdraws whatever labels the withdrawal carries; End-of-RIB is l2vpn evpn's
 * (RFC 4724 §2: an MP_UNREACH_NLRI with no NLRI) both ways.
 */
import { isLeft } from 'fp-ts/Either';
import { parseCommand } from '../../../lib/api/commands/parse-command';
import type { RouteSpec } from '../../../lib/api/commands/types';
import { updateMessageBody } from '../../../lib/api/exabgp-json/update';
import { decodeConfig } from '../../../lib/config';
import { familyContext } from '../../../lib/families/family-context';
import { AdjRibIn } from '../../../lib/rib/adj-rib-in';
import { AdjRibOut } from '../../../lib/rib/adj-rib-out';
import { endOfRib, endOfRibMessage } from '../../../lib/wire/end-of-rib';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { hex, toHex } from '../../helpers/hex';
import { announce, NLRI, withdraw } from './helpers/vectors';

function route(line: string): RouteSpec {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return (parsed.command as { routes: readonly RouteSpec[] }).routes[0];
}

const sent = (change: ReturnType<AdjRibOut['upsert']>): string[] => change.announce.flatMap((g) => [...g.prefixes]);
const withdrawn = (change: ReturnType<AdjRibOut['remove']>): string[] => change.withdraw.flatMap((g) => [...g.prefixes]);
const MAC = 'mac-ip rd 65000:1 mac 00:11:22:33:44:55 ip 10.0.0.1';

describe('EVPN routes in the Adj-RIB-Out', () => {
  it('replaces a MAC/IP route announced again with new labels or ESI, and sends it; the same again is not sent', () => {
    const rib = new AdjRibOut();
    expect(sent(rib.upsert([route(`announce evpn route ${MAC} label 100 next-hop 198.51.100.1`)]))).toEqual(['mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label 100']);
    expect(sent(rib.upsert([route(`announce evpn route ${MAC} esi 01:01:01:01:01:01:01:01:01:01 label 200 next-hop 198.51.100.1`)]))).toEqual([
      'mac-ip rd 65000:1 esi 01:01:01:01:01:01:01:01:01:01 ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label 200',
    ]);
    expect(rib.size).toBe(1);
    expect(sent(rib.upsert([route(`announce evpn route ${MAC} esi 01:01:01:01:01:01:01:01:01:01 label 200 next-hop 198.51.100.1`)]))).toEqual([]);
  });

  it('withdraws a route named by its key alone, with what it was sent with', () => {
    const rib = new AdjRibOut();
    rib.upsert([route(`announce evpn route ${MAC} label 100 next-hop 198.51.100.1`)]);
    expect(withdrawn(rib.remove([route(`withdraw evpn route ${MAC}`)]))).toEqual(['mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label 100']);
    expect(rib.size).toBe(0);
  });

  it('holds routes differing in RD, MAC, IP or Ethernet Tag apart', () => {
    const rib = new AdjRibOut();
    rib.upsert(
      [`${MAC}`, 'mac-ip rd 65000:2 mac 00:11:22:33:44:55 ip 10.0.0.1', 'mac-ip rd 65000:1 mac 00:11:22:33:44:66 ip 10.0.0.1', 'mac-ip rd 65000:1 mac 00:11:22:33:44:55', 'mac-ip rd 65000:1 ethernet-tag 5 mac 00:11:22:33:44:55 ip 10.0.0.1'].map((r) =>
        route(`announce evpn route ${r} label 100 next-hop 198.51.100.1`),
      ),
    );
    expect(rib.size).toBe(5);
  });

  it('sends on a config reload only the routes that changed', () => {
    const config = (evpn: unknown[]) => ({ localAs: 65000, routerId: '192.0.2.1', neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65000, evpn }] });
    const routesOf = (evpn: unknown[]) => {
      const decoded = decodeConfig(config(evpn));
      if (isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
      return decoded.right.neighbors[0].routes;
    };
    const mac = { routeType: 'mac-ip', rd: '65000:1', mac: '00:11:22:33:44:55', labels: [100], nextHop: '198.51.100.1' };
    const imet = { routeType: 'multicast', rd: '65000:1', ip: '198.51.100.1', nextHop: '198.51.100.1', extendedCommunities: ['target:65000:1'] };
    const prefix = { routeType: 'ip-prefix', rd: '65000:1', prefix: '10.0.0.0/24', vni: 10, nextHop: '198.51.100.1' };
    const rib = new AdjRibOut();
    rib.load(routesOf([mac, imet, prefix]));
    const change = rib.load(routesOf([{ ...mac, labels: [200] }, imet, { ...imet, rd: '65000:2' }]));
    expect(change.announce.flatMap((g) => g.prefixes).sort()).toEqual(['mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 label 200', 'multicast rd 65000:2 ethernet-tag 0 ip 198.51.100.1']);
    expect(change.withdraw.flatMap((g) => g.prefixes)).toEqual(['ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.0.0.0/24 gateway 0.0.0.0 label 0 (10)']);
    const communities = rib.load(routesOf([{ ...mac, labels: [200] }, { ...imet, extendedCommunities: ['target:65000:9'] }, { ...imet, rd: '65000:2' }]));
    expect(communities.announce.flatMap((g) => g.prefixes)).toEqual(['multicast rd 65000:1 ethernet-tag 0 ip 198.51.100.1']);
    expect(communities.withdraw).toEqual([]);
  });
});

describe('received EVPN routes in the Adj-RIB-In', () => {
  const ctx = familyContext(DEFAULT_CONTEXT);
  const decode = (message: Buffer): UpdateMessage => decodeMessage(message, ctx) as UpdateMessage;
  const keys = (rib: AdjRibIn): string[] => [...rib.familyEntries(25, 70)].map(([key]) => key);

  it('replaces a route announced again with other labels, and removes it on a withdrawal with a zero label field', () => {
    const rib = new AdjRibIn();
    expect(rib.apply(decode(announce(hex`c6336401`, NLRI.macIpv4TwoLabels)))).toEqual({ announced: 1, withdrawn: 0 });
    const relabelled = Buffer.concat([hex`02 25`, NLRI.macIpv4TwoLabels.subarray(2, 36), hex`000c81`]);
    rib.apply(decode(announce(hex`c6336401`, relabelled)));
    expect(keys(rib)).toEqual(['mac-ip rd 65000:1 esi 01:02:03:04:05:06:07:08:09:0a ethernet-tag 1000 mac 02:AA:BB:CC:DD:EE ip 10.0.0.1 label 200']);
    const zeroLabel = Buffer.concat([hex`02 25`, NLRI.macIpv4TwoLabels.subarray(2, 36), hex`000000`]);
    expect(rib.apply(decode(withdraw(zeroLabel)))).toEqual({ announced: 0, withdrawn: 1 });
    expect(rib.familySize(25, 70)).toBe(0);
  });

  it('keeps the other route types and RDs', () => {
    const rib = new AdjRibIn();
    rib.apply(decode(announce(hex`c6336401`, Buffer.concat([NLRI.multicastIpv4, NLRI.multicastIpv6, NLRI.prefixIpv4]))));
    rib.apply(decode(withdraw(NLRI.multicastIpv4)));
    expect(keys(rib)).toEqual(['multicast rd 65000:2 ethernet-tag 100 ip 2001:db8::2', 'ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.0.0.0/24 gateway 0.0.0.0 label 100']);
  });
});

describe('EVPN End-of-RIB (RFC 4724 §2)', () => {
  it('is an empty MP_UNREACH_NLRI of AFI 25 / SAFI 70, read and written, printed as ExaBGP prints it', () => {
    const ctx = familyContext(DEFAULT_CONTEXT);
    const bytes = encodeMessage(endOfRibMessage({ afi: 25, safi: 70 }), ctx);
    expect(toHex(bytes)).toBe(toHex(withdraw(Buffer.alloc(0))));
    const message = decodeMessage(bytes, ctx) as UpdateMessage;
    expect(endOfRib(message)).toEqual({ afi: 25, safi: 70 });
    expect(updateMessageBody(message, 'in', ctx)).toBe('"eor": { "afi" : "l2vpn", "safi" : "evpn" }');
  });

  it('is asked for with `announce eor l2vpn evpn`', () => {
    expect(parseCommand('announce eor l2vpn evpn')).toMatchObject({ ok: true, command: { kind: 'announce-eor', family: { afi: 25, safi: 70 } } });
  });
});
