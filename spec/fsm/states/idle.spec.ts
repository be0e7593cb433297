import { initialState, step } from '../../../lib/fsm/step';
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
  peerOpen,
  reach,
  start,
  stop,
} from '../fixtures';

/** Idle after a failed attempt: IdleHold armed, counter 1. */
const damped = () => after(reach('Connect'), [{ type: 'TcpConnectionFails' }]);

describe('Idle (RFC 4271 §8.2.2)', () => {
  it('is where the FSM starts, with a zero counter and no hold time', () => {
    expect(initialState(SETTINGS)).toEqual({ state: 'Idle', settings: SETTINGS, connectRetryCounter: 0, holdTime: 0 });
  });

  it.each(['ManualStart', 'AutomaticStart'] as const)('%s: ConnectRetryTimer, connect, Connect (events 1, 3)', (type) => {
    const { state, effects } = step(initialState(SETTINGS), { type });
    expect(effects).toEqual([start('ConnectRetry', 5), CONNECT, moved('Idle', 'Connect')]);
    expect(state).toMatchObject({ state: 'Connect', connectRetryCounter: 0, holdTime: 0 });
  });

  it.each(['ManualStart', 'AutomaticStart'] as const)('%s when passive: Active, no timer (events 4, 5)', (type) => {
    const { state, effects } = step(initialState(PASSIVE), { type });
    expect(effects).toEqual([moved('Idle', 'Active')]);
    expect(state.state).toBe('Active');
  });

  it('after a failure holds the peer down: IdleHold is armed and AutomaticStart is ignored', () => {
    const idle = damped();
    expect(idle).toMatchObject({ state: 'Idle', connectRetryCounter: 1, idleHoldTimer: true });
    const result = step(idle, { type: 'AutomaticStart' });
    expect(result.state).toBe(idle);
    expect(result.effects).toEqual([]);
  });

  it('IdleHoldTimerExpires (event 13) is an AutomaticStart that keeps the counter for the backoff', () => {
    const { state, effects } = step(damped(), { type: 'IdleHoldTimerExpires' });
    expect(effects).toEqual([start('ConnectRetry', 5), CONNECT, moved('Idle', 'Connect')]);
    expect(state).toMatchObject({ state: 'Connect', connectRetryCounter: 1 });
    expect(state.idleHoldTimer).toBeFalsy();
  });

  it('ManualStart overrides the damping and zeroes the counter', () => {
    const { state, effects } = step(damped(), { type: 'ManualStart' });
    expect(effects).toEqual([stop('IdleHold'), start('ConnectRetry', 5), CONNECT, moved('Idle', 'Connect')]);
    expect(state.connectRetryCounter).toBe(0);
  });

  it('ManualStop cancels a pending automatic restart and zeroes the counter', () => {
    const { state, effects } = step(damped(), { type: 'ManualStop' });
    expect(effects).toEqual([stop('IdleHold')]);
    expect(state).toMatchObject({ state: 'Idle', connectRetryCounter: 0, idleHoldTimer: false });
  });

  it('ManualStop in a fresh Idle does nothing', () => {
    const idle = initialState(SETTINGS);
    expect(step(idle, { type: 'ManualStop' })).toEqual({ state: idle, effects: [] });
  });

  it('a stray IdleHoldTimerExpires with no damping running is ignored', () => {
    const idle = initialState(SETTINGS);
    expect(step(idle, { type: 'IdleHoldTimerExpires' }).effects).toEqual([]);
  });

  it.each(['TcpCrAcked', 'TcpConnectionConfirmed'] as const)('%s: refuses the connection', (type) => {
    const idle = initialState(SETTINGS);
    expect(step(idle, { type })).toEqual({ state: idle, effects: [CLOSE] });
  });

  it.each(
    named([
      { type: 'AutomaticStop' },
      { type: 'ConnectRetryTimerExpires' },
      { type: 'HoldTimerExpires' },
      { type: 'KeepaliveTimerExpires' },
      { type: 'DelayOpenTimerExpires' },
      { type: 'TcpConnectionFails' },
      { type: 'OpenCollisionDump' },
      { type: 'UpdateSent' },
      { type: 'MessageError', error: new BgpError(1, 2) },
      msg(peerOpen()),
      msg(KEEPALIVE),
      msg(UPDATE),
    ]),
  )('ignores %s (events 8-12, 18-28)', (_name, event) => {
    const idle = damped();
    const result = step(idle, event);
    expect(result.state).toBe(idle);
    expect(result.effects).toEqual([]);
  });
});
