import { PeerSessions } from '../../../bench/measure/peer-sessions';

describe('PeerSessions', () => {
  it('comes up "first" with the first session and "all" with the last', () => {
    const s = new PeerSessions(3, 'receiver');
    s.markUp(1);
    expect(s.first.upAt).toBeDefined();
    expect(s.all.upAt).toBeUndefined();
    s.markUp(1);
    s.markUp(0);
    expect(s.established).toBe(2);
    expect(s.lastUpAt).toBeUndefined();
    s.markUp(2);
    expect(s.established).toBe(3);
    expect(s.all.upAt).toBe(s.lastUpAt);
    expect(s.all.upAt!).toBeGreaterThanOrEqual(s.first.upAt!);
  });

  it('counts a drop only after the session was Established, and reports the first drop on both views', () => {
    const s = new PeerSessions(2, 'sender');
    s.markDown(0, 'BIRD protocol state down');
    expect(s.dropped.size).toBe(0);
    s.markUp(0);
    s.markDown(0, 'hold timer expired');
    s.markDown(0, 'later');
    expect([...s.dropped]).toEqual([[0, 'hold timer expired']]);
    expect(s.first.downReason).toBe('sender session 1 down: hold timer expired');
    expect(s.all.downReason).toBeUndefined(); // never all up, so nothing to go down from
  });

  it('records hold timer expiries per peer, whenever they happen, and ignores peers out of range', () => {
    const s = new PeerSessions(2, 'receiver');
    s.markHoldTimerExpired(1);
    s.markHoldTimerExpired(1);
    s.markHoldTimerExpired(5);
    s.markUp(-1);
    expect([...s.holdTimerExpired]).toEqual([1]);
    expect(s.established).toBe(0);
  });

  it('applies parsed log events through the name-to-peer mapping', () => {
    const s = new PeerSessions(2, 'receiver');
    const peerOf = (key: string) => ['a', 'b'].indexOf(key);
    s.apply({ kind: 'up', key: 'b' }, peerOf);
    s.apply({ kind: 'up', key: 'zzz' }, peerOf);
    s.apply({ kind: 'hold-timer-expired', key: 'b' }, peerOf);
    s.apply({ kind: 'down', key: 'b', reason: 'x' }, peerOf);
    expect(s.established).toBe(1);
    expect([...s.holdTimerExpired]).toEqual([1]);
    expect(s.dropped.get(1)).toBe('x');
  });
});
