/**
 * A whole session in virtual time (issue 13): every timer of PeerSession (the FSM's, the RIB
 * sender's yields, the connection's flush bound, stop()'s wait) runs on the scheduler it is given,
 * so hours of protocol time pass in a few flushes, and none of these tests waits on a real clock.
 * A timer on plain setTimeout / setImmediate would not move with the virtual clock: its test fails.
 */
import { VirtualTimeScheduler } from 'rxjs';
import { PeerSession } from '../../lib/session/peer-session';
import { STOP_WAIT_MS } from '../../lib/session/peer-session';
import { Connection, CLOSE_FLUSH_MS } from '../../lib/session/connection';
import { silentLog } from '../../lib/session/log';
import { AdjRibIn } from '../../lib/rib/adj-rib-in';
import { AdjRibOut } from '../../lib/rib/adj-rib-out';
import { encodeMessage } from '../../lib/wire/message';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { DEFAULT_CONTEXT } from '../../lib/wire/types';
import { PASSIVE, peerOpen } from '../fsm/fixtures';
import { FakeSocket } from './fake-socket';

/** Lets promise continuations run (the session's send chain) without giving the real event loop a turn. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Runs the virtual clock up to `ms` (settling the session's promises between its actions). */
async function advanceTo(scheduler: VirtualTimeScheduler, ms: number): Promise<void> {
  scheduler.schedule(() => undefined, ms - scheduler.now()); // so the clock reads `ms` afterwards
  scheduler.maxFrames = ms;
  for (;;) {
    scheduler.flush();
    await settle();
    if (!scheduler.actions.some((a) => a.delay <= ms)) return;
  }
}

/** A passive session Established at virtual time 0 over a fake socket; the peer then goes silent. */
async function established() {
  const scheduler = new VirtualTimeScheduler();
  const socket = new FakeSocket(scheduler);
  const session = new PeerSession({ name: 'virtual', settings: PASSIVE, endpoint: { peerAddress: '192.0.2.2', peerPort: 179 }, ribIn: new AdjRibIn(), ribOut: new AdjRibOut(), log: silentLog, scheduler });
  session.start();
  session.accept(new Connection(socket.asSocket(), 'incoming', scheduler));
  socket.emit('data', Buffer.concat([encodeMessage(peerOpen(), DEFAULT_CONTEXT), KEEPALIVE_BYTES]));
  await advanceTo(scheduler, 0);
  expect(session.state).toBe('Established');
  return { scheduler, socket, session };
}

describe('PeerSession in virtual time', () => {
  it('sends the End-of-RIBs (after the RIB sender yields on the scheduler), KEEPALIVEs every 30 s, and a Hold Timer Expired NOTIFICATION at 90 s; the connection is destroyed 1 s later', async () => {
    const { scheduler, socket, session } = await established();
    await advanceTo(scheduler, 90_000 + CLOSE_FLUSH_MS - 1);
    expect(socket.sent()).toEqual([
      '0 OPEN',
      '0 KEEPALIVE',
      '0 UPDATE (End-of-RIB)',
      '0 UPDATE (End-of-RIB)',
      '30000 KEEPALIVE',
      '60000 KEEPALIVE',
      '90000 NOTIFICATION 4/0',
    ]);
    expect(session.state).toBe('Idle');
    // The peer never closes its side: the connection's flush bound (on the session's clock) ends it.
    expect(socket.ended).toBe(true);
    expect(socket.destroyed).toBe(false);
    await advanceTo(scheduler, 90_000 + CLOSE_FLUSH_MS);
    expect(socket.destroyed).toBe(true);
    session.dispose();
  });

  it('stop() waits for the closing NOTIFICATION at most STOP_WAIT_MS of the session clock when the socket never closes', async () => {
    const { scheduler, socket, session } = await established();
    let stopped = false;
    const stopping = session.stop().then(() => (stopped = true));
    await advanceTo(scheduler, STOP_WAIT_MS - 1);
    expect(socket.sent().slice(-1)).toEqual(['0 NOTIFICATION 6/2']);
    expect(socket.destroyed).toBe(true); // the flush bound (1 s) went first, but no 'close' came
    expect(stopped).toBe(false);
    await advanceTo(scheduler, STOP_WAIT_MS);
    expect(stopped).toBe(true); // without a real clock's turn: the wait is on the session's scheduler
    await stopping;
    session.dispose();
  });

  it("stop() resolves as soon as the socket closes, before the wait is over", async () => {
    const { scheduler, socket, session } = await established();
    let stopped = false;
    const stopping = session.stop().then(() => (stopped = true));
    await advanceTo(scheduler, 10);
    expect(stopped).toBe(false);
    socket.emit('close');
    await settle();
    expect(stopped).toBe(true);
    expect(scheduler.now()).toBe(10);
    await stopping;
    session.dispose();
  });
});
