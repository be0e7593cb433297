/**
 * rxbgp against a real BIRD 2 (Debian 2.0.12), both ways round. BIRD prepends its own AS (65021)
 * to the paths it originates; it keeps an unresolvable next hop (nothing routes 198.51.100.0/24
 * here) and shows the route as unreachable, which is fine for comparing attributes.
 */
import { startBird } from './peers/bird';
import { describeInterop } from './scenario';

const bird = { address: '127.0.0.21', port: 1793, asn: 65021, routerId: '192.0.2.21' };
const rxbgp = { address: '127.0.0.22', port: 1794, asn: 65022, routerId: '192.0.2.22' };

describeInterop(
  {
    daemon: 'bird',
    ...bird,
    start: (neighbor) => startBird({ ...bird, neighbor, families: ['ipv4 unicast', 'ipv6 unicast'] }),
    toDaemon: [
      {
        configured: {
          prefix: '10.22.0.0/24',
          nextHop: '198.51.100.22',
          origin: 'egp',
          asPath: [65022, 65100],
          med: 10,
          communities: ['65022:100', '65022:101'],
          largeCommunities: ['65022:1:2'],
          extendedCommunities: ['target:65022:1'],
        },
        reported: {
          prefix: '10.22.0.0/24',
          nextHop: '198.51.100.22',
          origin: 'egp',
          asPath: [65022, 65100],
          med: 10,
          communities: ['65022:100', '65022:101'],
          largeCommunities: ['65022:1:2'],
          extendedCommunities: ['target:65022:1'],
        },
      },
      {
        // No AS path configured: rxbgp puts its own AS first towards an eBGP peer (RFC 4271 §5.1.2).
        configured: { prefix: '2001:db8:22::/48', nextHop: '2001:db8::22', med: 20, communities: ['65022:200'] },
        reported: { prefix: '2001:db8:22::/48', nextHop: '2001:db8::22', origin: 'igp', asPath: [65022], med: 20, communities: ['65022:200'] },
      },
      {
        // "self": the local address of the session.
        configured: { prefix: '10.22.1.0/24', nextHop: 'self' },
        reported: { prefix: '10.22.1.0/24', nextHop: rxbgp.address, asPath: [65022] },
      },
    ],
    fromDaemon: [
      {
        route: {
          prefix: '172.16.21.0/24',
          nextHop: '198.51.100.21',
          origin: 'igp',
          asPath: [65100],
          med: 10,
          communities: ['65021:7'],
          largeCommunities: ['65021:1:2'],
          extendedCommunities: ['target:65021:1'],
        },
        nextHop: '198.51.100.21',
        attribute: {
          origin: 'igp',
          'as-path': [65021, 65100],
          med: 10,
          community: [[65021, 7]],
          'large-community': [[65021, 1, 2]],
          'extended-community': [{ string: 'target:65021:1' }],
        },
      },
      {
        route: { prefix: '2001:db8:21::/48', nextHop: '2001:db8::21', med: 20, communities: ['65021:8'] },
        nextHop: '2001:db8::21',
        attribute: { origin: 'igp', 'as-path': [65021], med: 20, community: [[65021, 8]] },
      },
    ],
  },
  rxbgp,
);
