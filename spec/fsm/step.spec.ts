import fc from 'fast-check';
import { initialState, step } from '../../lib/fsm/step';
import { LARGE_HOLD_TIME, idleHoldSeconds, runningTimers } from '../../lib/fsm/transitions';
import type { FsmEvent, FsmState, PeerSettings, State, TimerName } from '../../lib/fsm/types';
import { BgpError } from '../../lib/wire/errors';
import type { Message } from '../../lib/wire/types';
import { KEEPALIVE, REFRESH, SETTINGS, UPDATE, msg, notificationMessage, peerOpen } from './fixtures';

const STATES: readonly State[] = ['Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Established'];

const EXPIRY: Partial<Record<FsmEvent['type'], TimerName>> = {
  ConnectRetryTimerExpires: 'ConnectRetry',
  HoldTimerExpires: 'Hold',
  KeepaliveTimerExpires: 'Keepalive',
  DelayOpenTimerExpires: 'DelayOpen',
  IdleHoldTimerExpires: 'IdleHold',
};

const settingsArb: fc.Arbitrary<PeerSettings> = fc.record({
  passive: fc.boolean(),
  delayOpenTime: fc.constantFrom(0, 3),
  holdTime: fc.constantFrom(0, 3, 90),
}).map((s) => ({ ...SETTINGS, ...s }));

const messageArb: fc.Arbitrary<Message> = fc.oneof(
  fc.constant<Message>(KEEPALIVE),
  fc.constant<Message>(UPDATE),
  fc.constant<Message>(REFRESH),
  fc.constantFrom(0, 3, 30, 180).map((holdTime) => peerOpen({ holdTime })),
  fc.constantFrom<Message>(peerOpen({ version: 3 }), peerOpen({ myAs: 1, capabilities: [] }), peerOpen({ holdTime: 1 })),
  fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 11 })).map(([c, s]) => notificationMessage(c, s)),
);

const eventArb: fc.Arbitrary<FsmEvent> = fc.oneof(
  { weight: 6, arbitrary: messageArb.map(msg) },
  {
    weight: 10,
    arbitrary: fc.constantFrom<FsmEvent>(
      { type: 'ManualStart' },
      { type: 'AutomaticStart' },
      { type: 'AutomaticStop' },
      { type: 'ConnectRetryTimerExpires' },
      { type: 'HoldTimerExpires' },
      { type: 'KeepaliveTimerExpires' },
      { type: 'DelayOpenTimerExpires' },
      { type: 'IdleHoldTimerExpires' },
      { type: 'TcpCrAcked' },
      { type: 'TcpConnectionConfirmed' },
      { type: 'TcpConnectionFails' },
      { type: 'OpenCollisionDump' },
      { type: 'UpdateSent' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.option(fc.string()).map((text): FsmEvent => ({ type: 'ManualStop', shutdownMessage: text ?? undefined })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 11 }), fc.boolean())
      .map(([code, subcode, automaticStop]): FsmEvent => {
        const error = new BgpError(code, subcode);
        return automaticStop ? { type: 'AutomaticStop', error } : { type: 'MessageError', error };
      }),
  },
);

/** The event that moves a session forward from `fsm`, so random runs also reach the later states. */
function progress(fsm: FsmState): FsmEvent {
  switch (fsm.state) {
    case 'Idle':
      return fsm.idleHoldTimer === true ? { type: 'IdleHoldTimerExpires' } : { type: 'ManualStart' };
    case 'Connect':
      return fsm.delayOpenTimer === true ? { type: 'DelayOpenTimerExpires' } : { type: 'TcpCrAcked' };
    case 'Active':
      return fsm.delayOpenTimer === true ? msg(peerOpen()) : { type: 'TcpConnectionConfirmed' };
    case 'OpenSent':
      return msg(peerOpen());
    case 'OpenConfirm':
      return msg(KEEPALIVE);
    case 'Established':
      return msg(UPDATE);
  }
}

/** Each step is either forward progress (null) or any event at all. */
const scriptArb = fc.array(fc.option(eventArb, { freq: 2 }), { maxLength: 80 });

/** What every state must satisfy, whatever led to it. */
function checkState(s: FsmState): void {
  expect(STATES).toContain(s.state);
  expect(Number.isInteger(s.connectRetryCounter) && s.connectRetryCounter >= 0).toBe(true);
  if (s.delayOpenTimer === true) expect(['Connect', 'Active']).toContain(s.state);
  if (s.idleHoldTimer === true) expect(s.state).toBe('Idle');
  switch (s.state) {
    case 'Idle':
    case 'Connect':
    case 'Active':
      expect(s.holdTime).toBe(0);
      expect(s.negotiated).toBeUndefined();
      break;
    case 'OpenSent':
      expect(s.holdTime).toBe(LARGE_HOLD_TIME);
      expect(s.localOpen).toBeDefined();
      break;
    case 'OpenConfirm':
    case 'Established':
      expect(s.negotiated).toBeDefined();
      expect(s.holdTime).toBe(s.negotiated?.holdTime);
      expect(s.holdTime === 0 || s.holdTime >= 3).toBe(true);
      break;
  }
}

describe('step: properties (fast-check)', () => {
  it('never throws, always leaves a valid state, and arms exactly the timers its state runs', () => {
    fc.assert(
      fc.property(settingsArb, scriptArb, (settings, script) => {
        let fsm = initialState(settings);
        // The timers runFsm would have running, kept from the effects alone.
        const armed = new Set<TimerName>();
        for (const choice of script) {
          const event = choice ?? progress(fsm);
          const expired = EXPIRY[event.type];
          if (expired !== undefined) armed.delete(expired); // an expiry means the timer is no longer running
          const { state, effects } = step(fsm, event);
          checkState(state);
          const stateChanges = effects.filter((e) => e.kind === 'state');
          if (state.state === fsm.state) expect(stateChanges).toEqual([]);
          else expect(stateChanges).toEqual([{ kind: 'state', from: fsm.state, to: state.state }]);
          for (const effect of effects) {
            if (effect.kind === 'timer-stop') {
              expect(armed.has(effect.timer)).toBe(true); // only running timers are stopped
              armed.delete(effect.timer);
            }
            if (effect.kind === 'timer-start') armed.add(effect.timer);
            if (effect.kind === 'established') expect(state.state).toBe('Established');
            if (effect.kind === 'down') expect(['OpenConfirm', 'Established']).toContain(fsm.state);
            if (effect.kind === 'connect') expect(state.settings.passive).toBe(false);
          }
          expect([...armed].sort()).toEqual(runningTimers(state).sort());
          // The backoff starts over only once an Established session has received a KEEPALIVE.
          if (state.state === 'Established' && fsm.state !== 'Established') expect(state.connectRetryCounter).toBe(fsm.connectRetryCounter);
          if (fsm.state === 'Established' && event.type === 'Message' && event.message.type === 'keepalive') expect(state.connectRetryCounter).toBe(0);
          fsm = state;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('idleHoldSeconds (RFC 4271 §8.1.1 DampPeerOscillations)', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 100, 5000].map(idleHoldSeconds)).toEqual([1, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });
});
