import type { FamilySamples } from '../family-samples';

/**
 * L3VPN IPv4 (RFC 4364): one RD of each type (RFC 4364 §4.2: 0 = 2-octet AS, 1 = IPv4, 2 = 4-octet
 * AS, others in hex as ExaBGP prints them), two routes differing only in their RD, a label stack.
 */
export const samples: FamilySamples = {
  texts: [
    '10.0.0.0/25 label 1000 rd 65000:1',
    '10.0.0.0/25 label 1000 rd 65000:2',
    '10.0.0.128/25 label [ 1000 2000 ] rd 192.0.2.1:65535',
    '0.0.0.0/0 label 16 rd 4200000000:7',
    '192.0.2.1/32 label 1048575 rd 0:4294967295',
    '192.0.2.0/24 label 20 rd 0x0003010203040005',
  ],
  nextHop: ['200.10.0.101'],
};
