import { buildOpen } from '../../../lib/fsm/build-open';
import { administrativeShutdown } from '../../../lib/fsm/notifications';
import { step } from '../../../lib/fsm/step';
import type { PeerSettings } from '../../../lib/fsm/types';
import { BgpError } from '../../../lib/wire/errors';
import {
  CLOSE,
  CONNECT,
  KEEPALIVE,
  PASSIVE,
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

/** An active (initiating) peer back in Active after its connection failed in OpenSent. */
const activeWithRetry = () => after(reach('OpenSent'), [{ type: 'TcpConnectionFails' }]);
const PASSIVE_DELAY: PeerSettings = { ...PASSIVE, delayOpenTime: 7 };
const delayed = () => after(reach('Active', PASSIVE_DELAY), [{ type: 'TcpConnectionConfirmed' }]);

describe('Active (RFC 4271 §8.2.2)', () => {
  describe('passive peer', () => {
    it.each(['TcpConnectionConfirmed', 'TcpCrAcked'] as const)('%s (17, 16): OPEN, OpenSent', (type) => {
      const { state, effects } = step(reach('Active', PASSIVE), { type });
      expect(effects).toEqual([send(buildOpen(PASSIVE)), start('Hold', 240), moved('Active', 'OpenSent')]);
      expect(state).toMatchObject({ state: 'OpenSent', holdTime: 240 });
    });

    it('never initiates: a ConnectRetryTimerExpires is stray and ignored', () => {
      const active = reach('Active', PASSIVE);
      expect(step(active, { type: 'ConnectRetryTimerExpires' })).toEqual({ state: active, effects: [] });
    });

    it('ManualStop: Idle, nothing to close or stop', () => {
      const { state, effects } = step(reach('Active', PASSIVE), { type: 'ManualStop' });
      expect(effects).toEqual([moved('Active', 'Idle')]);
      expect(state).toMatchObject({ connectRetryCounter: 0, idleHoldTimer: false });
    });

    it.each(
      named([
        { type: 'TcpConnectionFails' }, // 18
        { type: 'AutomaticStop' }, // 8
        { type: 'HoldTimerExpires' }, // 10
        { type: 'KeepaliveTimerExpires' }, // 11
        { type: 'IdleHoldTimerExpires' }, // 13
        { type: 'OpenCollisionDump' }, // 23
        msg(UPDATE), // 27
      ]),
    )('%s: Idle with backoff, no NOTIFICATION', (_name, event) => {
      const { state, effects } = step(reach('Active', PASSIVE), event);
      expect(effects).toEqual([start('IdleHold', 1), moved('Active', 'Idle')]);
      expect(state.connectRetryCounter).toBe(1);
    });

    it('an OPEN without DelayOpen (19) is reported, then Idle', () => {
      const open = peerOpen();
      expect(step(reach('Active', PASSIVE), msg(open)).effects).toEqual([
        received(open),
        start('IdleHold', 1),
        moved('Active', 'Idle'),
      ]);
    });

    it.each(['ManualStart', 'AutomaticStart', 'UpdateSent', 'DelayOpenTimerExpires'] as const)('ignores %s', (type) => {
      const active = reach('Active', PASSIVE);
      expect(step(active, { type })).toEqual({ state: active, effects: [] });
    });
  });

  describe('active peer (after its connection failed in OpenSent)', () => {
    it('runs the ConnectRetryTimer, whose expiry (9) connects: Connect', () => {
      const { state, effects } = step(activeWithRetry(), { type: 'ConnectRetryTimerExpires' });
      expect(effects).toEqual([start('ConnectRetry', 5), CONNECT, moved('Active', 'Connect')]);
      expect(state.state).toBe('Connect');
    });

    it('TcpConnectionConfirmed (17): stops the ConnectRetryTimer, OPEN, OpenSent', () => {
      const { effects } = step(activeWithRetry(), { type: 'TcpConnectionConfirmed' });
      expect(effects).toEqual([stop('ConnectRetry'), send(buildOpen(SETTINGS)), start('Hold', 240), moved('Active', 'OpenSent')]);
    });

    it('TcpConnectionFails (18): stops the ConnectRetryTimer, Idle with backoff', () => {
      const { effects } = step(activeWithRetry(), { type: 'TcpConnectionFails' });
      expect(effects).toEqual([stop('ConnectRetry'), start('IdleHold', 1), moved('Active', 'Idle')]);
    });
  });

  describe('with DelayOpen', () => {
    it('TcpConnectionConfirmed starts the DelayOpenTimer instead of sending OPEN', () => {
      const { state, effects } = step(reach('Active', PASSIVE_DELAY), { type: 'TcpConnectionConfirmed' });
      expect(effects).toEqual([start('DelayOpen', 7)]);
      expect(state).toMatchObject({ state: 'Active', delayOpenTimer: true });
    });

    it('DelayOpenTimerExpires (12): OPEN, OpenSent', () => {
      expect(step(delayed(), { type: 'DelayOpenTimerExpires' }).effects).toEqual([
        send(buildOpen(PASSIVE_DELAY)),
        start('Hold', 240),
        moved('Active', 'OpenSent'),
      ]);
    });

    it("the peer's OPEN (20): OPEN, KEEPALIVE, OpenConfirm", () => {
      const open = peerOpen({ holdTime: 30 });
      expect(step(delayed(), msg(open)).effects).toEqual([
        received(open),
        stop('DelayOpen'),
        send(buildOpen(PASSIVE_DELAY)),
        send(KEEPALIVE),
        start('Keepalive', 10),
        start('Hold', 30),
        moved('Active', 'OpenConfirm'),
      ]);
    });

    it('a stray ConnectRetryTimerExpires is ignored while the connection waits', () => {
      const state = delayed();
      expect(step(state, { type: 'ConnectRetryTimerExpires' })).toEqual({ state, effects: [] });
    });

    it('TcpConnectionFails (18): Idle', () => {
      expect(step(delayed(), { type: 'TcpConnectionFails' }).effects).toEqual([
        stop('DelayOpen'),
        CLOSE,
        start('IdleHold', 1),
        moved('Active', 'Idle'),
      ]);
    });

    it('ManualStop: Cease / Administrative Shutdown to the connected peer', () => {
      expect(step(delayed(), { type: 'ManualStop' }).effects).toEqual([
        send(administrativeShutdown()),
        stop('DelayOpen'),
        CLOSE,
        moved('Active', 'Idle'),
      ]);
    });

    it.each([
      ['AutomaticStop with an error sends that error', { type: 'AutomaticStop', error: new BgpError(6, 3) } as const, [6, 3]],
      ['AutomaticStop without one sends Cease', { type: 'AutomaticStop' } as const, [6, 0]],
      ['OpenCollisionDump sends Cease / Collision', { type: 'OpenCollisionDump' } as const, [6, 7]],
      ['MessageError sends its error', { type: 'MessageError', error: new BgpError(2, 7) } as const, [2, 7]],
    ])('%s', (_name, event, [code, subcode]) => {
      expect(step(delayed(), event).effects).toEqual([
        sendNotification(code, subcode),
        stop('DelayOpen'),
        CLOSE,
        start('IdleHold', 1),
        moved('Active', 'Idle'),
      ]);
    });

    it('a NOTIFICATION other than a version error counts a failed attempt', () => {
      const n = notificationMessage(6, 4);
      const { state, effects } = step(delayed(), msg(n));
      expect(effects).toEqual([received(n), stop('DelayOpen'), CLOSE, start('IdleHold', 1), moved('Active', 'Idle')]);
      expect(state.connectRetryCounter).toBe(1);
    });
  });
});
