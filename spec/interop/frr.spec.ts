/**
 * rxbgp against a real FRR bgpd (Debian 8.4, standalone without zebra), both ways round. FRR
 * refuses a next hop in 127.0.0.0/8 (NOTIFICATION 3/8), so every route rxbgp sends it has a
 * 198.51.100.x / 2001:db8::x next hop; FRR prepends its own AS (65051) to the paths it originates.
 */
import { startFrr } from './peers/frr';
import { describeInterop } from './scenario';

const frr = { address: '127.0.0.51', port: 1781, asn: 65051, routerId: '192.0.2.51' };
const rxbgp = { address: '127.0.0.52', port: 1782, asn: 65052, routerId: '192.0.2.52' };

describeInterop(
  {
    daemon: 'frr',
    ...frr,
    start: (neighbor) => startFrr({ ...frr, neighbor, families: ['ipv4 unicast', 'ipv6 unicast'] }),
    toDaemon: [
      {
        configured: {
          prefix: '10.52.0.0/24',
          nextHop: '198.51.100.52',
          origin: 'egp',
          asPath: [65052, 65100],
          med: 10,
          communities: ['65052:100', '65052:101'],
          largeCommunities: ['65052:1:2'],
          extendedCommunities: ['target:65052:1'],
        },
        reported: {
          prefix: '10.52.0.0/24',
          nextHop: '198.51.100.52',
          origin: 'egp',
          asPath: [65052, 65100],
          med: 10,
          communities: ['65052:100', '65052:101'],
          largeCommunities: ['65052:1:2'],
          extendedCommunities: ['target:65052:1'],
        },
      },
      {
        // No AS path configured: rxbgp puts its own AS first towards an eBGP peer (RFC 4271 §5.1.2).
        configured: { prefix: '2001:db8:52::/48', nextHop: '2001:db8::52', med: 20, communities: ['65052:200'] },
        reported: { prefix: '2001:db8:52::/48', nextHop: '2001:db8::52', origin: 'igp', asPath: [65052], med: 20, communities: ['65052:200'] },
      },
      {
        configured: { prefix: '10.52.1.0/24', nextHop: '198.51.100.52', origin: 'incomplete', asPath: [65052] },
        reported: { prefix: '10.52.1.0/24', nextHop: '198.51.100.52', origin: 'incomplete', asPath: [65052] },
      },
    ],
    fromDaemon: [
      {
        route: {
          prefix: '172.16.51.0/24',
          nextHop: '198.51.100.51',
          origin: 'egp',
          asPath: [65100],
          med: 10,
          communities: ['65051:7'],
          largeCommunities: ['65051:1:2'],
          extendedCommunities: ['target:65051:1'],
        },
        nextHop: '198.51.100.51',
        attribute: {
          origin: 'egp',
          'as-path': [65051, 65100],
          med: 10,
          community: [[65051, 7]],
          'large-community': [[65051, 1, 2]],
          'extended-community': [{ string: 'target:65051:1' }],
        },
      },
      {
        route: { prefix: '2001:db8:51::/48', nextHop: '2001:db8::51', med: 20, communities: ['65051:8'] },
        nextHop: '2001:db8::51',
        attribute: { origin: 'igp', 'as-path': [65051], med: 20, community: [[65051, 8]] },
      },
    ],
  },
  rxbgp,
);
