import type { FamilySamples } from '../family-samples';

/** IPv6 MVPN (RFC 6514 §4): the types carrying addresses with IPv6 ones, and an IPv6 next hop. */
export const samples: FamilySamples = {
  texts: [
    'intra-as-ipmsi-ad rd 65000:1 originator 2001:db8::1',
    'inter-as-ipmsi-ad rd 65000:1 source-as 65001',
    'spmsi-ad rd 65000:1 source 2001:db8::5 group ff3e::1 originator 2001:db8::1',
    'leaf-ad route-key 0x020C0000FDE8000000010000FDE9 originator 2001:db8::2',
    'source-ad rd 65000:99999 source fd12::4 group ff0e::1',
    'shared-join rd 65000:99999 source-as 65000 rp fd00::1 group ff0e::1',
    'source-join rd 65000:99999 source-as 65000 source fd12::2 group ff0e::1',
    'generic code 200 raw 0xFF',
  ],
  nextHop: ['2001:db8::ff'],
};
