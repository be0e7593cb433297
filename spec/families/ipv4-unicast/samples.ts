import type { FamilySamples } from '../family-samples';

export const samples: FamilySamples = {
  texts: ['0.0.0.0/0', '10.0.0.0/8', '10.128.0.0/9', '192.0.2.0/24', '198.51.100.128/25', '255.255.255.255/32'],
  nextHop: ['192.0.2.1'],
};
