import type { FamilySamples } from '../family-samples';

/**
 * RTC (RFC 4684 §4): the default route (0 bits), an origin AS alone (32), whole route targets of each
 * RFC 4360 / RFC 5668 layout (96), and prefixes ending inside the route target (48, 83).
 */
export const samples: FamilySamples = {
  texts: [
    'prefix-length 0',
    'origin-as 65000 prefix-length 32',
    'origin-as 65000 route-target target:65000:100',
    'origin-as 65001 route-target target:192.0.2.1:7',
    'origin-as 4200000000 route-target target:4200000000:9',
    'origin-as 65000 route-target target:0:0 prefix-length 48',
    'origin-as 65000 route-target target:65000:0 prefix-length 83',
  ],
  nextHop: ['192.0.2.1'],
};
