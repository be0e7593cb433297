/** The logging surface sessions use (winston's Logger fits it; tests pass a silent one). */
import { CeaseSubcode, ErrorCode } from '../wire/iana';
import { describeNotification } from '../wire/notification';
import type { NotificationMessage } from '../wire/types';

export interface Log {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export const silentLog: Log = { error() {}, warn() {}, info() {}, debug() {} };

/**
 * The one log line of a NOTIFICATION sent or received, whatever the session's state: a session that
 * never came up (a wrong peerAs) must say why at the default level, not only in JSON events.
 * Our own Cease (shutdown, teardown, reload) and a collision resolved by the peer are routine (info);
 * anything else is a warning.
 */
export function logNotification(log: Log, name: string, direction: 'sent' | 'received', m: NotificationMessage, why?: string): void {
  const routine = m.code === ErrorCode.CEASE && (direction === 'sent' || m.subcode === CeaseSubcode.CONNECTION_COLLISION_RESOLUTION);
  log[routine ? 'info' : 'warn'](`${name}: NOTIFICATION ${direction}: ${describeNotification(m)}${why ? ` (${why})` : ''}`);
}
