import type { FamilySamples } from '../family-samples';

/** IPv4 multicast (RFC 4760 §5): prefixes as unicast ones, from the default route to a host, groups and sources. */
export const samples: FamilySamples = {
  texts: ['232.1.1.0/24', '224.0.0.0/4', '0.0.0.0/0', '10.0.0.1/32', '239.255.255.254/31', '192.0.2.128/25'],
  nextHop: ['198.51.100.1'],
};
