import type { FamilySamples } from '../family-samples';

/** One RD of each type (RFC 4364 §4.2), and two rules differing only in their RD. */
export const samples: FamilySamples = {
  texts: [
    'flow destination-ipv6 2001:db8::/32/0 rd 65000:7',
    'flow destination-ipv6 2001:db8::/32/0 rd 192.0.2.1:7',
    'flow destination-ipv6 2001:db8:1::/48/0 source-ipv6 ::1/128/0 next-header =tcp destination-port =443 rd 4200000000:7',
    'flow flow-label =1234 rd 65535:65536',
  ],
};
