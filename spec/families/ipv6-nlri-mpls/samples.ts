import type { FamilySamples } from '../family-samples';

/** Labeled IPv6 (RFC 8277, RFC 4798 6PE): one label and a stack, the shortest and longest prefixes, odd bit counts. */
export const samples: FamilySamples = {
  texts: ['2001:db8::/32 label 1000', '::/0 label [ 100 200 ]', '2001:db8::1/128 label 1048575', '2001:db8:8000::/33 label 0 (0)'],
  nextHop: ['2001:db8::ff', 'fe80::1'],
};
