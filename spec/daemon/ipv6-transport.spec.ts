/** A session over IPv6 transport (::1), carrying IPv6 routes with next hop "self" and IPv4 routes. */
import { startDaemon, until } from './helpers';

describe('IPv6 transport', () => {
  it('peers over ::1 and exchanges IPv6 and IPv4 routes', async () => {
    const passive = startDaemon({
      listen: [{ address: '::1', port: 17941 }],
      neighbors: [{ peerAddress: '::1', localAddress: '::1', localAs: 65042, peerAs: 65041, routerId: '192.0.2.42', passive: true, families: ['ipv6 unicast', 'ipv4 unicast'] }],
    });
    await passive.started;
    const active = startDaemon({
      neighbors: [
        {
          peerAddress: '::1', peerPort: 17941, localAddress: '::1', localAs: 65041, peerAs: 65042, routerId: '192.0.2.41', families: ['ipv6 unicast', 'ipv4 unicast'],
          routes: [{ prefix: '2001:db8:41::/48', nextHop: 'self' }, { prefix: '10.41.0.0/16', nextHop: '198.51.100.41' }],
        },
      ],
    });
    await active.started;
    try {
      const rib = () => passive.daemon.neighbors[0].ribIn;
      await until(() => rib().size === 2, 10000, 'routes over IPv6 transport');
      expect(rib().get(2, 1, '2001:db8:41::/48')?.nextHop).toEqual(['::1']);
      expect(rib().get(1, 1, '10.41.0.0/16')?.nextHop).toEqual(['198.51.100.41']);
    } finally {
      await active.daemon.stop();
      await passive.daemon.stop();
    }
  });
});
