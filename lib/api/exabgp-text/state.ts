/**
 * Events about the neighbor rather than a message (text.py `up()`, `connected()`, `down()`,
 * `shutdown()`). ExaBGP's text encoder prints nothing for fsm, negotiated and signal events.
 */
import type { Negotiated, State } from '../../wire/session-outcome';
import type { JsonNeighbor } from '../exabgp-json/envelope';

/** "connected" (TCP up), "up" (Established) or "down - <reason>", the reason as given (even empty). */
export function stateText(n: JsonNeighbor, state: 'connected' | 'up' | 'down', reason?: string): string {
  return state === 'down' ? `neighbor ${n.peerAddress} down - ${reason ?? ''}` : `neighbor ${n.peerAddress} ${state}`;
}

/** Sent to every API process when the daemon stops: "shutdown <pid> <ppid>". */
export function shutdownText(pid: number = process.pid, ppid: number = process.ppid): string {
  return `shutdown ${pid} ${ppid}`;
}

/*
 * FSM state changes, negotiated capabilities and signals: ExaBGP's text encoder returns None for
 * them and writes nothing. The signatures mirror the JSON encoder's so a caller can pick either.
 */

export function fsmText(_n: JsonNeighbor, _from: State, _to: State): undefined {
  return undefined;
}

export function signalText(_n: JsonNeighbor, _signal: NodeJS.Signals | number): undefined {
  return undefined;
}

export function negotiatedText(_n: JsonNeighbor, _negotiated: Negotiated): undefined {
  return undefined;
}
