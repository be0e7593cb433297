import { routeCountsByTable, sumImportedRoutes } from '../../../bench/measure/bird-channel-counts';

describe('BIRD counts over several channels', () => {
  it('adds the imports of every channel', () => {
    const text = `bench      BGP        ---        up     11:30:41.290  Established
  BGP state:          Established
  Channel ipv4
    State:          UP
    Routes:         16279 imported, 0 exported, 16279 preferred
  Channel ipv6
    State:          UP
    Routes:         3721 imported, 0 exported, 3721 preferred`;
    expect(sumImportedRoutes(text)).toBe(20000);
    expect(sumImportedRoutes('bench BGP --- start')).toBeUndefined();
  });

  it('reads the count of each table', () => {
    const text = `16279 of 16279 routes for 16279 networks in table master4
3721 of 3721 routes for 3721 networks in table master6
Total: 20000 of 20000 routes for 20000 networks in 2 tables`;
    expect(routeCountsByTable(text)).toEqual(
      new Map([
        ['master4', 16279],
        ['master6', 3721],
      ]),
    );
  });
});
