import { describeTable, lengthMix } from '../../../bench/gen/realistic-summary';
import { fiveRouteTable } from './tiny-table';

describe('realistic table summary', () => {
  it('describes sets, attribute shares, length mix and AS path length', () => {
    expect(describeTable(fiveRouteTable())).toEqual([
      'table (seed 1): 3 IPv4 + 2 IPv6 prefixes, 3 distinct attribute sets (2 IPv4), 100 % of them with 1–3 prefixes, the largest 2',
      'sets with MED 67 %, with communities 67 %, with large communities 67 %',
      'IPv4 lengths: /8 33.3 %, /16 33.3 %, /24 33.3 %',
      'IPv6 lengths: /32 50.0 %, /48 50.0 %',
      "AS path length (sender's AS included) mean 2.20 per route",
    ]);
  });

  it('shows the most common lengths first and the range of the rest', () => {
    expect(lengthMix(fiveRouteTable(), false, 1)).toBe('/8 33.3 %, … (3 lengths, /8–/24)');
  });
});
