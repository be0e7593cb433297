import { negotiatedJson } from '../../../lib/api/exabgp-json';
import type { Negotiated } from '../../../lib/fsm/types';
import { familyKey, type Capability, type OpenMessage } from '../../../lib/wire/types';
import { TEST_SOURCE } from './helpers/rxbgp-json';

const n = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };

function openWith(capabilities: Capability[]): OpenMessage {
  return { type: 'open', version: 4, myAs: 65001, holdTime: 90, bgpId: '192.0.2.1', capabilities };
}

function negotiated(local: Capability[], peer: Capability[], extra: Partial<Negotiated> = {}): Negotiated {
  return {
    holdTime: 90,
    keepaliveTime: 30,
    peerAs: 65002,
    peerId: '192.0.2.2',
    asn4: true,
    extendedMessage: false,
    families: [],
    addPathReceive: new Set(),
    addPathSend: new Set(),
    routeRefresh: false,
    enhancedRouteRefresh: false,
    localOpen: openWith(local),
    peerOpen: openWith(peer),
    ...extra,
  };
}

function content(neg: Negotiated): string {
  const line = negotiatedJson(TEST_SOURCE, n, neg);
  return line.slice(line.indexOf('"negotiated": {'));
}

const V4: Capability = { kind: 'multiprotocol', afi: 1, safi: 1 };
const V6: Capability = { kind: 'multiprotocol', afi: 2, safi: 1 };
/** RFC 8950: IPv4 unicast over an IPv6 next hop. */
const NEXT_HOP: Capability = { kind: 'unknown', code: 5, value: Buffer.from('000100010002', 'hex') };

describe('negotiated events', () => {
  it('derive families, refresh, next hop and ADD-PATH from both OPENs the way ExaBGP does', () => {
    const neg = negotiated(
      [V4, V6, { kind: 'route-refresh' }, { kind: 'enhanced-route-refresh' }, NEXT_HOP, { kind: 'unknown', code: 185, value: Buffer.alloc(0) }],
      [V6, V4, { kind: 'route-refresh' }, { kind: 'enhanced-route-refresh' }, NEXT_HOP, { kind: 'unknown', code: 185, value: Buffer.alloc(0) }],
      { extendedMessage: true, addPathSend: new Set([familyKey(1, 1)]), addPathReceive: new Set([familyKey(1, 1), familyKey(2, 1)]) },
    );
    expect(content(neg)).toBe(
      '"negotiated": { "message_size": 65535, "hold_time": 90, "asn4": true, "multisession": false, "operational": true, ' +
        '"refresh": "enhanced", "families": [ "ipv6 unicast" ,"ipv4 unicast" ], "nexthop": [ "ipv4 unicast ipv6" ], ' +
        '"add_path": { "send": [ "ipv4 unicast" ], "receive": [ "ipv6 unicast", "ipv4 unicast" ] } }  } }',
    );
  });

  it('lists no family when one side sent no Multiprotocol capability, and counts only code 2 as route refresh', () => {
    const neg = negotiated([V4, { kind: 'route-refresh-cisco' }], [{ kind: 'route-refresh-cisco' }], { asn4: false, holdTime: 0 });
    expect(content(neg)).toBe(
      '"negotiated": { "message_size": 4096, "hold_time": 0, "asn4": false, "multisession": false, "operational": false, ' +
        '"refresh": "absent", "families": [  ], "nexthop": [  ], "add_path": { "send": [  ], "receive": [  ] } }  } }',
    );
  });
});
