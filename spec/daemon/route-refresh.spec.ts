/**
 * ROUTE-REFRESH (RFC 2918) with enhanced route refresh (RFC 7313): the peer asks again and gets
 * Adj-RIB-Out for that family between a BoRR and an EoRR, without the session resetting.
 */
import { startDaemon, until } from './helpers';
import { RawPeer } from './raw-peer';
import { endOfRib } from '../../lib/wire/end-of-rib';
import type { Message, RouteRefreshMessage, UpdateMessage } from '../../lib/wire/types';

const D = '127.0.0.81';
const P = '127.0.0.82';
const PORT = 17981;

const isUpdate = (m: Message): m is UpdateMessage => m.type === 'update';
const announced = (ms: Message[]) => ms.filter(isUpdate).flatMap((u) => u.announced.flatMap((a) => a.prefixes));

describe('ROUTE-REFRESH', () => {
  it('re-sends the family between BoRR and EoRR, and ignores a family that was not negotiated', async () => {
    const s = startDaemon({
      listen: [{ address: D, port: PORT }],
      neighbors: [{ peerAddress: P, localAddress: D, localAs: 65081, peerAs: 65082, routerId: '192.0.2.81', passive: true, routes: [{ prefix: '10.81.0.0/24' }, { prefix: '10.81.1.0/24', med: 5 }] }],
    });
    await s.started;
    const peer = await RawPeer.connect(D, PORT, P);
    try {
      peer.open({ localAs: 65082, routerId: '192.0.2.82' });
      await peer.waitFor((m) => m.type === 'open');
      peer.send({ type: 'keepalive' });
      await peer.waitFor((m) => isUpdate(m) && endOfRib(m) !== undefined);
      expect(announced(peer.received).sort()).toEqual(['10.81.0.0/24', '10.81.1.0/24']);

      const mark = peer.received.length;
      peer.send({ type: 'route-refresh', afi: 1, safi: 1, subtype: 0 });
      await peer.waitFor((m) => m.type === 'route-refresh' && m.subtype === 2);
      const after = peer.received.slice(mark);
      const refresh = after.filter((m): m is RouteRefreshMessage => m.type === 'route-refresh').map((m) => m.subtype);
      expect(refresh).toEqual([1, 2]); // BoRR then EoRR (RFC 7313 §4)
      const borr = after.findIndex((m) => m.type === 'route-refresh');
      const eorr = after.findIndex((m) => m.type === 'route-refresh' && m.subtype === 2);
      expect(announced(after.slice(borr, eorr)).sort()).toEqual(['10.81.0.0/24', '10.81.1.0/24']);

      peer.send({ type: 'route-refresh', afi: 2, safi: 1, subtype: 0 }); // IPv6 was not negotiated
      await new Promise((r) => setTimeout(r, 300));
      expect(peer.received.length).toBe(mark + after.length);
      expect(s.daemon.neighbors[0].state).toBe('Established');
      expect(peer.received.filter((m) => m.type === 'notification')).toEqual([]);
    } finally {
      peer.destroy();
      await s.daemon.stop();
    }
  });
});
