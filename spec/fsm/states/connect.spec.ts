import { buildOpen } from '../../../lib/fsm/build-open';
import { administrativeShutdown } from '../../../lib/fsm/notifications';
import { step } from '../../../lib/fsm/step';
import type { FsmEvent } from '../../../lib/fsm/types';
import { BgpError } from '../../../lib/wire/errors';
import {
  CLOSE,
  CONNECT,
  DELAY_OPEN,
  KEEPALIVE,
  REFRESH,
  SETTINGS,
  UPDATE,
  after,
  moved,
  msg,
  named,
  notificationMessage,
  peerOpen,
  reach,
  received,
  send,
  sendNotification,
  start,
  stop,
} from '../fixtures';

/** Connect with the TCP connection up and our OPEN held back by DelayOpen. */
const delayed = () => after(reach('Connect', DELAY_OPEN), [{ type: 'TcpCrAcked' }]);

describe('Connect (RFC 4271 §8.2.2)', () => {
  it.each(['TcpCrAcked', 'TcpConnectionConfirmed'] as const)('%s (16, 17): OPEN, large hold timer, OpenSent', (type) => {
    const { state, effects } = step(reach('Connect'), { type });
    expect(effects).toEqual([stop('ConnectRetry'), send(buildOpen(SETTINGS)), start('Hold', 240), moved('Connect', 'OpenSent')]);
    expect(state).toMatchObject({ state: 'OpenSent', holdTime: 240, localOpen: buildOpen(SETTINGS) });
  });

  it('ConnectRetryTimerExpires (9): drops the attempt and connects again', () => {
    const connect = reach('Connect');
    const { state, effects } = step(connect, { type: 'ConnectRetryTimerExpires' });
    expect(effects).toEqual([CLOSE, start('ConnectRetry', 5), CONNECT]);
    expect(state.state).toBe('Connect');
  });

  it('TcpConnectionFails (18): Idle, counting the failure for the backoff', () => {
    const { state, effects } = step(reach('Connect'), { type: 'TcpConnectionFails' });
    expect(effects).toEqual([stop('ConnectRetry'), CLOSE, start('IdleHold', 1), moved('Connect', 'Idle')]);
    expect(state).toEqual({
      state: 'Idle',
      settings: SETTINGS,
      connectRetryCounter: 1,
      holdTime: 0,
      idleHoldTimer: true,
      lastError: { code: 0, subcode: 0, reason: 'connection failed' },
    });
  });

  it('ManualStop (2): Idle with no NOTIFICATION (no connection yet) and no restart', () => {
    const { state, effects } = step(reach('Connect'), { type: 'ManualStop', shutdownMessage: 'bye' });
    expect(effects).toEqual([stop('ConnectRetry'), CLOSE, moved('Connect', 'Idle')]);
    expect(state).toMatchObject({ connectRetryCounter: 0, idleHoldTimer: false });
  });

  it.each(['ManualStart', 'AutomaticStart', 'UpdateSent', 'DelayOpenTimerExpires'] as const)('ignores %s', (type) => {
    const connect = reach('Connect');
    expect(step(connect, { type })).toEqual({ state: connect, effects: [] });
  });

  it.each(
    named([
      { type: 'AutomaticStop' }, // 8
      { type: 'HoldTimerExpires' }, // 10
      { type: 'KeepaliveTimerExpires' }, // 11
      { type: 'IdleHoldTimerExpires' }, // 13
      { type: 'OpenCollisionDump' }, // 23
      { type: 'MessageError', error: new BgpError(1, 1) },
      msg(UPDATE), // 27
      msg(REFRESH),
    ]),
  )('%s: any other event, Idle without a NOTIFICATION', (_name, event) => {
    const { state, effects } = step(reach('Connect'), event);
    expect(effects).toEqual([stop('ConnectRetry'), CLOSE, start('IdleHold', 1), moved('Connect', 'Idle')]);
    expect(state.connectRetryCounter).toBe(1);
  });

  it.each(named([msg(peerOpen()), msg(KEEPALIVE)]))('%s (19, 26): reported, then Idle', (_name, event) => {
    const message = (event as FsmEvent & { type: 'Message' }).message;
    const { effects } = step(reach('Connect'), event);
    expect(effects).toEqual([received(message), stop('ConnectRetry'), CLOSE, start('IdleHold', 1), moved('Connect', 'Idle')]);
  });

  it('a NOTIFICATION (25): reported, Idle', () => {
    const n = notificationMessage(6, 5);
    const { state, effects } = step(reach('Connect'), msg(n));
    expect(effects).toEqual([received(n), stop('ConnectRetry'), CLOSE, start('IdleHold', 1), moved('Connect', 'Idle')]);
    expect(state.lastError).toEqual({ code: 6, subcode: 5, reason: 'NOTIFICATION received' });
  });

  describe('with DelayOpen (RFC 4271 §8.1.1, events 12 and 20)', () => {
    it('TcpCrAcked: holds our OPEN back and starts the DelayOpenTimer', () => {
      const { state, effects } = step(reach('Connect', DELAY_OPEN), { type: 'TcpCrAcked' });
      expect(effects).toEqual([stop('ConnectRetry'), start('DelayOpen', 10)]);
      expect(state).toMatchObject({ state: 'Connect', delayOpenTimer: true });
    });

    it('DelayOpenTimerExpires (12): sends OPEN, OpenSent', () => {
      const { state, effects } = step(delayed(), { type: 'DelayOpenTimerExpires' });
      expect(effects).toEqual([send(buildOpen(DELAY_OPEN)), start('Hold', 240), moved('Connect', 'OpenSent')]);
      expect(state).toMatchObject({ state: 'OpenSent', delayOpenTimer: false });
    });

    it("the peer's OPEN (20): OPEN, KEEPALIVE, negotiated timers, OpenConfirm", () => {
      const open = peerOpen();
      const { state, effects } = step(delayed(), msg(open));
      expect(effects).toEqual([
        received(open),
        stop('DelayOpen'),
        send(buildOpen(DELAY_OPEN)),
        send(KEEPALIVE),
        start('Keepalive', 30),
        start('Hold', 90),
        moved('Connect', 'OpenConfirm'),
      ]);
      expect(state).toMatchObject({ state: 'OpenConfirm', holdTime: 90, delayOpenTimer: false });
      expect(state.negotiated?.peerOpen).toBe(open);
    });

    it("the peer's OPEN with hold time 0: no timers at all", () => {
      const { effects } = step(delayed(), msg(peerOpen({ holdTime: 0 })));
      expect(effects.filter((e) => e.kind === 'timer-start')).toEqual([]);
    });

    it("a bad OPEN (22): the OPEN error's NOTIFICATION, Idle", () => {
      const open = peerOpen({ myAs: 65009, capabilities: [] });
      const { state, effects } = step(delayed(), msg(open));
      expect(effects).toEqual([
        received(open),
        sendNotification(2, 2),
        stop('DelayOpen'),
        CLOSE,
        start('IdleHold', 1),
        moved('Connect', 'Idle'),
      ]);
      expect(state.lastError).toMatchObject({ code: 2, subcode: 2 });
    });

    it('TcpConnectionFails (18): back to Active with the ConnectRetryTimer', () => {
      const { state, effects } = step(delayed(), { type: 'TcpConnectionFails' });
      expect(effects).toEqual([start('ConnectRetry', 5), stop('DelayOpen'), moved('Connect', 'Active')]);
      expect(state).toMatchObject({ state: 'Active', delayOpenTimer: false, connectRetryCounter: 0 });
    });

    it('ConnectRetryTimerExpires (9): drops the connection, stops DelayOpen, connects again', () => {
      const { state, effects } = step(delayed(), { type: 'ConnectRetryTimerExpires' });
      expect(effects).toEqual([CLOSE, start('ConnectRetry', 5), stop('DelayOpen'), CONNECT]);
      expect(state).toMatchObject({ state: 'Connect', delayOpenTimer: false });
    });

    it('ManualStop: the connection is up, so the peer hears Cease / Administrative Shutdown', () => {
      const { effects } = step(delayed(), { type: 'ManualStop', shutdownMessage: 'maintenance' });
      expect(effects).toEqual([send(administrativeShutdown('maintenance')), stop('DelayOpen'), CLOSE, moved('Connect', 'Idle')]);
    });

    it('a version-error NOTIFICATION (24) does not count as a failed attempt', () => {
      const n = notificationMessage(2, 1, Buffer.from([0, 3]));
      const { state, effects } = step(delayed(), msg(n));
      expect(effects).toEqual([received(n), stop('DelayOpen'), CLOSE, start('IdleHold', 1), moved('Connect', 'Idle')]);
      expect(state.connectRetryCounter).toBe(0);
    });

    it('a decode error (21): its NOTIFICATION goes out', () => {
      const error = new BgpError(1, 2, Buffer.from([0x00, 0x12]));
      const { effects } = step(delayed(), { type: 'MessageError', error });
      expect(effects).toEqual([
        sendNotification(1, 2, Buffer.from([0x00, 0x12])),
        stop('DelayOpen'),
        CLOSE,
        start('IdleHold', 1),
        moved('Connect', 'Idle'),
      ]);
    });

    it('a KEEPALIVE before any OPEN: Idle, no NOTIFICATION', () => {
      const { effects } = step(delayed(), msg(KEEPALIVE));
      expect(effects).toEqual([received(KEEPALIVE), stop('DelayOpen'), CLOSE, start('IdleHold', 1), moved('Connect', 'Idle')]);
    });

    it('a second connection while waiting is left to the session layer', () => {
      const state = delayed();
      expect(step(state, { type: 'TcpConnectionConfirmed' })).toEqual({ state, effects: [] });
    });
  });
});
