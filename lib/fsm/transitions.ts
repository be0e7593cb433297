/**
 * Transitions shared by several states of RFC 4271 §8.2.2: starting, sending our OPEN, accepting the peer's,
 * and falling back to Idle. Each returns the new state and the effects, in the order the RFC lists the actions,
 * with the 'state' effect after the actions it concludes.
 */
import type { NotificationMessage } from '../wire/types';
import { buildOpen } from './build-open';
import type { Effect, FsmState, Negotiated, State, StepResult, TimerName } from './types';

/** RFC 4271 §8.2.2: in OpenSent "the HoldTimer is set to a large value"; 4 minutes is suggested. */
export const LARGE_HOLD_TIME = 240;

/** RFC 4271 §8.1.1 DampPeerOscillations: the IdleHold backoff doubles from 1 s up to this. */
export const MAX_IDLE_HOLD_TIME = 60;

export const KEEPALIVE = { type: 'keepalive' } as const;

/** Nothing happens: the same state object, no effects (callers can compare by reference). */
export function unchanged(fsm: FsmState): StepResult {
  return { state: fsm, effects: [] };
}

export function stateEffect(from: State, to: State): Effect {
  return { kind: 'state', from, to };
}

export function timerStart(timer: TimerName, seconds: number): Effect {
  return { kind: 'timer-start', timer, seconds };
}

export function timerStop(timer: TimerName): Effect {
  return { kind: 'timer-stop', timer };
}

/** The timers running in a state, derived from it so that every exit stops exactly those. */
export function runningTimers(fsm: FsmState): TimerName[] {
  switch (fsm.state) {
    case 'Idle':
      return fsm.idleHoldTimer === true ? ['IdleHold'] : [];
    case 'Connect':
    case 'Active':
      // RFC 4271 §8.2.2: the ConnectRetryTimer is stopped when the DelayOpenTimer starts. A passive peer never
      // initiates, so it runs no ConnectRetryTimer at all.
      if (fsm.delayOpenTimer === true) return ['DelayOpen'];
      return fsm.state === 'Active' && fsm.settings.passive ? [] : ['ConnectRetry'];
    case 'OpenSent':
      return ['Hold'];
    case 'OpenConfirm':
    case 'Established':
      return fsm.holdTime > 0 ? ['Hold', 'Keepalive'] : [];
  }
}

/** A TCP connection exists (or, in Connect, is being attempted) and must be dropped on the way out. */
export function hasConnection(fsm: FsmState): boolean {
  if (fsm.state === 'Idle') return false;
  if (fsm.state === 'Active') return fsm.delayOpenTimer === true;
  return true;
}

/** The session the peer knows about: 'down' is reported when one of these goes away. */
function sessionUp(fsm: FsmState): boolean {
  return fsm.state === 'OpenConfirm' || fsm.state === 'Established';
}

/** RFC 4271 §8.1.1 DampPeerOscillations: 1 s, 2 s, 4 s, ... from the ConnectRetryCounter, capped at 60 s. */
export function idleHoldSeconds(connectRetryCounter: number): number {
  return Math.min(MAX_IDLE_HOLD_TIME, 2 ** Math.max(0, connectRetryCounter - 1));
}

/** Idle → Connect (we initiate) or Active (passive: wait for the peer), RFC 4271 §8.2.2 Idle events 1, 3, 4, 5. */
export function start(fsm: FsmState, connectRetryCounter: number, leading: readonly Effect[] = []): StepResult {
  const { settings } = fsm;
  const base = { settings, connectRetryCounter, holdTime: 0, lastError: fsm.lastError };
  if (settings.passive) {
    return { state: { ...base, state: 'Active' }, effects: [...leading, stateEffect('Idle', 'Active')] };
  }
  return {
    state: { ...base, state: 'Connect' },
    effects: [
      ...leading,
      timerStart('ConnectRetry', settings.connectRetryTime),
      { kind: 'connect' },
      stateEffect('Idle', 'Connect'),
    ],
  };
}

