import { administrativeShutdown } from '../../../lib/fsm/notifications';
import { step } from '../../../lib/fsm/step';
import { BgpError } from '../../../lib/wire/errors';
import {
  CLOSE,
  KEEPALIVE,
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
import type { Effect } from '../../../lib/fsm/types';
import type { NotificationMessage } from '../../../lib/wire/types';

const notification = (code: number, subcode: number): NotificationMessage => notificationMessage(code, subcode);

/** The way out of OpenConfirm: timers stopped, the session reported down, closed, backoff. */
function out(reason: string, n: NotificationMessage | undefined, sent: boolean): Effect[] {
  const down: Effect = n === undefined ? { kind: 'down', reason, sent } : { kind: 'down', reason, notification: n, sent };
  return [
    ...(sent && n !== undefined ? [send(n)] : []),
    stop('Hold'),
    stop('Keepalive'),
    down,
    CLOSE,
    start('IdleHold', 1),
    moved('OpenConfirm', 'Idle'),
  ];
}

describe('OpenConfirm (RFC 4271 §8.2.2)', () => {
  it('a KEEPALIVE (26): hold timer restarted, Established, with what was negotiated', () => {
    const openConfirm = reach('OpenConfirm');
    const { state, effects } = step({ ...openConfirm, connectRetryCounter: 4 }, msg(KEEPALIVE));
    expect(effects).toEqual([
      received(KEEPALIVE),
      start('Hold', 90),
      moved('OpenConfirm', 'Established'),
      { kind: 'established', negotiated: openConfirm.negotiated },
    ]);
    // The backoff is kept until a KEEPALIVE arrives in Established (a session rejected at once keeps backing off).
    expect(state).toMatchObject({ state: 'Established', connectRetryCounter: 4, holdTime: 90 });
  });

  it('KeepaliveTimerExpires (11): KEEPALIVE, timer restarted', () => {
    const openConfirm = reach('OpenConfirm');
    expect(step(openConfirm, { type: 'KeepaliveTimerExpires' })).toEqual({
      state: openConfirm,
      effects: [send(KEEPALIVE), start('Keepalive', 30)],
    });
  });

  it('HoldTimerExpires (10): Hold Timer Expired, session down', () => {
    const n = notification(4, 0);
    expect(step(reach('OpenConfirm'), { type: 'HoldTimerExpires' }).effects).toEqual([
      send(n),
      stop('Keepalive'),
      { kind: 'down', reason: 'hold timer expired', notification: n, sent: true },
      CLOSE,
      start('IdleHold', 1),
      moved('OpenConfirm', 'Idle'),
    ]);
  });

  it('TcpConnectionFails (18): session down, no NOTIFICATION', () => {
    expect(step(reach('OpenConfirm'), { type: 'TcpConnectionFails' }).effects).toEqual(
      out('connection lost', undefined, false),
    );
  });

  it("a NOTIFICATION (25): reported and passed on in 'down'", () => {
    const n = notification(6, 2);
    expect(step(reach('OpenConfirm'), msg(n)).effects).toEqual([received(n), ...out('NOTIFICATION received', n, false)]);
  });

  it('a version-error NOTIFICATION (24) leaves the counter alone', () => {
    const state = { ...reach('OpenConfirm'), connectRetryCounter: 2 };
    const result = step(state, msg(notification(2, 1)));
    expect(result.state.connectRetryCounter).toBe(2);
    expect(result.effects).toContainEqual(start('IdleHold', 2));
  });

  it('ManualStop (2): Administrative Shutdown, down, no restart', () => {
    const n = administrativeShutdown('bye');
    const { state, effects } = step(reach('OpenConfirm'), { type: 'ManualStop', shutdownMessage: 'bye' });
    expect(effects).toEqual([
      send(n),
      stop('Hold'),
      stop('Keepalive'),
      { kind: 'down', reason: 'administrative shutdown', notification: n, sent: true },
      CLOSE,
      moved('OpenConfirm', 'Idle'),
    ]);
    expect(state.connectRetryCounter).toBe(0);
  });

  it('OpenCollisionDump (23): Cease / Connection Collision Resolution', () => {
    expect(step(reach('OpenConfirm'), { type: 'OpenCollisionDump' }).effects).toEqual(
      out('connection collision', notification(6, 7), true),
    );
  });

  it('a second OPEN on this connection (19): 5/2, RFC 6608', () => {
    const open = peerOpen();
    expect(step(reach('OpenConfirm'), msg(open)).effects).toEqual([
      received(open),
      ...out('unexpected OPEN in OpenConfirm', notification(5, 2), true),
    ]);
  });

  it('an UPDATE (27), decoded or not (28): 5/2', () => {
    const expected = out('unexpected UPDATE in OpenConfirm', notification(5, 2), true);
    expect(step(reach('OpenConfirm'), msg(UPDATE)).effects).toEqual(expected);
    const error = new BgpError(3, 3);
    expect(step(reach('OpenConfirm'), { type: 'MessageError', error }).effects).toEqual(
      out('unexpected MessageError in OpenConfirm', notification(5, 2), true),
    );
  });

  it.each(['ConnectRetryTimerExpires', 'DelayOpenTimerExpires', 'IdleHoldTimerExpires'] as const)(
    '%s (9, 12, 13): 5/0',
    (type) => {
      expect(step(reach('OpenConfirm'), { type }).effects).toEqual(
        out(`unexpected ${type} in OpenConfirm`, notification(5, 0), true),
      );
    },
  );

  it.each(['ManualStart', 'AutomaticStart', 'TcpCrAcked', 'TcpConnectionConfirmed', 'UpdateSent'] as const)(
    'ignores %s',
    (type) => {
      const openConfirm = reach('OpenConfirm');
      expect(step(openConfirm, { type })).toEqual({ state: openConfirm, effects: [] });
    },
  );

  describe('with hold time 0 (no KEEPALIVEs, no hold timer)', () => {
    const openConfirm = () => after(reach('OpenSent'), [msg(peerOpen({ holdTime: 0 }))]);

    it('a KEEPALIVE: Established without restarting any timer', () => {
      const state = openConfirm();
      expect(step(state, msg(KEEPALIVE)).effects).toEqual([
        received(KEEPALIVE),
        moved('OpenConfirm', 'Established'),
        { kind: 'established', negotiated: state.negotiated },
      ]);
    });

    it('going down stops no timer', () => {
      expect(step(openConfirm(), { type: 'TcpConnectionFails' }).effects).toEqual([
        { kind: 'down', reason: 'connection lost', sent: false },
        CLOSE,
        start('IdleHold', 1),
        moved('OpenConfirm', 'Idle'),
      ]);
    });
  });
});
