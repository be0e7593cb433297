/**
 * What BIRD, gobgpd and rxbgp say on their logs about each session, parsed into SessionLogEvents:
 * up, down (with the reason) and hold timer expiry (RFC 4271 §6.5, NOTIFICATION 4/0), whether this
 * side's timer expired or the NOTIFICATION came from the other side.
 */
import type { SessionLogEvent } from './peer-sessions';

const NONE: readonly SessionLogEvent[] = [];

/**
 * BIRD 2 with `debug { states }`: "<TRACE> mp_peer_7: State changed to up" (then stop / down), and
 * "mp_peer_7: Error: Hold timer expired" (its own timer) or "mp_peer_7: Received: Hold timer
 * expired" (the peer's NOTIFICATION).
 */
const BIRD_STATE = /<TRACE> (\S+): State changed to (\w+)/;
const BIRD_HOLD = /\s(\S+): (?:Error|Received): Hold timer expired/;

export function birdSessionEvents(line: string): readonly SessionLogEvent[] {
  const state = BIRD_STATE.exec(line);
  if (state) {
    const key = state[1]!;
    const to = state[2]!;
    if (to === 'up') return [{ kind: 'up', key }];
    // "start" is the way up (or back up after a drop, which "stop"/"down" reported first).
    return to === 'start' ? NONE : [{ kind: 'down', key, reason: `BIRD protocol state ${to}` }];
  }
  const hold = BIRD_HOLD.exec(line);
  return hold ? [{ kind: 'hold-timer-expired', key: hold[1]! }] : NONE;
}

interface GobgpLogEntry {
  readonly msg?: unknown;
  readonly Key?: unknown;
  readonly Reason?: unknown;
}

const HOLD_TEXT = /hold[ -_]?timer[ -_]?expired/i;

/**
 * gobgpd's JSON log lines keyed by the neighbor's address: "Peer Up", "Peer Down" with a Reason
 * ("hold-timer-expired", "notification-received code 4(hold timer expired) …"), and its warning
 * when its own hold timer fires.
 */
export function gobgpSessionEvents(line: string): readonly SessionLogEvent[] {
  if (!line.startsWith('{') || !line.includes('"Key"')) return NONE;
  let entry: GobgpLogEntry;
  try {
    entry = JSON.parse(line) as GobgpLogEntry;
  } catch {
    return NONE;
  }
  if (typeof entry.Key !== 'string') return NONE;
  const key = entry.Key;
  const msg = typeof entry.msg === 'string' ? entry.msg : '';
  const reason = typeof entry.Reason === 'string' ? entry.Reason : '';
  const out: SessionLogEvent[] = [];
  if (msg === 'Peer Up') out.push({ kind: 'up', key });
  if (msg === 'Peer Down') out.push({ kind: 'down', key, reason: `gobgpd: Peer Down ${reason}`.trim() });
  if (HOLD_TEXT.test(msg) || HOLD_TEXT.test(reason)) out.push({ kind: 'hold-timer-expired', key });
  return out;
}

/**
 * rxbgp's log on stderr (its up/down also come as JSON state events on stdout):
 * "… warn 127.0.4.7: session down: hold timer expired (NOTIFICATION sent)", and every NOTIFICATION
 * on a line of its own, "… warn 127.0.4.7: NOTIFICATION received: Hold Timer Expired" when the
 * peer's timer fired. (Before, the down line carried the NOTIFICATION: "(received 4/0 Hold Timer
 * Expired)"; still read.) The key is the neighbor's name: its description, else its peer address
 * (the bench configures no description).
 */
const RXBGP_DOWN = /\s(\S+): session down: (.*)$/;
const RXBGP_NOTIFICATION_HOLD = /\s(\S+): NOTIFICATION (?:sent|received): Hold Timer Expired\b/;
const NOTIFICATION_HOLD = /(?:sent|received) 4\/0\b/;

export function rxbgpSessionEvents(line: string): readonly SessionLogEvent[] {
  const hold = RXBGP_NOTIFICATION_HOLD.exec(line);
  if (hold) return [{ kind: 'hold-timer-expired', key: hold[1]! }];
  const down = RXBGP_DOWN.exec(line);
  if (!down) return NONE;
  const key = down[1]!;
  const reason = down[2]!;
  const events: SessionLogEvent[] = [{ kind: 'down', key, reason: `rxbgp: ${reason}` }];
  if (HOLD_TEXT.test(reason) || NOTIFICATION_HOLD.test(reason)) events.push({ kind: 'hold-timer-expired', key });
  return events;
}
