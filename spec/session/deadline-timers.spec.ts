import { TestScheduler } from 'rxjs/testing';
import { DeadlineTimers } from '../../lib/session/deadline-timers';
import type { TimerName } from '../../lib/fsm/types';

/** A virtual clock (1 frame = 1 ms) bounded to an hour, and the expiries it saw as [ms, timer]. */
function setup() {
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  scheduler.maxFrames = 3_600_000;
  const fired: Array<[number, TimerName]> = [];
  const timers = new DeadlineTimers(scheduler, (timer) => fired.push([scheduler.now(), timer]));
  const at = (ms: number, work: () => void) => scheduler.schedule(work, ms);
  return { scheduler, timers, fired, at };
}

describe('DeadlineTimers', () => {
  it('fires a timer once, after its seconds', () => {
    const { scheduler, timers, fired } = setup();
    timers.start('Hold', 90);
    expect(timers.isRunning('Hold')).toBe(true);
    scheduler.flush();
    expect(fired).toEqual([[90_000, 'Hold']]);
    expect(timers.isRunning('Hold')).toBe(false);
  });

  it('a restart pushes the expiry to the new deadline', () => {
    const { scheduler, timers, fired, at } = setup();
    timers.start('Hold', 3);
    at(2_000, () => timers.start('Hold', 3));
    at(4_500, () => timers.start('Hold', 3));
    scheduler.flush();
    expect(fired).toEqual([[7_500, 'Hold']]);
  });

  it('restarts in O(1): ten thousand restarts leave one scheduled action', () => {
    const { scheduler, timers, fired, at } = setup();
    timers.start('Hold', 90);
    at(1_000, () => {
      for (let i = 0; i < 10_000; i++) timers.start('Hold', 90);
      expect(scheduler.actions.length).toBe(1);
    });
    scheduler.flush();
    expect(fired).toEqual([[91_000, 'Hold']]);
  });

  it('a restart to an earlier deadline reschedules', () => {
    const { scheduler, timers, fired, at } = setup();
    timers.start('IdleHold', 60);
    at(1_000, () => timers.start('IdleHold', 2));
    scheduler.flush();
    expect(fired).toEqual([[3_000, 'IdleHold']]);
  });

  it('stop cancels, and a stopped timer can start again', () => {
    const { scheduler, timers, fired, at } = setup();
    timers.start('ConnectRetry', 5);
    at(1_000, () => timers.stop('ConnectRetry'));
    at(2_000, () => timers.start('ConnectRetry', 5));
    scheduler.flush();
    expect(fired).toEqual([[7_000, 'ConnectRetry']]);
  });

  it('a stop after a restart still cancels', () => {
    const { scheduler, timers, fired, at } = setup();
    timers.start('Keepalive', 30);
    at(10_000, () => timers.start('Keepalive', 30));
    at(35_000, () => timers.stop('Keepalive'));
    scheduler.flush();
    expect(fired).toEqual([]);
  });

  it('keeps timers apart and stopAll cancels them all', () => {
    const { scheduler, timers, fired, at } = setup();
    timers.start('Keepalive', 1);
    timers.start('Hold', 3);
    timers.start('DelayOpen', 2);
    at(2_500, () => timers.stopAll());
    scheduler.flush();
    expect(fired).toEqual([
      [1_000, 'Keepalive'],
      [2_000, 'DelayOpen'],
    ]);
    expect(scheduler.actions.length).toBe(0);
  });

  it('a timer started from its own expiry runs again (a periodic KEEPALIVE)', () => {
    const { scheduler, fired } = setup();
    let count = 0;
    const timers: DeadlineTimers = new DeadlineTimers(scheduler, (timer) => {
      fired.push([scheduler.now(), timer]);
      if (++count < 3) timers.start(timer, 30);
    });
    timers.start('Keepalive', 30);
    scheduler.flush();
    expect(fired.map(([ms]) => ms)).toEqual([30_000, 60_000, 90_000]);
  });
});
