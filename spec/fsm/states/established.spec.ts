import { administrativeShutdown } from '../../../lib/fsm/notifications';
import { step } from '../../../lib/fsm/step';
import type { Effect } from '../../../lib/fsm/types';
import { BgpError } from '../../../lib/wire/errors';
import type { NotificationMessage, UpdateMessage } from '../../../lib/wire/types';
import {
  CLOSE,
  KEEPALIVE,
  REFRESH,
  UPDATE,
  after,
  moved,
  msg,
  notificationMessage,
  peerOpen,
  reach,
  received,
  send,
  start,
  stop,
} from '../fixtures';

function out(reason: string, n: NotificationMessage | undefined, sent: boolean): Effect[] {
  const down: Effect = n === undefined ? { kind: 'down', reason, sent } : { kind: 'down', reason, notification: n, sent };
  return [
    ...(sent && n !== undefined ? [send(n)] : []),
    stop('Hold'),
    stop('Keepalive'),
    down,
    CLOSE,
    start('IdleHold', 1),
    moved('Established', 'Idle'),
  ];
}

describe('Established (RFC 4271 §8.2.2)', () => {
  it('a KEEPALIVE (26): reported, hold timer restarted, same state object', () => {
    const established = reach('Established');
    expect(step(established, msg(KEEPALIVE))).toEqual({ state: established, effects: [received(KEEPALIVE), start('Hold', 90)] });
    expect(step(established, msg(KEEPALIVE)).state).toBe(established);
  });

  it("an UPDATE (27): hold timer restarted, passed on as 'update'", () => {
    const established = reach('Established');
    const result = step(established, msg(UPDATE));
    expect(result.effects).toEqual([start('Hold', 90), { kind: 'update', message: UPDATE }]);
    expect(result.state).toBe(established);
  });

  it('an UPDATE marked treat-as-withdraw (RFC 7606) passes on too: the RIB applies it', () => {
    const update: UpdateMessage = { ...UPDATE, errorAction: 'treat-as-withdraw' };
    expect(step(reach('Established'), msg(update)).effects).toEqual([start('Hold', 90), { kind: 'update', message: update }]);
  });

  it("a ROUTE-REFRESH: passed on as 'refresh'", () => {
    expect(step(reach('Established'), msg(REFRESH)).effects).toEqual([start('Hold', 90), { kind: 'refresh', message: REFRESH }]);
  });

  it('KeepaliveTimerExpires (11): KEEPALIVE, timer restarted', () => {
    expect(step(reach('Established'), { type: 'KeepaliveTimerExpires' }).effects).toEqual([
      send(KEEPALIVE),
      start('Keepalive', 30),
    ]);
  });

  it('UpdateSent: the KeepaliveTimer restarts, as after every UPDATE we send', () => {
    expect(step(reach('Established'), { type: 'UpdateSent' }).effects).toEqual([start('Keepalive', 30)]);
  });

  it('HoldTimerExpires (10): 4/0, session down, backoff', () => {
    const { state, effects } = step(reach('Established'), { type: 'HoldTimerExpires' });
    const n = notificationMessage(4, 0);
    expect(effects).toEqual([
      send(n),
      stop('Keepalive'),
      { kind: 'down', reason: 'hold timer expired', notification: n, sent: true },
      CLOSE,
      start('IdleHold', 1),
      moved('Established', 'Idle'),
    ]);
    expect(state).toMatchObject({
      state: 'Idle',
      connectRetryCounter: 1,
      idleHoldTimer: true,
      lastError: { code: 4, subcode: 0, reason: 'hold timer expired' },
    });
    expect(state.negotiated).toBeUndefined();
    expect(state.localOpen).toBeUndefined();
  });

  it('ManualStop (2): Administrative Shutdown with the RFC 8203 text, down, no restart', () => {
    const n = administrativeShutdown('planned maintenance');
    const { state, effects } = step(reach('Established'), { type: 'ManualStop', shutdownMessage: 'planned maintenance' });
    expect(effects).toEqual([
      send(n),
      stop('Hold'),
      stop('Keepalive'),
      { kind: 'down', reason: 'administrative shutdown', notification: n, sent: true },
      CLOSE,
      moved('Established', 'Idle'),
    ]);
    expect(state).toMatchObject({ connectRetryCounter: 0, idleHoldTimer: false });
  });

  it('AutomaticStop (8) with an error: that NOTIFICATION, down, backoff', () => {
    const error = new BgpError(6, 1, Buffer.from([0, 1, 1, 0, 0, 0, 100]));
    expect(step(reach('Established'), { type: 'AutomaticStop', error }).effects).toEqual(
      out('automatic stop', notificationMessage(6, 1, Buffer.from([0, 1, 1, 0, 0, 0, 100])), true),
    );
  });

  it('AutomaticStop (8) with a reason (the teardown command): the log says that reason, not "automatic stop"', () => {
    const error = new BgpError(6, 4);
    expect(step(reach('Established'), { type: 'AutomaticStop', error, reason: 'teardown command' }).effects).toEqual(
      out('teardown command', notificationMessage(6, 4), true),
    );
  });

  it('TcpConnectionFails (18): down, no NOTIFICATION', () => {
    expect(step(reach('Established'), { type: 'TcpConnectionFails' }).effects).toEqual(out('connection lost', undefined, false));
  });

  it.each([
    [notificationMessage(6, 4)],
    [notificationMessage(2, 1)], // in Established even a version error counts (NotifMsgVerErr)
  ])('a NOTIFICATION %p (24, 25): down with it, counted', (n) => {
    const { state, effects } = step(reach('Established'), msg(n));
    expect(effects).toEqual([received(n), ...out('NOTIFICATION received', n, false)]);
    expect(state.connectRetryCounter).toBe(1);
  });

  it.each([
    ['UPDATE error (28)', new BgpError(3, 11)],
    ['header error (21)', new BgpError(1, 2, Buffer.from([0x10, 0x01]))],
  ])('a decode error, %s: its own NOTIFICATION', (_name, error) => {
    expect(step(reach('Established'), { type: 'MessageError', error }).effects).toEqual(
      out(`message error: ${error.message}`, notificationMessage(error.code, error.subcode, error.data), true),
    );
  });

  it('OpenCollisionDump (23): Cease / 7', () => {
    expect(step(reach('Established'), { type: 'OpenCollisionDump' }).effects).toEqual(
      out('connection collision', notificationMessage(6, 7), true),
    );
  });

  it('an OPEN (19): 5/3, RFC 6608', () => {
    const open = peerOpen();
    expect(step(reach('Established'), msg(open)).effects).toEqual([
      received(open),
      ...out('unexpected OPEN in Established', notificationMessage(5, 3), true),
    ]);
  });

  it.each(['ConnectRetryTimerExpires', 'DelayOpenTimerExpires', 'IdleHoldTimerExpires'] as const)(
    '%s (9, 12, 13): 5/0',
    (type) => {
      expect(step(reach('Established'), { type }).effects).toEqual(
        out(`unexpected ${type} in Established`, notificationMessage(5, 0), true),
      );
    },
  );

  it.each(['ManualStart', 'AutomaticStart', 'TcpCrAcked', 'TcpConnectionConfirmed'] as const)('ignores %s', (type) => {
    const established = reach('Established');
    expect(step(established, { type })).toEqual({ state: established, effects: [] });
  });

  describe('with hold time 0', () => {
    const established = () => after(reach('OpenSent'), [msg(peerOpen({ holdTime: 0 })), msg(KEEPALIVE)]);

    it('restarts no timer on KEEPALIVE, UPDATE or UpdateSent', () => {
      expect(step(established(), msg(KEEPALIVE)).effects).toEqual([received(KEEPALIVE)]);
      expect(step(established(), msg(UPDATE)).effects).toEqual([{ kind: 'update', message: UPDATE }]);
      expect(step(established(), { type: 'UpdateSent' }).effects).toEqual([]);
    });

    it('a stray KeepaliveTimerExpires still sends a KEEPALIVE but arms nothing', () => {
      expect(step(established(), { type: 'KeepaliveTimerExpires' }).effects).toEqual([send(KEEPALIVE)]);
    });
  });
});
