/**
 * ROUTE-REFRESH (RFC 2918, RFC 7313) and End-of-RIB (RFC 4724) for the families without prefixes
 * and multicast: a daemon announcing config routes of "l2vpn vpls", "ipv4 rtc" and "ipv4 multicast"
 * to a hand-driven peer sends each family's End-of-RIB after its routes, and re-sends one family's
 * routes between BoRR and EoRR when the peer asks for that family.
 */
import { startDaemon } from '../../daemon/helpers';
import { RawPeer } from '../../daemon/raw-peer';
import { endOfRib } from '../../../lib/wire/end-of-rib';
import type { Message, UpdateMessage } from '../../../lib/wire/types';

const D = '127.0.104.43';
const P = '127.0.104.44';
const PORT = 17943;
const FAMILIES = [
  { afi: 1, safi: 1 },
  { afi: 1, safi: 2 },
  { afi: 25, safi: 65 },
  { afi: 1, safi: 132 },
];

const isUpdate = (m: Message): m is UpdateMessage => m.type === 'update';
const announced = (ms: Message[], safi: number) => ms.filter(isUpdate).flatMap((u) => u.announced.filter((a) => a.safi === safi).flatMap((a) => [...a.prefixes]));

describe('End-of-RIB and ROUTE-REFRESH for VPLS, RTC and multicast', () => {
  it('sends each family then its End-of-RIB, and re-sends one family on request', async () => {
    const s = startDaemon({
      listen: [{ address: D, port: PORT }],
      neighbors: [
        {
          peerAddress: P,
          localAddress: D,
          localAs: 65043,
          peerAs: 65044,
          routerId: '192.0.2.43',
          passive: true,
          families: ['ipv4 unicast', 'ipv4 multicast', 'l2vpn vpls', 'ipv4 rtc'],
          routes: [{ prefix: '232.1.1.0/24', nextHop: '198.51.100.43' }],
          // No nextHop: "self", the session's IPv4 address (not an IPv4-mapped IPv6 one).
          vpls: [{ rd: '65043:1', endpoint: 1, base: 800000, offset: 0, size: 10 }],
          rtc: [{ originAs: 65043, routeTarget: 'target:65043:1', nextHop: '192.0.2.43' }, { prefixLength: 0, nextHop: '192.0.2.43' }],
        },
      ],
    });
    await s.started;
    const peer = await RawPeer.connect(D, PORT, P);
    try {
      peer.open({ localAs: 65044, routerId: '192.0.2.44', families: FAMILIES });
      await peer.waitFor((m) => m.type === 'open');
      peer.send({ type: 'keepalive' });
      for (const f of FAMILIES) await peer.waitFor((m) => isUpdate(m) && endOfRib(m)?.afi === f.afi && endOfRib(m)?.safi === f.safi);
      expect(announced(peer.received, 2)).toEqual(['232.1.1.0/24']);
      expect(announced(peer.received, 65)).toEqual(['rd 65043:1 endpoint 1 base 800000 offset 0 size 10']);
      expect(peer.received.filter(isUpdate).flatMap((u) => u.announced.filter((a) => a.safi === 65).map((a) => a.nextHop))).toEqual([[D]]);
      expect(announced(peer.received, 132).sort()).toEqual(['origin-as 65043 route-target target:65043:1', 'prefix-length 0']);

      const mark = peer.received.length;
      peer.send({ type: 'route-refresh', afi: 1, safi: 132, subtype: 0 });
      await peer.waitFor((m) => m.type === 'route-refresh' && m.subtype === 2);
      const after = peer.received.slice(mark);
      expect(announced(after, 132).sort()).toEqual(['origin-as 65043 route-target target:65043:1', 'prefix-length 0']);
      expect([...announced(after, 2), ...announced(after, 65)]).toEqual([]);
      expect(peer.received.filter((m) => m.type === 'notification')).toEqual([]);
    } finally {
      peer.destroy();
      await s.daemon.stop();
    }
  }, 30000);
});
