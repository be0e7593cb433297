import { manyPeersLayout } from '../../../bench/gen/many-peers-layout';
import { manyPeersOutcome, sessionShortfalls } from '../../../bench/measure/many-peers-checks';
import { PeerSessions } from '../../../bench/measure/peer-sessions';

describe('sessionShortfalls', () => {
  const layout = manyPeersLayout(1003, '10.0.0.0', 10);

  it('lists each session whose count is not its share', () => {
    const held = layout.peers.map((p) => p.count);
    expect(sessionShortfalls(layout, held)).toEqual([]);
    held[0] = 100;
    held[9] = 101;
    expect(sessionShortfalls(layout, held)).toEqual(['session 1 (127.0.4.1): 100 of 101', 'session 10 (127.0.4.10): 101 of 100']);
  });
});

describe('manyPeersOutcome', () => {
  const layout = manyPeersLayout(3000, '10.0.0.0', 3);
  const allUp = (label: string) => {
    const s = new PeerSessions(3, label);
    for (let p = 0; p < 3; p++) s.markUp(p);
    return s;
  };

  it('reports 0 expiries and every session established when all went well', () => {
    const o = manyPeersOutcome(layout, allUp('receiver'), allUp('sender'), [1000, 1000, 1000], 9);
    expect(o.problems).toEqual([]);
    expect(o.figures.slice(0, 3)).toEqual([
      { name: 'hold-timer expiries', value: 0, unit: 'sessions' },
      { name: 'sessions established', value: 3, unit: 'sessions' },
      { name: 'sessions dropped', value: 0, unit: 'sessions' },
    ]);
    expect(o.figures[3]).toMatchObject({ name: 'last session up after the first', unit: 's' });
    expect(o.checks).toContain('no hold timer expired and no session went down, on either side, through the burst and 9 s after it');
    expect(o.checks).toContain('every one of the 3 sessions delivered exactly its share (1,000 prefixes each)');
  });

  it('counts a session whose hold timer expired once, however many sides reported it', () => {
    const receiver = allUp('receiver');
    const sender = allUp('sender');
    receiver.markHoldTimerExpired(1);
    sender.markHoldTimerExpired(1);
    sender.markHoldTimerExpired(2);
    sender.markDown(1, 'BIRD protocol state stop');
    const o = manyPeersOutcome(layout, receiver, sender, undefined, 0);
    expect(o.figures[0]).toEqual({ name: 'hold-timer expiries', value: 2, unit: 'sessions' });
    expect(o.figures[2]).toEqual({ name: 'sessions dropped', value: 1, unit: 'sessions' });
    expect(o.problems).toEqual([
      'hold timer expired on 2 sessions (receiver 1, sender 2 reported it): 2, 3',
      '1 session went down after Established: 2 (2: BIRD protocol state stop)',
    ]);
  });

  it('is a problem when a session never came up on either side, or delivered short', () => {
    const receiver = new PeerSessions(3, 'receiver');
    receiver.markUp(0);
    receiver.markUp(2);
    const o = manyPeersOutcome(layout, receiver, allUp('sender'), [1000, 0, 1000], 9);
    expect(o.figures[1]).toEqual({ name: 'sessions established', value: 2, unit: 'sessions' });
    expect(o.figures).toHaveLength(3);
    expect(o.problems).toEqual([
      '2 of 3 sessions Established on the receiver, 3 on the sender',
      '1 session delivered another count than their share: session 2 (127.0.4.2): 0 of 1,000',
    ]);
  });
});
