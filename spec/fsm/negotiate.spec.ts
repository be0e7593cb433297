import { buildOpen } from '../../lib/fsm/build-open';
import { negotiate } from '../../lib/fsm/negotiate';
import type { Negotiated, PeerSettings } from '../../lib/fsm/types';
import { BgpError } from '../../lib/wire/errors';
import { AS_TRANS, Afi, Safi } from '../../lib/wire/iana';
import { familyKey } from '../../lib/wire/types';
import type { Capability, OpenMessage } from '../../lib/wire/types';
import { toHex } from '../helpers/hex';
import { IPV4_UNICAST, IPV6_UNICAST, SETTINGS, peerOpen } from './fixtures';

const V4 = familyKey(Afi.IPV4, Safi.UNICAST);
const V6 = familyKey(Afi.IPV6, Safi.UNICAST);

function agree(peer: OpenMessage, settings: PeerSettings = SETTINGS): Negotiated {
  const result = negotiate(settings, buildOpen(settings), peer);
  if (result instanceof BgpError) throw new Error(`unexpected ${result.message}`);
  return result;
}

function reject(peer: OpenMessage, settings: PeerSettings = SETTINGS): { code: number; subcode: number; data: string } {
  const result = negotiate(settings, buildOpen(settings), peer);
  if (!(result instanceof BgpError)) throw new Error('OPEN was accepted');
  return { code: result.code, subcode: result.subcode, data: toHex(result.data) };
}

const withCaps = (...capabilities: Capability[]): OpenMessage => peerOpen({ capabilities });

describe('negotiate: OPEN validation (RFC 4271 §6.2)', () => {
  it.each<[string, OpenMessage, PeerSettings, { code: number; subcode: number; data: string }]>([
    ['version 3 → Unsupported Version, data = 4', peerOpen({ version: 3 }), SETTINGS, { code: 2, subcode: 1, data: '0004' }],
    ['version 5 → Unsupported Version, data = 4', peerOpen({ version: 5 }), SETTINGS, { code: 2, subcode: 1, data: '0004' }],
    ['wrong AS in asn4', withCaps({ kind: 'asn4', asn: 65003 }), SETTINGS, { code: 2, subcode: 2, data: '' }],
    ['wrong My AS without asn4', peerOpen({ myAs: 65003, capabilities: [] }), SETTINGS, { code: 2, subcode: 2, data: '' }],
    [
      '4-octet AS but My AS is not AS_TRANS (RFC 6793)',
      peerOpen({ myAs: 65002, capabilities: [{ kind: 'asn4', asn: 4200000002 }] }),
      { ...SETTINGS, peerAs: 4200000002 },
      { code: 2, subcode: 2, data: '' },
    ],
    [
      'AS_TRANS without asn4 for a 4-octet peer',
      peerOpen({ myAs: AS_TRANS, capabilities: [] }),
      { ...SETTINGS, peerAs: 4200000002 },
      { code: 2, subcode: 2, data: '' },
    ],
    ['hold time 1', peerOpen({ holdTime: 1 }), SETTINGS, { code: 2, subcode: 6, data: '' }],
    ['hold time 2', peerOpen({ holdTime: 2 }), SETTINGS, { code: 2, subcode: 6, data: '' }],
    ['identifier 0.0.0.0', peerOpen({ bgpId: '0.0.0.0' }), SETTINGS, { code: 2, subcode: 3, data: '' }],
    ['identifier not a dotted quad', peerOpen({ bgpId: '10.0.0' }), SETTINGS, { code: 2, subcode: 3, data: '' }],
    [
      'iBGP peer with our identifier (RFC 6286 §2.2)',
      peerOpen({ myAs: 65001, bgpId: '10.0.0.1', capabilities: [{ kind: 'asn4', asn: 65001 }] }),
      { ...SETTINGS, peerAs: 65001 },
      { code: 2, subcode: 3, data: '' },
    ],
    [
      'unknown optional parameter',
      peerOpen({ otherParams: [{ type: 1, value: Buffer.from([1, 2]) }] }),
      SETTINGS,
      { code: 2, subcode: 4, data: '' },
    ],
    // RFC 4271 §6.2 order: the version is checked before everything else, the AS before the hold time.
    ['version before AS', peerOpen({ version: 3, myAs: 1, capabilities: [] }), SETTINGS, { code: 2, subcode: 1, data: '0004' }],
    ['AS before hold time', peerOpen({ holdTime: 1, myAs: 1, capabilities: [] }), SETTINGS, { code: 2, subcode: 2, data: '' }],
    ['hold time before identifier', peerOpen({ holdTime: 2, bgpId: '0.0.0.0' }), SETTINGS, { code: 2, subcode: 6, data: '' }],
  ])('%s', (_name, peer, settings, expected) => {
    expect(reject(peer, settings)).toEqual(expected);
  });

  it('accepts an eBGP peer using our identifier (RFC 6286: unique only within an AS)', () => {
    expect(agree(peerOpen({ bgpId: '10.0.0.1' })).peerId).toBe('10.0.0.1');
  });

  it('accepts a 4-octet AS peer with AS_TRANS in My AS', () => {
    const n = agree(peerOpen({ myAs: AS_TRANS, capabilities: [{ kind: 'asn4', asn: 4200000002 }] }), {
      ...SETTINGS,
      peerAs: 4200000002,
    });
    expect(n.peerAs).toBe(4200000002);
  });

  it('takes the peer AS from My AS when there is no asn4 capability, and says asn4 is off', () => {
    const n = agree(peerOpen({ capabilities: [] }));
    expect([n.peerAs, n.asn4]).toEqual([65002, false]);
  });
});

