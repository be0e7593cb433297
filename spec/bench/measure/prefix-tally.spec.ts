import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';
import { PrefixTally } from '../../../bench/measure/prefix-tally';

describe('PrefixTally', () => {
  const run = new Ipv4PrefixRun('10.0.0.0', 10);

  it('matches the run once every prefix has been announced, repeats and order notwithstanding', () => {
    const tally = new PrefixTally(run, [9, 10]);
    for (let i = 9; i >= 0; i--) tally.announce(run.text(i));
    tally.announce(run.text(3));
    expect(tally.distinct).toBe(10);
    expect(tally.announcedEntries).toBe(11);
    expect(tally.duplicates).toBe(1);
    expect(tally.matchesRun()).toBe(true);
  });

  it('counts prefixes outside the run, and then does not match', () => {
    const tally = new PrefixTally(run, []);
    for (let i = 0; i < 10; i++) tally.announce(run.text(i));
    tally.announce('10.0.10.0/24');
    tally.announce('10.0.0.0/25');
    expect(tally.distinct).toBe(10);
    expect(tally.unexpected).toBe(2);
    expect(tally.matchesRun()).toBe(false);
  });

  it('takes a withdrawn prefix out of the held set', () => {
    const tally = new PrefixTally(run, []);
    for (let i = 0; i < 10; i++) tally.announce(run.text(i));
    tally.withdraw(run.text(4));
    tally.withdraw(run.text(4));
    tally.withdraw('192.0.2.0/24');
    expect(tally.distinct).toBe(9);
    expect(tally.withdrawn).toBe(3);
    tally.announce(run.text(4));
    expect(tally.distinct).toBe(10);
    expect(tally.matchesRun()).toBe(false);
  });

  it('stamps each milestone once, when the distinct count first reaches it', () => {
    const tally = new PrefixTally(run, [5, 10]);
    for (let i = 0; i < 4; i++) tally.announce(run.text(i));
    tally.announce(run.text(0));
    expect(tally.reached(5)).toBeUndefined();
    tally.announce(run.text(4));
    const fifth = tally.reached(5);
    expect(fifth).toBeDefined();
    expect(tally.reached(10)).toBeUndefined();
    for (let i = 5; i < 10; i++) tally.announce(run.text(i));
    expect(tally.reached(5)).toBe(fifth);
    expect(tally.reached(10)).toBeGreaterThanOrEqual(fifth!);
  });
});
