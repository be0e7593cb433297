/**
 * rxbgp against a real gobgpd (Debian 3.10), both ways round. GoBGP treats a next hop in
 * 127.0.0.0/8 as unusable, so every route rxbgp sends it has a 198.51.100.x next hop; gobgpd
 * prepends its own AS (65011) to the paths it originates.
 */
import { startGobgp } from './peers/gobgp';
import { describeInterop } from './scenario';

const gobgpd = { address: '127.0.0.11', port: 1791, apiPort: 50791, asn: 65011, routerId: '192.0.2.11' };
const rxbgp = { address: '127.0.0.12', port: 1792, asn: 65012, routerId: '192.0.2.12' };

describeInterop(
  {
    daemon: 'gobgpd',
    ...gobgpd,
    start: (neighbor) => startGobgp({ ...gobgpd, neighbor, families: ['ipv4 unicast', 'ipv6 unicast'] }),
    toDaemon: [
      {
        configured: {
          prefix: '10.12.0.0/24',
          nextHop: '198.51.100.12',
          origin: 'igp',
          asPath: [65012, 65100],
          med: 10,
          communities: ['65012:100', '65012:101'],
          largeCommunities: ['65012:1:2'],
          extendedCommunities: ['target:65012:1'],
        },
        reported: {
          prefix: '10.12.0.0/24',
          nextHop: '198.51.100.12',
          origin: 'igp',
          asPath: [65012, 65100],
          med: 10,
          communities: ['65012:100', '65012:101'],
          largeCommunities: ['65012:1:2'],
          extendedCommunities: ['target:65012:1'],
        },
      },
      {
        // No AS path configured: rxbgp puts its own AS first towards an eBGP peer (RFC 4271 §5.1.2).
        configured: { prefix: '2001:db8:12::/48', nextHop: '2001:db8::12', med: 20, communities: ['65012:200'] },
        reported: { prefix: '2001:db8:12::/48', nextHop: '2001:db8::12', origin: 'igp', asPath: [65012], med: 20, communities: ['65012:200'] },
      },
      {
        configured: { prefix: '10.12.1.0/24', nextHop: '198.51.100.12', asPath: [65012] },
        reported: { prefix: '10.12.1.0/24', nextHop: '198.51.100.12', asPath: [65012] },
      },
    ],
    fromDaemon: [
      {
        route: {
          prefix: '172.16.11.0/24',
          nextHop: '198.51.100.11',
          origin: 'igp',
          asPath: [65100],
          med: 10,
          communities: ['65011:7'],
          largeCommunities: ['65011:1:2'],
          extendedCommunities: ['target:65011:1'],
        },
        nextHop: '198.51.100.11',
        attribute: {
          origin: 'igp',
          'as-path': [65011, 65100],
          med: 10,
          community: [[65011, 7]],
          'large-community': [[65011, 1, 2]],
          'extended-community': [{ string: 'target:65011:1' }],
        },
      },
      {
        route: { prefix: '2001:db8:11::/48', nextHop: '2001:db8::11', origin: 'igp', med: 20, communities: ['65011:8'] },
        nextHop: '2001:db8::11',
        attribute: { origin: 'igp', 'as-path': [65011], med: 20, community: [[65011, 8]] },
      },
    ],
  },
  rxbgp,
);
