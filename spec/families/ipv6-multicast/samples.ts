import type { FamilySamples } from '../family-samples';

/** IPv6 multicast (RFC 4760 §5): prefixes as unicast ones, from the default route to a full /128. */
export const samples: FamilySamples = {
  texts: ['ff3e::/32', '::/0', '2001:db8::/32', '2001:db8::1/128', 'ff0e::8000:0/97'],
  nextHop: ['2001:db8::1'],
};
