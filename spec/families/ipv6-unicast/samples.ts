import type { FamilySamples } from '../family-samples';

export const samples: FamilySamples = {
  texts: ['::/0', '2001:db8::/32', '2001:db8:8000::/33', '2001:db8:1:2::/64', 'fe80::/10', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'],
  nextHop: ['2001:db8::1', 'fe80::1'],
};
