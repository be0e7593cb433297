/**
 * Events about the neighbor rather than a message (json.py `up()`, `connected()`, `down()`, `fsm()`,
 * `signal()`, `shutdown()`): no direction, and the content straight after the AS numbers.
 */
import os from 'os';
import type { State } from '../../wire/session-outcome';
import { envelope, neighborEvent, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';

/**
 * ExaBGP's down() turns brackets and braces into parentheses and escapes double quotes
 * (nothing else), so a reason never looks like a JSON object to its own encoder.
 */
function escapeReason(reason: string): string {
  return reason.replace(/[[{]/g, '(').replace(/[\]}]/g, ')').replace(/"/g, '\\"');
}

/** "connected" (TCP up), "up" (Established) or "down" with the reason the session ended. */
export function stateJson(src: JsonEnvelopeSource, n: JsonNeighbor, state: 'connected' | 'up' | 'down', reason?: string): string {
  const content = state === 'down' ? `"state": "down", "reason": "${escapeReason(reason ?? '')}"` : `"state": "${state}"`;
  return neighborEvent(src, n, 'state', undefined, content);
}

/** ExaBGP's FSM.STATE names (bgp/fsm.py). */
const FSM_NAMES: Readonly<Record<State, string>> = {
  Idle: 'IDLE',
  Connect: 'CONNECT',
  Active: 'ACTIVE',
  OpenSent: 'OPENSENT',
  OpenConfirm: 'OPENCONFIRM',
  Established: 'ESTABLISHED',
};

/** A state change (RFC 4271 §8.2.2). ExaBGP reports only the state entered; `from` is accepted for callers that track it. */
export function fsmJson(src: JsonEnvelopeSource, n: JsonNeighbor, _from: State, to: State): string {
  return neighborEvent(src, n, 'fsm', undefined, `"state": "${FSM_NAMES[to]}"`);
}

/** Python's signal module names, the alphabetically first one for a number with two (SIGABRT, not SIGIOT). */
function signalName(signal: number): string {
  if (signal === 34) return 'SIGRTMIN';
  if (signal === 64) return 'SIGRTMAX';
  for (const [name, number] of Object.entries(os.constants.signals)) if (number === signal) return name;
  return 'UNKNOWN';
}

/** A signal the daemon received (ExaBGP prints the number as a string). */
export function signalJson(src: JsonEnvelopeSource, n: JsonNeighbor, signal: NodeJS.Signals | number): string {
  const number = typeof signal === 'number' ? signal : os.constants.signals[signal];
  return neighborEvent(src, n, 'signal', undefined, `"code": "${number}", "name": "${signalName(number)}"`);
}

/** Sent to every API process when the daemon stops: no neighbor and no counter. */
export function shutdownJson(src: JsonEnvelopeSource): string {
  return envelope(src, 'notification', '"notification": "shutdown"', false);
}
