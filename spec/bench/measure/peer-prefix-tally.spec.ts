import { manyPeersLayout } from '../../../bench/gen/many-peers-layout';
import { PeerPrefixTally } from '../../../bench/measure/peer-prefix-tally';

describe('PeerPrefixTally', () => {
  // 3 peers: 0–3 (4 prefixes), 4–6, 7–9.
  const layout = manyPeersLayout(10, '10.0.0.0', 3);
  const text = (i: number) => layout.run.text(i);

  it('counts distinct prefixes per session and matches the run once every session delivered its share', () => {
    const tally = new PeerPrefixTally(layout, [9, 10]);
    for (const p of layout.peers) for (let i = p.first + p.count - 1; i >= p.first; i--) tally.announce(p.index, text(i));
    tally.announce(1, text(5));
    expect([...tally.perPeer]).toEqual([4, 3, 3]);
    expect(tally.distinct).toBe(10);
    expect(tally.duplicates).toBe(1);
    expect(tally.announcedEntries).toBe(11);
    expect(tally.matchesRun()).toBe(true);
    expect(tally.reached(9)).toBeDefined();
    expect(tally.reached(10)!).toBeGreaterThanOrEqual(tally.reached(9)!);
  });

  it('does not hold a prefix announced on a session that does not own it', () => {
    const tally = new PeerPrefixTally(layout, []);
    tally.announce(0, text(9));
    expect(tally.misattributed).toBe(1);
    expect(tally.distinct).toBe(0);
    expect([...tally.perPeer]).toEqual([0, 0, 0]);
    for (let i = 0; i < 10; i++) tally.announce(layout.ownerOf(i), text(i));
    expect(tally.distinct).toBe(10);
    expect(tally.matchesRun()).toBe(false);
  });

  it('counts prefixes outside the run and sessions outside the layout as unexpected', () => {
    const tally = new PeerPrefixTally(layout, []);
    tally.announce(0, '10.0.10.0/24');
    tally.announce(0, '10.0.0.0/25');
    tally.announce(-1, text(0));
    tally.announce(3, text(0));
    expect(tally.unexpected).toBe(4);
    expect(tally.distinct).toBe(0);
  });

  it('takes a withdrawn prefix out of its session’s count, and records no milestone before it is reached', () => {
    const tally = new PeerPrefixTally(layout, [10]);
    for (let i = 0; i < 4; i++) tally.announce(0, text(i));
    tally.withdraw(0, text(2));
    tally.withdraw(0, text(2));
    tally.withdraw(1, text(1)); // not that session's prefix: counted, nothing taken out
    expect(tally.withdrawn).toBe(3);
    expect(tally.perPeer[0]).toBe(3);
    expect(tally.distinct).toBe(3);
    expect(tally.reached(10)).toBeUndefined();
  });
});
