import type { FamilySamples } from '../family-samples';

export const samples: FamilySamples = {
  texts: [
    'flow destination-ipv6 2001:db8::/32/0',
    'flow destination-ipv6 2001:db8:1::/48/0 source-ipv6 ::1/128/0 next-header =tcp destination-port =443',
    'flow flow-label =1234',
  ],
};
