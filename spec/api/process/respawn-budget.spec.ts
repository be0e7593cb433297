import { RespawnBudget } from '../../../lib/api/process/respawn-budget';

describe('RespawnBudget', () => {
  it('allows `limit` restarts within the window, then refuses', () => {
    const b = new RespawnBudget(5, 64_000);
    for (let i = 0; i < 5; i++) expect(b.tryRestart(1000 + i * 1000)).toBe(true);
    expect(b.tryRestart(6000)).toBe(false);
    expect(b.recent(6000)).toBe(5);
  });

  it('forgets restarts older than the window (sliding)', () => {
    const b = new RespawnBudget(2, 10_000);
    expect(b.tryRestart(0)).toBe(true);
    expect(b.tryRestart(5_000)).toBe(true);
    expect(b.tryRestart(9_999)).toBe(false);
    expect(b.tryRestart(10_000)).toBe(true); // the restart at 0 left the window
    expect(b.recent(10_000)).toBe(2);
    expect(b.recent(30_000)).toBe(0);
  });

  it('a limit of 0 never restarts; reset() starts afresh', () => {
    expect(new RespawnBudget(0, 1000).tryRestart(0)).toBe(false);
    const b = new RespawnBudget(1, 1000);
    expect(b.tryRestart(0)).toBe(true);
    expect(b.tryRestart(1)).toBe(false);
    b.reset();
    expect(b.tryRestart(2)).toBe(true);
  });
});