/** Sends our OPEN and waits for the peer's under the large hold time (Connect/Active events 12, 16, 17). */
export function sendOpen(fsm: FsmState, leading: readonly Effect[]): StepResult {
  const localOpen = buildOpen(fsm.settings);
  return {
    state: { ...fsm, state: 'OpenSent', holdTime: LARGE_HOLD_TIME, localOpen, delayOpenTimer: false },
    effects: [
      ...leading,
      { kind: 'send', message: localOpen },
      timerStart('Hold', LARGE_HOLD_TIME),
      stateEffect(fsm.state, 'OpenSent'),
    ],
  };
}

/**
 * The peer's OPEN was acceptable: KEEPALIVE, then the negotiated timers (none when the hold time is 0),
 * and OpenConfirm (OpenSent event 19; Connect/Active event 20 with our OPEN sent just before).
 */
export function acceptOpen(
  fsm: FsmState,
  localOpen: FsmState['localOpen'],
  negotiated: Negotiated,
  leading: readonly Effect[],
): StepResult {
  const effects: Effect[] = [...leading, { kind: 'send', message: KEEPALIVE }];
  if (negotiated.holdTime > 0) {
    effects.push(timerStart('Keepalive', negotiated.keepaliveTime), timerStart('Hold', negotiated.holdTime));
  } else if (runningTimers(fsm).includes('Hold')) {
    effects.push(timerStop('Hold'));
  }
  effects.push(stateEffect(fsm.state, 'OpenConfirm'));
  return {
    state: {
      ...fsm,
      state: 'OpenConfirm',
      holdTime: negotiated.holdTime,
      localOpen,
      negotiated,
      delayOpenTimer: false,
    },
    effects,
  };
}

/** How a session ends, for the 'down' effect and lastError. */
export interface Exit {
  readonly reason: string;
  /** The NOTIFICATION we send before closing. */
  readonly send?: NotificationMessage;
  /** The NOTIFICATION the peer sent us. */
  readonly received?: NotificationMessage;
  /**
   * RFC 4271 §8.2.2: a ManualStop zeroes the ConnectRetryCounter, and is the only exit with no automatic
   * restart; a NOTIFICATION with a version error leaves the counter as it is (before Established); every
   * other exit counts one more failed attempt.
   */
  readonly counter: 'increment' | 'keep' | 'zero';
  /** The timer whose expiry this is: it is no longer running, so it is not stopped. */
  readonly expired?: TimerName;
}

/**
 * Any state → Idle: NOTIFICATION, stop the timers, report the session down, drop the connection, then
 * (RFC 4271 §8.1.1 DampPeerOscillations) arm the IdleHoldTimer whose expiry is an AutomaticStart.
 */
export function toIdle(fsm: FsmState, exit: Exit, leading: readonly Effect[] = []): StepResult {
  const effects: Effect[] = [...leading];
  if (exit.send !== undefined) effects.push({ kind: 'send', message: exit.send });
  for (const timer of runningTimers(fsm)) if (timer !== exit.expired) effects.push(timerStop(timer));
  if (sessionUp(fsm)) {
    const notification = exit.send ?? exit.received;
    effects.push(
      notification === undefined
        ? { kind: 'down', reason: exit.reason, sent: false }
        : { kind: 'down', reason: exit.reason, notification, sent: exit.send !== undefined },
    );
  }
  if (hasConnection(fsm)) effects.push({ kind: 'close' });

  const connectRetryCounter =
    exit.counter === 'zero' ? 0 : exit.counter === 'increment' ? fsm.connectRetryCounter + 1 : fsm.connectRetryCounter;
  const restart = exit.counter !== 'zero';
  if (restart) effects.push(timerStart('IdleHold', idleHoldSeconds(connectRetryCounter)));
  if (fsm.state !== 'Idle') effects.push(stateEffect(fsm.state, 'Idle'));

  const notification = exit.send ?? exit.received;
  return {
    state: {
      state: 'Idle',
      settings: fsm.settings,
      connectRetryCounter,
      holdTime: 0,
      idleHoldTimer: restart,
      lastError: { code: notification?.code ?? 0, subcode: notification?.subcode ?? 0, reason: exit.reason },
    },
    effects,
  };
}
