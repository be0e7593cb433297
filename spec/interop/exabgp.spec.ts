/**
 * rxbgp against a real ExaBGP (Debian 4.2.21), both ways round, everything through ExaBGP's API.
 * ExaBGP sends an AS path exactly as given, and its own AS (65031) alone when none is given.
 */
import { startExabgp } from './peers/exabgp';
import { describeInterop } from './scenario';

const exabgp = { address: '127.0.0.31', port: 1795, asn: 65031, routerId: '192.0.2.31' };
const rxbgp = { address: '127.0.0.32', port: 1796, asn: 65032, routerId: '192.0.2.32' };

describeInterop(
  {
    daemon: 'exabgp',
    ...exabgp,
    start: (neighbor) => startExabgp({ ...exabgp, neighbor, families: ['ipv4 unicast', 'ipv6 unicast'] }),
    toDaemon: [
      {
        configured: {
          prefix: '10.32.0.0/24',
          nextHop: '198.51.100.32',
          origin: 'incomplete',
          asPath: [65032, 65100],
          med: 10,
          communities: ['65032:100', '65032:101'],
          largeCommunities: ['65032:1:2'],
          extendedCommunities: ['target:65032:1'],
        },
        reported: {
          prefix: '10.32.0.0/24',
          nextHop: '198.51.100.32',
          origin: 'incomplete',
          asPath: [65032, 65100],
          med: 10,
          communities: ['65032:100', '65032:101'],
          largeCommunities: ['65032:1:2'],
          extendedCommunities: ['target:65032:1'],
        },
      },
      {
        // No AS path configured: rxbgp puts its own AS first towards an eBGP peer (RFC 4271 §5.1.2).
        configured: { prefix: '2001:db8:32::/48', nextHop: '2001:db8::32', med: 20, communities: ['65032:200'] },
        reported: { prefix: '2001:db8:32::/48', nextHop: '2001:db8::32', origin: 'igp', asPath: [65032], med: 20, communities: ['65032:200'] },
      },
      {
        // "self": the local address of the session.
        configured: { prefix: '10.32.1.0/24', nextHop: 'self' },
        reported: { prefix: '10.32.1.0/24', nextHop: rxbgp.address, asPath: [65032] },
      },
    ],
    fromDaemon: [
      {
        route: {
          prefix: '172.16.31.0/24',
          nextHop: '198.51.100.31',
          origin: 'igp',
          asPath: [65031, 65100],
          med: 10,
          communities: ['65031:7'],
          largeCommunities: ['65031:1:2'],
          extendedCommunities: ['target:65031:1'],
        },
        nextHop: '198.51.100.31',
        attribute: {
          origin: 'igp',
          'as-path': [65031, 65100],
          med: 10,
          community: [[65031, 7]],
          'large-community': [[65031, 1, 2]],
          'extended-community': [{ string: 'target:65031:1' }],
        },
      },
      {
        route: { prefix: '2001:db8:31::/48', nextHop: '2001:db8::31', med: 20, communities: ['65031:8'] },
        nextHop: '2001:db8::31',
        attribute: { origin: 'igp', 'as-path': [65031], med: 20, community: [[65031, 8]] },
      },
    ],
  },
  rxbgp,
);
