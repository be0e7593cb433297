/**
 * One-word commands about the daemon or the API channel itself (ExaBGP reactor/api/command/reactor.py and
 * the ack switches of ExaBGP 4.2.x/5.0): shutdown, reload, restart, version, help, enable-ack,
 * disable-ack, silence-ack. None takes a neighbor selector or an argument.
 */
import type { Command } from './types';

const CONTROL = new Map<string, Command>([
  ['shutdown', { kind: 'shutdown' }],
  ['reload', { kind: 'reload' }],
  ['restart', { kind: 'restart' }],
  ['version', { kind: 'version' }],
  ['help', { kind: 'help' }],
  ['enable-ack', { kind: 'ack', mode: 'enable' }],
  ['disable-ack', { kind: 'ack', mode: 'disable' }],
  ['silence-ack', { kind: 'ack', mode: 'silence' }],
]);

/** The words of the control commands, for "did you mean" answers. */
export const CONTROL_WORDS: readonly string[] = [...CONTROL.keys()];

/** The control command named by `word`, or undefined. The objects are shared and frozen. */
export function controlCommand(word: string): Command | undefined {
  return CONTROL.get(word);
}

for (const command of CONTROL.values()) Object.freeze(command);
