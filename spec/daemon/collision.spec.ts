/**
 * RFC 4271 §6.8 connection collision: two speakers that both connect and both listen. Each ends
 * with exactly one Established session, the one the higher BGP Identifier initiated, and it stays up.
 */
import { startDaemon, until } from './helpers';

const A = '127.0.0.71';
const B = '127.0.0.72';
const PORT = 17971;

const side = (me: string, peer: string, asn: number, peerAs: number, id: string) => ({
  listen: [{ address: me, port: PORT }],
  neighbors: [{ peerAddress: peer, peerPort: PORT, localAddress: me, localAs: asn, peerAs, routerId: id, connectRetry: 1, holdTime: 9, routes: [{ prefix: `10.${asn - 65000}.0.0/24` }] }],
});

describe('connection collision (RFC 4271 §6.8)', () => {
  it('both sides active: one session survives and carries the routes', async () => {
    const a = startDaemon(side(A, B, 65071, 65072, '192.0.2.71'));
    const b = startDaemon(side(B, A, 65072, 65071, '192.0.2.72'));
    await Promise.all([a.started, b.started]);
    try {
      const na = () => a.daemon.neighbors[0];
      const nb = () => b.daemon.neighbors[0];
      await until(() => na().state === 'Established' && nb().state === 'Established' && na().ribIn.size === 1 && nb().ribIn.size === 1, 15000, 'one session each way');
      // The survivor is the connection initiated by the higher identifier (192.0.2.72 = B).
      expect(nb().session.connection?.direction).toBe('outgoing');
      expect(na().session.connection?.direction).toBe('incoming');
      // Resolved at the first OPEN: no connection was dropped before it (each side closing its own
      // attempt in favour of the accepted one loses both, and shows as OpenSent -> Active).
      const fsm = [...a.events, ...b.events].flatMap((e) => (e.event.kind === 'fsm' ? [`${e.event.from}>${e.event.to}`] : []));
      expect(fsm.filter((t) => t.endsWith('>Active'))).toEqual([]);
      // The losing connection ended with Cease / Connection Collision Resolution, and nothing else ended.
      const downs = () => [...a.events, ...b.events].flatMap((e) => (e.event.kind === 'down' ? [`${e.event.notification?.code}/${e.event.notification?.subcode}`] : []));
      expect(new Set(downs())).toEqual(new Set(['6/7']));
      const before = downs().length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(downs().length).toBe(before);
      expect([na().state, nb().state]).toEqual(['Established', 'Established']);
    } finally {
      await Promise.all([a.daemon.stop(), b.daemon.stop()]);
    }
  }, 30000);
});
