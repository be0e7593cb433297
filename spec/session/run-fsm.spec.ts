import { Subject, map, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { runFsm } from '../../lib/session/run-fsm';
import type { Effect, FsmEvent, PeerSettings, StepResult } from '../../lib/fsm/types';
import type { Message } from '../../lib/wire/types';
import { DELAY_OPEN, KEEPALIVE, PASSIVE, SETTINGS, msg, notificationMessage, peerOpen } from '../fsm/fixtures';

const SECOND = 1000;
const HOUR = 3600 * SECOND;

function name(message: Message): string {
  if (message.type === 'notification') return `NOTIFICATION ${message.code}/${message.subcode}`;
  return message.type.toUpperCase();
}

/** The effects a reader of these tests cares about; timer effects are covered by the step() tables. */
function summarize(effect: Effect): string | undefined {
  switch (effect.kind) {
    case 'send':
      return `send ${name(effect.message)}`;
    case 'state':
      return `${effect.from}>${effect.to}`;
    case 'down':
      return `down: ${effect.reason}`;
    case 'connect':
    case 'close':
    case 'established':
      return effect.kind;
    default:
      return undefined;
  }
}

type Feed = (event: FsmEvent, afterMs?: number) => void;
type Peer = (effect: Effect, feed: Feed, now: number) => void;

/**
 * Runs one FSM on a virtual clock (1 frame = 1 ms) until `horizon`, then unsubscribes. `peer` plays the
 * network and the remote speaker: it sees every effect and feeds events back, always later in time.
 */
function simulate(
  settings: PeerSettings,
  horizon: number,
  peer: Peer,
  inputs: ReadonlyArray<readonly [number, FsmEvent]> = [[0, { type: 'ManualStart' }]],
) {
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  scheduler.maxFrames = horizon + 1;
  const input$ = new Subject<FsmEvent>();
  const feed: Feed = (event, afterMs = 0) => scheduler.schedule(() => input$.next(event), afterMs);
  const log: Array<[number, string]> = [];
  const results: StepResult[] = [];
  const subscription = runFsm(settings, input$, scheduler).subscribe((result) => {
    results.push(result);
    for (const effect of result.effects) {
      const line = summarize(effect);
      if (line !== undefined) log.push([scheduler.now(), line]);
      peer(effect, feed, scheduler.now());
    }
  });
  // Scripted inputs go in one after the other from a single pending action, so that thousands of them
  // do not crowd the scheduler's queue.
  const script = [...inputs].sort((x, y) => x[0] - y[0]);
  let next = 0;
  const playFrom = (): void => {
    if (next >= script.length) return;
    scheduler.schedule(() => {
      while (next < script.length && script[next][0] <= scheduler.now()) input$.next(script[next++][1]);
      playFrom();
    }, script[next][0] - scheduler.now());
  };
  playFrom();
  let pendingAfterUnsubscribe = -1;
  scheduler.schedule(() => {
    subscription.unsubscribe();
    pendingAfterUnsubscribe = scheduler.actions.length;
  }, horizon);
  scheduler.flush();
  return { log, results, pendingAfterUnsubscribe };
}

/**
 * A remote speaker that accepts our first `sessions` connections and answers our OPEN with its OPEN and
 * KEEPALIVE, then sends a KEEPALIVE every `keepaliveEvery` ms until `until` (or stays silent).
 */
function acceptingPeer(sessions: number, keepaliveEvery?: number, until = 0): Peer {
  let connects = 0;
  return (effect, feed, now) => {
    if (effect.kind === 'connect' && ++connects <= sessions) feed({ type: 'TcpCrAcked' }, 10);
    if (effect.kind === 'send' && effect.message.type === 'open') {
      feed(msg(peerOpen()), 10);
      feed(msg(KEEPALIVE), 20);
    }
    if (effect.kind === 'established' && keepaliveEvery !== undefined) {
      for (let t = keepaliveEvery; now + t <= until; t += keepaliveEvery) feed(msg(KEEPALIVE), t);
    }
  };
}

const at = (log: Array<[number, string]>, line: string) => log.filter(([, l]) => l === line).map(([t]) => t);

describe('runFsm (virtual time)', () => {
  it('connects, reaches Established, keeps alive every 30 s, expires the hold timer after 90 s of silence, reconnects', () => {
    const { log, pendingAfterUnsubscribe } = simulate(SETTINGS, 92 * SECOND, acceptingPeer(2));
    expect(log).toEqual([
      [0, 'connect'],
      [0, 'Idle>Connect'],
      [10, 'send OPEN'],
      [10, 'Connect>OpenSent'],
      [20, 'send KEEPALIVE'],
      [20, 'OpenSent>OpenConfirm'],
      [30, 'OpenConfirm>Established'],
      [30, 'established'],
      // Our KEEPALIVEs every holdTime / 3, counted from the one sent on entering OpenConfirm.
      [30_020, 'send KEEPALIVE'],
      [60_020, 'send KEEPALIVE'],
      [90_020, 'send KEEPALIVE'],
      // The peer's last message was its KEEPALIVE at 30 ms.
      [90_030, 'send NOTIFICATION 4/0'],
      [90_030, 'down: hold timer expired'],
      [90_030, 'close'],
      [90_030, 'Established>Idle'],
      // IdleHold backoff of 1 s, then an automatic restart and a new session.
      [91_030, 'connect'],
      [91_030, 'Idle>Connect'],
      [91_040, 'send OPEN'],
      [91_040, 'Connect>OpenSent'],
      [91_050, 'send KEEPALIVE'],
      [91_050, 'OpenSent>OpenConfirm'],
      [91_060, 'OpenConfirm>Established'],
      [91_060, 'established'],
    ]);
    // Unsubscribing cancelled every timer the FSM had armed (Hold and Keepalive of the second session).
    expect(pendingAfterUnsubscribe).toBe(0);
  });

  it('does not expire the hold timer while KEEPALIVEs arrive every 80 s, over an hour of hold times', () => {
    const until = HOUR;
    const { log } = simulate(SETTINGS, HOUR + 100 * SECOND, acceptingPeer(1, 80 * SECOND, until));
    // Established at 30 ms; the peer's last KEEPALIVE is the last 30 + n * 80 s within the hour.
    const lastKeepalive = 30 + Math.floor((until - 30) / (80 * SECOND)) * 80 * SECOND;
    expect(at(log, 'send NOTIFICATION 4/0')).toEqual([lastKeepalive + 90 * SECOND]);
    expect(at(log, 'Established>Idle')).toEqual([lastKeepalive + 90 * SECOND]);
    // Meanwhile we sent a KEEPALIVE every 30 s from the one at 20 ms.
    const ours = at(log, 'send KEEPALIVE').filter((t) => t <= lastKeepalive + 90 * SECOND);
    expect(ours.slice(0, 3)).toEqual([20, 30_020, 60_020]);
    expect(ours.every((t, i) => t === 20 + i * 30 * SECOND)).toBe(true);
    expect(ours.length).toBe(Math.floor((lastKeepalive + 90 * SECOND - 20) / (30 * SECOND)) + 1);
  });

  it('restarts the hold timer on every UPDATE and the keepalive timer on every UpdateSent', () => {
    const update: FsmEvent = msg({ type: 'update', withdrawn: [], attributes: {}, announced: [] });
    const inputs: Array<readonly [number, FsmEvent]> = [[0, { type: 'ManualStart' }]];
    // A full table arriving as 5,000 UPDATEs over 50 s, while we send ours over the first 40 s.
    for (let i = 0; i < 5000; i++) inputs.push([1000 + i * 10, update]);
    for (let i = 0; i < 4000; i++) inputs.push([1000 + i * 10, { type: 'UpdateSent' }]);
    const { log } = simulate(SETTINGS, 200 * SECOND, acceptingPeer(1), inputs);
    // Last UPDATE at 50,990 ms: hold expiry 90 s later. Last UpdateSent at 40,990: KEEPALIVEs 30 s after it.
    expect(at(log, 'send NOTIFICATION 4/0')).toEqual([140_990]);
    expect(at(log, 'send KEEPALIVE')).toEqual([20, 70_990, 100_990, 130_990]);
  });

  it('fires the ConnectRetryTimer in Connect: close, connect again, every 5 s (marbles)', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const input$ = cold<FsmEvent>('a', { a: { type: 'ManualStart' } });
      const lines = runFsm(SETTINGS, input$, scheduler).pipe(
        map((r) => r.effects.map(summarize).filter((l) => l !== undefined).join(', ')),
      );
      expectObservable(lines, '12s !').toBe('a 4999ms b 4999ms b', {
        a: 'connect, Idle>Connect',
        b: 'close, connect',
      });
    });
  });

  it('DelayOpen: holds our OPEN back for delayOpenTime after the connection is up (event 12)', () => {
    const passive = { ...PASSIVE, delayOpenTime: 5 };
    const { log } = simulate(passive, 6 * SECOND, () => undefined, [
      [0, { type: 'ManualStart' }],
      [100, { type: 'TcpConnectionConfirmed' }],
    ]);
    expect(log).toEqual([
      [0, 'Idle>Active'],
      [5_100, 'send OPEN'],
      [5_100, 'Active>OpenSent'],
    ]);
  });

  it("DelayOpen: the peer's OPEN during the wait is answered at once and the DelayOpenTimer cancelled (event 20)", () => {
    const { log } = simulate(DELAY_OPEN, 60 * SECOND, () => undefined, [
      [0, { type: 'ManualStart' }],
      [50, { type: 'TcpCrAcked' }],
      [2_000, msg(peerOpen())],
      [2_010, msg(KEEPALIVE)],
    ]);
    expect(log).toEqual([
      [0, 'connect'],
      [0, 'Idle>Connect'],
      [2_000, 'send OPEN'],
      [2_000, 'send KEEPALIVE'],
      [2_000, 'Connect>OpenConfirm'],
      [2_010, 'OpenConfirm>Established'],
      [2_010, 'established'],
      [32_000, 'send KEEPALIVE'],
    ]);
  });

  it('backs off 1, 2, 4, 8, 16, 32, 60, 60 s against a peer that refuses connections', () => {
    const refuse: Peer = (effect, feed) => {
      if (effect.kind === 'connect') feed({ type: 'TcpConnectionFails' }, 10);
    };
    const { log } = simulate(SETTINGS, 200 * SECOND, refuse);
    const down = at(log, 'Connect>Idle');
    const up = at(log, 'Idle>Connect');
    expect(up[0]).toBe(0);
    const waits = down.slice(0, 8).map((t, i) => up[i + 1] - t);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60].map((s) => s * SECOND));
  });

  it('keeps backing off a peer that ends each session at once, and starts over after a stable one', () => {
    let connects = 0;
    const peer: Peer = (effect, feed) => {
      if (effect.kind === 'connect') {
        connects++;
        // Three refusals, then sessions that the peer ends with a Cease right after Established
        // (as a router does that rejects our first UPDATE).
        feed(connects <= 3 ? { type: 'TcpConnectionFails' } : { type: 'TcpCrAcked' }, 10);
      }
      if (effect.kind === 'send' && effect.message.type === 'open') {
        feed(msg(peerOpen()), 10);
        feed(msg(KEEPALIVE), 20);
      }
      if (effect.kind === 'established') feed(msg(notificationMessage(6, 4)), 100);
    };
    const { log } = simulate(SETTINGS, 40 * SECOND, peer);
    const idle = log.filter(([, l]) => l.endsWith('>Idle')).map(([t]) => t);
    const up = at(log, 'Idle>Connect').slice(1);
    const waits = idle.map((t, i) => up[i] - t).filter((w) => !Number.isNaN(w));
    // Refusals and flapping sessions alike: 1, 2, 4, 8, 16 s.
    expect(waits).toEqual([1, 2, 4, 8, 16].map((s) => s * SECOND));

    // A session that lives to receive a KEEPALIVE while Established resets the backoff to 1 s.
    let sessions = 0;
    const stablePeer: Peer = (effect, feed) => {
      if (effect.kind === 'connect') feed(++sessions <= 3 ? { type: 'TcpConnectionFails' } : { type: 'TcpCrAcked' }, 10);
      if (effect.kind === 'send' && effect.message.type === 'open') {
        feed(msg(peerOpen()), 10);
        feed(msg(KEEPALIVE), 20);
      }
      if (effect.kind === 'established') {
        feed(msg(KEEPALIVE), 30 * SECOND);
        feed(msg(notificationMessage(6, 4)), 31 * SECOND);
      }
    };
    const stable = simulate(SETTINGS, 40 * SECOND, stablePeer).log;
    const idle2 = stable.filter(([, l]) => l.endsWith('>Idle')).map(([t]) => t);
    const up2 = at(stable, 'Idle>Connect').slice(1);
    expect(idle2.map((t, i) => up2[i] - t).filter((w) => !Number.isNaN(w))).toEqual([1, 2, 4, 1].map((s) => s * SECOND));
  });

  it('ManualStop: Administrative Shutdown, and nothing restarts', () => {
    const { log, pendingAfterUnsubscribe } = simulate(SETTINGS, HOUR, acceptingPeer(5), [
      [0, { type: 'ManualStart' }],
      [1_000, { type: 'ManualStop', shutdownMessage: 'bye' }],
    ]);
    expect(log.slice(-4)).toEqual([
      [1_000, 'send NOTIFICATION 6/2'],
      [1_000, 'down: administrative shutdown'],
      [1_000, 'close'],
      [1_000, 'Established>Idle'],
    ]);
    expect(pendingAfterUnsubscribe).toBe(0);
  });

  it('processes events fed synchronously from inside a result one after the other, in order', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const input$ = new Subject<FsmEvent>();
    const seen: string[] = [];
    runFsm(SETTINGS, input$, scheduler).subscribe((result) => {
      seen.push(result.effects.map(summarize).filter(Boolean).join(', '));
      // Reacting synchronously: this event must wait until this result has been delivered.
      if (result.effects.some((e) => e.kind === 'connect')) input$.next({ type: 'TcpCrAcked' });
      if (result.state.state === 'OpenSent') input$.next({ type: 'TcpConnectionFails' });
    });
    input$.next({ type: 'ManualStart' });
    expect(seen).toEqual(['connect, Idle>Connect', 'send OPEN, Connect>OpenSent', 'close, OpenSent>Active']);
    input$.complete();
  });

  it('completes with its input and cancels its timers; passes errors on', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const input$ = new Subject<FsmEvent>();
    let completed = false;
    runFsm(SETTINGS, input$, scheduler).subscribe({ complete: () => (completed = true) });
    input$.next({ type: 'ManualStart' });
    expect(scheduler.actions.length).toBe(1); // the ConnectRetryTimer
    input$.complete();
    expect(completed).toBe(true);
    expect(scheduler.actions.length).toBe(0);

    let failure: unknown;
    runFsm(SETTINGS, throwError(() => new Error('socket gone')), scheduler).subscribe({ error: (e) => (failure = e) });
    expect(failure).toEqual(new Error('socket gone'));
  });

  it('gives every subscription its own state and timers', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    const input$ = new Subject<FsmEvent>();
    const fsm$ = runFsm(SETTINGS, input$, scheduler);
    const first: string[] = [];
    const second: string[] = [];
    const a = fsm$.subscribe((r) => first.push(r.state.state));
    input$.next({ type: 'ManualStart' });
    const b = fsm$.subscribe((r) => second.push(r.state.state));
    input$.next({ type: 'ManualStart' });
    expect(first).toEqual(['Connect', 'Connect']);
    expect(second).toEqual(['Connect']);
    a.unsubscribe();
    expect(scheduler.actions.length).toBe(1);
    b.unsubscribe();
    expect(scheduler.actions.length).toBe(0);
  });
});
