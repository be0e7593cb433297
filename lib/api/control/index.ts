/** The control socket: server (in the daemon) and client (`rxbgp cli`). */
export type { CommandAnswer, CommandExecutor } from './executor';
export type { ControlLog } from './control-log';
export { ControlServer } from './control-server';
export { ControlSocketError, sendCommand } from './send-command';
export { MAX_LINE_BYTES } from './protocol';
