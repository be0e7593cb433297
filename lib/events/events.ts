/**
 * What a session reports: the events of the daemon's one event bus (lib/daemon/event-bus.ts), which
 * hands them to every sink (stdout, helper processes, jsonl, Kafka, MRT, the log). Plain data, below
 * the sinks and the session both; JSON is produced only where a consumer asked for it.
 */
import type { Negotiated, State } from '../fsm/types';
import type { Message, NotificationMessage, UpdateMessage } from '../wire/types';

/**
 * `raw` is the whole message as it crossed the wire (header included), for helpers that asked for
 * packets; a view that is only valid while the event is being handled.
 */
export type SessionEvent =
  /** RFC 4271 FSM state change. */
  | { readonly kind: 'fsm'; readonly from: State; readonly to: State }
  /** TCP connection up (before OPEN). */
  | { readonly kind: 'connected'; readonly localAddress: string; readonly peerAddress: string }
  | { readonly kind: 'up'; readonly negotiated: Negotiated; readonly localAddress: string }
  | { readonly kind: 'down'; readonly reason: string; readonly notification?: NotificationMessage; readonly sent: boolean }
  /**
   * An UPDATE received, or sent when the session reports sent messages (reportSent). `raw` only
   * when the message is exactly the one on the wire. `imported`: what the neighbor's import
   * policies made of received UPDATEs (each of those was reported first as a 'wire-update').
   */
  | { readonly kind: 'update'; readonly message: UpdateMessage; readonly direction: 'receive' | 'send'; readonly raw?: Buffer; readonly imported?: true }
  /**
   * A received UPDATE as it came off the wire, before the neighbor's import policies: reported only
   * when it has some (without, the 'update' event is that message, with its bytes). For sinks that
   * record the wire whatever a policy changes or drops (MRT, RFC 6396).
   */
  | { readonly kind: 'wire-update'; readonly message: UpdateMessage; readonly raw: Buffer }
  /** OPEN, KEEPALIVE, NOTIFICATION or ROUTE-REFRESH received or sent (sent KEEPALIVEs only with reportSent). */
  | { readonly kind: 'message'; readonly message: Message; readonly direction: 'receive' | 'send'; readonly raw?: Buffer }
  /** Adj-RIB-Out sent in full after Established or ROUTE-REFRESH (counts for logs). */
  | { readonly kind: 'rib-sent'; readonly prefixes: number; readonly messages: number; readonly seconds: number };
