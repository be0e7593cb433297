import * as net from 'net';
import { asapScheduler, firstValueFrom, type SchedulerLike } from 'rxjs';
import { EventLoopScheduler, eventLoopScheduler, turn } from '../../lib/session/event-loop-scheduler';

const HOST = '127.0.93.11';

/**
 * A busy loop that yields on `scheduler` between rounds, as the RIB sender does between 64 KB
 * chunks, until a byte sent over loopback has been read: how many rounds that took, or undefined
 * when the byte was still unread after `rounds` (the yields never let I/O run).
 */
async function roundsUntilRead(scheduler: SchedulerLike, rounds: number): Promise<number | undefined> {
  let read = false;
  const server = net.createServer((s) => s.once('data', () => (read = true)));
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const client = net.connect((server.address() as net.AddressInfo).port, HOST);
  await new Promise<void>((resolve) => client.once('connect', resolve));
  try {
    client.write('x');
    for (let i = 1; i <= rounds; i++) {
      await firstValueFrom(turn(scheduler));
      if (read) return i;
    }
    return undefined;
  } finally {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('eventLoopScheduler', () => {
  it('yields a whole event-loop turn: a socket read waiting gets to run (the RIB sender relies on it for keepalives and the hold timer)', async () => {
    expect(await roundsUntilRead(eventLoopScheduler, 1000)).toBeDefined();
  });

  it('is not asapScheduler, whose yields are microtasks that never let the read in', async () => {
    expect(await roundsUntilRead(asapScheduler, 1000)).toBeUndefined();
  });

  it('runs later work after its delay, can be cancelled, and lets work reschedule itself as one Subscription', () => {
    jest.useFakeTimers();
    try {
      const scheduler = new EventLoopScheduler();
      const ran: string[] = [];
      scheduler.schedule(() => void ran.push('later'), 100);
      scheduler.schedule(() => void ran.push('cancelled'), 50).unsubscribe();
      let n = 0;
      const repeating = scheduler.schedule(function () {
        ran.push(`tick ${++n}`);
        if (n < 3) this.schedule(undefined, 10);
      }, 10);
      jest.advanceTimersByTime(99);
      expect(ran).toEqual(['tick 1', 'tick 2', 'tick 3']);
      expect(repeating.closed).toBe(true);
      jest.advanceTimersByTime(1);
      expect(ran).toEqual(['tick 1', 'tick 2', 'tick 3', 'later']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('with unref, pending work does not keep the process alive', () => {
    const unref = jest.spyOn(global, 'setTimeout');
    const action = new EventLoopScheduler({ unref: true }).schedule(() => undefined, 60_000);
    const handle = unref.mock.results[0].value as NodeJS.Timeout;
    expect(handle.hasRef()).toBe(false);
    action.unsubscribe();
    unref.mockRestore();
  });
});