describe('negotiate: session parameters', () => {
  it.each([
    [90, 180, 90, 30],
    [90, 30, 30, 10],
    [90, 3, 3, 1],
    [90, 10, 10, 3], // floor(10 / 3)
    [90, 0, 0, 0], // RFC 4271 §4.2: zero means no KEEPALIVE, no hold timer
  ])('our hold %d, theirs %d → hold %d, keepalive %d', (ours, theirs, hold, keepalive) => {
    const n = agree(peerOpen({ holdTime: theirs }), { ...SETTINGS, holdTime: ours });
    expect([n.holdTime, n.keepaliveTime]).toEqual([hold, keepalive]);
  });

  it('gives hold 0 when we propose 0, whatever the peer says', () => {
    const n = agree(peerOpen({ holdTime: 240 }), { ...SETTINGS, holdTime: 0 });
    expect([n.holdTime, n.keepaliveTime]).toEqual([0, 0]);
  });

  it('reports everything agreed for the default peer', () => {
    const local = buildOpen(SETTINGS);
    const peer = peerOpen();
    expect(negotiate(SETTINGS, local, peer)).toEqual({
      holdTime: 90,
      keepaliveTime: 30,
      peerAs: 65002,
      peerId: '10.0.0.2',
      asn4: true,
      extendedMessage: false,
      families: [IPV4_UNICAST, IPV6_UNICAST],
      addPathReceive: new Set(),
      addPathSend: new Set(),
      routeRefresh: true,
      enhancedRouteRefresh: false,
      localOpen: local,
      peerOpen: peer,
    });
  });

  it('may send IPv6 next hops for the families the peer advertised Extended Next Hop Encoding for (RFC 8950 §4)', () => {
    // IPv4 unicast and VPN-IPv4 with IPv6 next hops; IPv6 unicast with IPv4 ones (not what we send).
    const caps: Capability[] = [
      { kind: 'multiprotocol', ...IPV4_UNICAST },
      { kind: 'asn4', asn: 65002 },
      { kind: 'unknown', code: 5, value: Buffer.from('000100010002' + '000100800002' + '000200010001', 'hex') },
    ];
    const n = agree(withCaps(...caps));
    expect([...(n.extendedNextHopSend ?? [])].sort()).toEqual([familyKey(Afi.IPV4, Safi.UNICAST), familyKey(Afi.IPV4, Safi.MPLS_VPN)].sort());
    expect(agree(peerOpen()).extendedNextHopSend).toBeUndefined();
  });

  it('advertises Extended Next Hop Encoding as configured (RFC 8950 §3: <AFI 2, SAFI 2, Nexthop AFI 2> each)', () => {
    const open = buildOpen({ ...SETTINGS, extendedNextHop: [{ ...IPV4_UNICAST, nextHopAfi: Afi.IPV6 }] });
    const cap = open.capabilities.find((c) => c.kind === 'unknown' && c.code === 5);
    expect(cap && cap.kind === 'unknown' ? toHex(cap.value) : undefined).toBe('000100010002');
    expect(buildOpen(SETTINGS).capabilities.some((c) => c.kind === 'unknown' && c.code === 5)).toBe(false);
  });

  it('agrees extended message and enhanced route refresh only when the peer has them', () => {
    const n = agree(
      withCaps(
        { kind: 'asn4', asn: 65002 },
        { kind: 'extended-message' },
        { kind: 'enhanced-route-refresh' },
        { kind: 'route-refresh-cisco' },
      ),
    );
    expect([n.extendedMessage, n.enhancedRouteRefresh, n.routeRefresh]).toEqual([true, true, true]);
    const off = agree(withCaps({ kind: 'asn4', asn: 65002 }, { kind: 'extended-message' }), {
      ...SETTINGS,
      extendedMessage: false,
    });
    expect([off.extendedMessage, off.routeRefresh]).toEqual([false, false]);
  });

  describe('families (RFC 4760)', () => {
    it('is the intersection, in our order', () => {
      const n = agree(
        withCaps(
          { kind: 'multiprotocol', afi: Afi.IPV6, safi: Safi.UNICAST },
          { kind: 'multiprotocol', afi: Afi.IPV4, safi: Safi.FLOWSPEC },
          { kind: 'asn4', asn: 65002 },
        ),
      );
      expect(n.families).toEqual([IPV6_UNICAST]);
    });

    it('is IPv4 unicast when the peer sends no Multiprotocol capability at all (§8)', () => {
      expect(agree(withCaps({ kind: 'asn4', asn: 65002 })).families).toEqual([IPV4_UNICAST]);
    });

    it('is empty when the peer has no MP capability and we do not do IPv4 unicast', () => {
      expect(agree(withCaps({ kind: 'asn4', asn: 65002 }), { ...SETTINGS, families: [IPV6_UNICAST] }).families).toEqual([]);
    });

    it('is IPv4 unicast when neither side sends Multiprotocol', () => {
      expect(agree(peerOpen({ capabilities: [] }), { ...SETTINGS, families: [] }).families).toEqual([IPV4_UNICAST]);
    });
  });

  describe('ADD-PATH (RFC 7911 §4)', () => {
    // [our mode, their mode, we receive path ids, we send path ids]
    it.each([
      [1, 1, false, false],
      [1, 2, true, false],
      [1, 3, true, false],
      [2, 1, false, true],
      [2, 2, false, false],
      [2, 3, false, true],
      [3, 1, false, true],
      [3, 2, true, false],
      [3, 3, true, true],
      [3, 0, false, false], // peer sent no ADD-PATH for the family
    ])('ours %d, theirs %d → receive %s, send %s', (ours, theirs, receive, send) => {
      const settings = { ...SETTINGS, addPath: [{ ...IPV4_UNICAST, mode: ours }] };
      const caps: Capability[] = [{ kind: 'multiprotocol', ...IPV4_UNICAST }, { kind: 'asn4', asn: 65002 }];
      if (theirs !== 0) caps.push({ kind: 'add-path', families: [{ ...IPV4_UNICAST, mode: theirs }] });
      const n = agree(withCaps(...caps), settings);
      expect([n.addPathReceive.has(V4), n.addPathSend.has(V4)]).toEqual([receive, send]);
    });

    it('applies per family, and only to families both sides negotiated', () => {
      const settings = {
        ...SETTINGS,
        families: [IPV4_UNICAST],
        addPath: [
          { ...IPV4_UNICAST, mode: 1 },
          { ...IPV6_UNICAST, mode: 3 },
        ],
      };
      const n = agree(
        withCaps(
          { kind: 'multiprotocol', ...IPV4_UNICAST },
          { kind: 'multiprotocol', ...IPV6_UNICAST },
          { kind: 'asn4', asn: 65002 },
          { kind: 'add-path', families: [{ ...IPV4_UNICAST, mode: 2 }, { ...IPV6_UNICAST, mode: 3 }] },
        ),
        settings,
      );
      expect([...n.addPathReceive]).toEqual([V4]);
      expect([...n.addPathSend]).toEqual([]);
      expect(n.addPathReceive.has(V6)).toBe(false);
    });
  });
});
