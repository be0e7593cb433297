import type { FamilySamples } from '../family-samples';

/** L3VPN IPv6 (RFC 4659): RD types 0, 1, 2, a label stack, the shortest and longest prefixes. */
export const samples: FamilySamples = {
  texts: ['2001:db8::/32 label 1000 rd 65000:1', '::/0 label [ 1000 2000 ] rd 192.0.2.1:1', '2001:db8::1/128 label 7 rd 4200000000:7'],
  nextHop: ['2001:db8::ff'],
};
