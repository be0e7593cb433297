/**
 * rxbgp against a real OpenBGPD (Debian 7.7). Only "rxbgp connects": OpenBGPD 7.7 cannot connect
 * to a port other than 179 (its neighbors have no port setting), so it only listens here and the
 * "openbgpd connects" direction does not apply. OpenBGPD accepts a next hop in 127.0.0.0/8, so one
 * route uses next hop "self". It originates routes with `bgpctl network add`, which sets neither
 * ORIGIN (IGP) nor an AS path: rxbgp sees OpenBGPD's AS (65061) alone.
 */
import { startOpenbgpd } from './peers/openbgpd';
import { describeInterop } from './scenario';

const openbgpd = { address: '127.0.0.61', port: 1785, asn: 65061, routerId: '192.0.2.61' };
const rxbgp = { address: '127.0.0.62', port: 1786, asn: 65062, routerId: '192.0.2.62' };

describeInterop(
  {
    daemon: 'openbgpd',
    ...openbgpd,
    modes: ['rxbgp connects'],
    start: (neighbor) => startOpenbgpd({ ...openbgpd, neighbor, families: ['ipv4 unicast', 'ipv6 unicast'] }),
    toDaemon: [
      {
        configured: {
          prefix: '10.62.0.0/24',
          nextHop: '198.51.100.62',
          origin: 'egp',
          asPath: [65062, 65100],
          med: 10,
          communities: ['65062:100', '65062:101'],
          largeCommunities: ['65062:1:2'],
          extendedCommunities: ['target:65062:1'],
        },
        reported: {
          prefix: '10.62.0.0/24',
          nextHop: '198.51.100.62',
          origin: 'egp',
          asPath: [65062, 65100],
          med: 10,
          communities: ['65062:100', '65062:101'],
          largeCommunities: ['65062:1:2'],
          extendedCommunities: ['target:65062:1'],
        },
      },
      {
        // No AS path configured: rxbgp puts its own AS first towards an eBGP peer (RFC 4271 §5.1.2).
        configured: { prefix: '2001:db8:62::/48', nextHop: '2001:db8::62', med: 20, communities: ['65062:200'] },
        reported: { prefix: '2001:db8:62::/48', nextHop: '2001:db8::62', origin: 'igp', asPath: [65062], med: 20, communities: ['65062:200'] },
      },
      {
        // "self": the local address of the session.
        configured: { prefix: '10.62.1.0/24', nextHop: 'self', origin: 'incomplete' },
        reported: { prefix: '10.62.1.0/24', nextHop: rxbgp.address, origin: 'incomplete', asPath: [65062] },
      },
    ],
    fromDaemon: [
      {
        route: {
          prefix: '172.16.61.0/24',
          nextHop: '198.51.100.61',
          med: 10,
          communities: ['65061:7', '65061:9'],
          largeCommunities: ['65061:1:2'],
          extendedCommunities: ['target:65061:1'],
        },
        nextHop: '198.51.100.61',
        attribute: {
          origin: 'igp',
          'as-path': [65061],
          med: 10,
          community: [
            [65061, 7],
            [65061, 9],
          ],
          'large-community': [[65061, 1, 2]],
          'extended-community': [{ string: 'target:65061:1' }],
        },
      },
      {
        route: { prefix: '2001:db8:61::/48', nextHop: '2001:db8::61', med: 20, communities: ['65061:8'] },
        nextHop: '2001:db8::61',
        attribute: { origin: 'igp', 'as-path': [65061], med: 20, community: [[65061, 8]] },
      },
    ],
  },
  rxbgp,
);
