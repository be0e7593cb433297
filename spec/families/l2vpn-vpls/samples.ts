import type { FamilySamples } from '../family-samples';

/** VPLS (RFC 4761 §3.2.2): each RD type, the largest VE ID / offset / size, a label block ending at the largest label. */
export const samples: FamilySamples = {
  texts: [
    'rd 65000:1 endpoint 1 base 800000 offset 0 size 10',
    'rd 65000:2 endpoint 1 base 800000 offset 0 size 10',
    'rd 192.0.2.1:100 endpoint 65535 base 983040 offset 65535 size 65535',
    'rd 4200000000:9 endpoint 0 base 16 offset 0 size 1',
    'rd 192.168.201.1:123 endpoint 5 base 10702 offset 1 size 8',
  ],
  nextHop: ['192.0.2.1'],
};
