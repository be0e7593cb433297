import { administrativeShutdown } from '../../../lib/fsm/notifications';
import { step } from '../../../lib/fsm/step';
import { BgpError } from '../../../lib/wire/errors';
import {
  CLOSE,
  KEEPALIVE,
  PASSIVE,
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

/** The way out of OpenSent after a NOTIFICATION we send: stop the hold timer, close, back off. */
const out = (code: number, subcode: number, data: Buffer = Buffer.alloc(0)) => [
  sendNotification(code, subcode, data),
  stop('Hold'),
  CLOSE,
  start('IdleHold', 1),
  moved('OpenSent', 'Idle'),
];

describe('OpenSent (RFC 4271 §8.2.2)', () => {
  it("the peer's OPEN (19): KEEPALIVE, negotiated timers, OpenConfirm", () => {
    const open = peerOpen({ holdTime: 60 });
    const openSent = reach('OpenSent');
    const { state, effects } = step(openSent, msg(open));
    expect(effects).toEqual([
      received(open),
      send(KEEPALIVE),
      start('Keepalive', 20),
      start('Hold', 60),
      moved('OpenSent', 'OpenConfirm'),
    ]);
    expect(state).toMatchObject({ state: 'OpenConfirm', holdTime: 60 });
    expect(state.negotiated).toMatchObject({ holdTime: 60, keepaliveTime: 20, peerAs: 65002, peerId: '10.0.0.2' });
    expect(state.negotiated?.localOpen).toBe(openSent.localOpen);
    expect(state.negotiated?.peerOpen).toBe(open);
  });

  it("the peer's OPEN with hold time 0: KEEPALIVE once, the large hold timer stopped", () => {
    const open = peerOpen({ holdTime: 0 });
    const { state, effects } = step(reach('OpenSent'), msg(open));
    expect(effects).toEqual([received(open), send(KEEPALIVE), stop('Hold'), moved('OpenSent', 'OpenConfirm')]);
    expect(state.holdTime).toBe(0);
  });

  it.each([
    ['bad version', peerOpen({ version: 3 }), 1, Buffer.from([0, 4])],
    ['bad peer AS', peerOpen({ myAs: 1, capabilities: [] }), 2, Buffer.alloc(0)],
    ['bad identifier', peerOpen({ bgpId: '0.0.0.0' }), 3, Buffer.alloc(0)],
    ['bad hold time', peerOpen({ holdTime: 2 }), 6, Buffer.alloc(0)],
  ])("a %s (22): the OPEN error's NOTIFICATION, Idle", (_name, open, subcode, data) => {
    const { state, effects } = step(reach('OpenSent'), msg(open));
    expect(effects).toEqual([received(open), ...out(2, subcode, data)]);
    expect(state).toMatchObject({ state: 'Idle', connectRetryCounter: 1, lastError: { code: 2, subcode } });
  });

  it('HoldTimerExpires (10): Hold Timer Expired, Idle (the expired timer is not stopped again)', () => {
    expect(step(reach('OpenSent'), { type: 'HoldTimerExpires' }).effects).toEqual([
      sendNotification(4, 0),
      CLOSE,
      start('IdleHold', 1),
      moved('OpenSent', 'Idle'),
    ]);
  });

  it('TcpConnectionFails (18): close and listen again in Active with the ConnectRetryTimer', () => {
    const { state, effects } = step(reach('OpenSent'), { type: 'TcpConnectionFails' });
    expect(effects).toEqual([stop('Hold'), CLOSE, start('ConnectRetry', 5), moved('OpenSent', 'Active')]);
    expect(state).toEqual({ state: 'Active', settings: SETTINGS, connectRetryCounter: 0, holdTime: 0 });
  });

  it('TcpConnectionFails when passive: Active without a ConnectRetryTimer', () => {
    const openSent = after(reach('Active', PASSIVE), [{ type: 'TcpConnectionConfirmed' }]);
    expect(step(openSent, { type: 'TcpConnectionFails' }).effects).toEqual([stop('Hold'), CLOSE, moved('OpenSent', 'Active')]);
  });

  it('ManualStop (2): Cease / Administrative Shutdown with the text, Idle, no restart', () => {
    const { state, effects } = step(reach('OpenSent'), { type: 'ManualStop', shutdownMessage: 'upgrade' });
    expect(effects).toEqual([send(administrativeShutdown('upgrade')), stop('Hold'), CLOSE, moved('OpenSent', 'Idle')]);
    expect(state).toMatchObject({ connectRetryCounter: 0, idleHoldTimer: false });
  });

  it('AutomaticStop (8): Cease, or the given error', () => {
    expect(step(reach('OpenSent'), { type: 'AutomaticStop' }).effects).toEqual(out(6, 0));
    expect(step(reach('OpenSent'), { type: 'AutomaticStop', error: new BgpError(6, 3) }).effects).toEqual(out(6, 3));
  });

  it('OpenCollisionDump (23): Cease / Connection Collision Resolution', () => {
    expect(step(reach('OpenSent'), { type: 'OpenCollisionDump' }).effects).toEqual(out(6, 7));
  });

  it('a header or OPEN decode error (21, 22): its own NOTIFICATION', () => {
    const error = new BgpError(1, 3, Buffer.from([9]));
    expect(step(reach('OpenSent'), { type: 'MessageError', error }).effects).toEqual(out(1, 3, Buffer.from([9])));
  });

  it('an UPDATE decode error (28) is an unexpected UPDATE: FSM Error 5/1 (RFC 6608)', () => {
    const error = new BgpError(3, 1);
    expect(step(reach('OpenSent'), { type: 'MessageError', error }).effects).toEqual(out(5, 1));
  });

  it.each(named([msg(UPDATE), msg(REFRESH)]))('%s: unexpected message in OpenSent, 5/1 (RFC 6608)', (_name, event) => {
    const { state, effects } = step(reach('OpenSent'), event);
    expect(effects).toEqual(out(5, 1));
    expect(state.lastError).toEqual({ code: 5, subcode: 1, reason: `unexpected ${_name} in OpenSent` });
  });

  it('a KEEPALIVE (26) is reported, then 5/1', () => {
    expect(step(reach('OpenSent'), msg(KEEPALIVE)).effects).toEqual([received(KEEPALIVE), ...out(5, 1)]);
  });

  it.each(['ConnectRetryTimerExpires', 'KeepaliveTimerExpires', 'DelayOpenTimerExpires', 'IdleHoldTimerExpires'] as const)(
    '%s (9, 11, 12, 13): FSM Error, unspecified subcode',
    (type) => {
      expect(step(reach('OpenSent'), { type }).effects).toEqual(out(5, 0));
    },
  );

  it('a NOTIFICATION (25): never answered; reported, Idle with the failure counted', () => {
    const n = notificationMessage(6, 2);
    const { state, effects } = step(reach('OpenSent'), msg(n));
    expect(effects).toEqual([received(n), stop('Hold'), CLOSE, start('IdleHold', 1), moved('OpenSent', 'Idle')]);
    expect(state.connectRetryCounter).toBe(1);
  });

  it('a version-error NOTIFICATION (24): Idle, counter unchanged', () => {
    const n = notificationMessage(2, 1, Buffer.from([0, 3]));
    expect(step(reach('OpenSent'), msg(n)).state.connectRetryCounter).toBe(0);
  });

  it.each(['ManualStart', 'AutomaticStart', 'TcpCrAcked', 'TcpConnectionConfirmed', 'UpdateSent'] as const)(
    'ignores %s',
    (type) => {
      const openSent = reach('OpenSent');
      expect(step(openSent, { type })).toEqual({ state: openSent, effects: [] });
    },
  );
});
