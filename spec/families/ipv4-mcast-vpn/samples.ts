import type { FamilySamples } from '../family-samples';

/**
 * IPv4 MVPN (RFC 6514 §4 types 1-7): each route type, RFC 6625 wildcards, a 4-octet source AS and
 * RD types 1 and 2, a Leaf A-D route answering an S-PMSI A-D route, and a route type kept as octets.
 */
export const samples: FamilySamples = {
  texts: [
    'intra-as-ipmsi-ad rd 65000:1 originator 192.0.2.1',
    'inter-as-ipmsi-ad rd 192.0.2.1:7 source-as 4294967295',
    'spmsi-ad rd 65000:1 source 10.0.0.1 group 232.1.1.1 originator 192.0.2.1',
    'spmsi-ad rd 65000:1 source * group * originator 192.0.2.1',
    'leaf-ad route-key 0x03160000FDE800000001200A00000120E8010101C0000201 originator 198.51.100.1',
    'source-ad rd 65000:99999 source 10.99.12.4 group 239.251.255.228',
    'shared-join rd 65000:99999 source-as 65000 rp 10.99.199.1 group 239.251.255.228',
    'source-join rd 4200000000:5 source-as 4200000000 source 10.99.12.2 group 239.251.255.228',
    'generic code 9 raw 0x0102030405',
    'generic code 0 raw 0x',
  ],
  nextHop: ['198.51.100.1'],
};
