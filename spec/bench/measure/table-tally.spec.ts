import { TableTally } from '../../../bench/measure/table-tally';
import { fiveRouteTable } from '../gen/tiny-table';

describe('TableTally', () => {
  it('counts distinct prefixes per family and matches only the exact table', () => {
    const tally = new TableTally(fiveRouteTable(), [4, 5]);
    expect(tally.announce(false, '10.1.0.0/16')).toBe(0);
    expect(tally.announce(false, '10.2.3.0/24')).toBe(1);
    expect(tally.announce(false, '20.0.0.0/8')).toBe(2);
    expect(tally.announce(true, '2a00:1::/32')).toBe(3);
    expect(tally.matchesTable()).toBe(false);
    expect(tally.reached(4)).toBeDefined();
    expect(tally.reached(5)).toBeUndefined();
    expect(tally.announce(true, '2a00:1:2::/48')).toBe(4);
    expect(tally.distinct).toBe(5);
    expect(tally.reached(5)).toBeGreaterThanOrEqual(tally.reached(4)!);
    expect(tally.matchesTable()).toBe(true);
  });

  it('counts repeats, strays (also a prefix of the other family) and withdrawals', () => {
    const tally = new TableTally(fiveRouteTable(), [5]);
    tally.announce(false, '10.1.0.0/16');
    tally.announce(false, '10.1.0.0/16');
    expect(tally.announce(false, '10.1.0.0/17')).toBe(-1);
    expect(tally.announce(true, '10.2.3.0/24')).toBe(-1);
    tally.withdraw(false, '10.1.0.0/16');
    expect(tally.ipv4).toEqual({ distinct: 0, announcedEntries: 3, duplicates: 1, unexpected: 1, withdrawn: 1 });
    expect(tally.ipv6).toEqual({ distinct: 0, announcedEntries: 1, duplicates: 0, unexpected: 1, withdrawn: 0 });
  });

  it('does not match a table that got everything plus a stray prefix', () => {
    const tally = new TableTally(fiveRouteTable(), [5]);
    for (const p of ['10.1.0.0/16', '10.2.3.0/24', '20.0.0.0/8']) tally.announce(false, p);
    for (const p of ['2a00:1::/32', '2a00:1:2::/48', '2a00:1:3::/48']) tally.announce(true, p);
    expect(tally.distinct).toBe(5);
    expect(tally.matchesTable()).toBe(false);
  });
});
