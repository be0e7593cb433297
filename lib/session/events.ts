/**
 * What a session reports to the daemon (which turns it into ExaBGP JSON, logs and, later,
 * sinks). Plain data; JSON is produced only where a consumer asked for it.
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
  /** An UPDATE received, or sent when the session reports sent messages (reportSent). */
  | { readonly kind: 'update'; readonly message: UpdateMessage; readonly direction: 'receive' | 'send'; readonly raw?: Buffer }
  /** OPEN, KEEPALIVE, NOTIFICATION or ROUTE-REFRESH received or sent (sent KEEPALIVEs only with reportSent). */
  | { readonly kind: 'message'; readonly message: Message; readonly direction: 'receive' | 'send'; readonly raw?: Buffer }
  /** Adj-RIB-Out sent in full after Established or ROUTE-REFRESH (counts for logs). */
  | { readonly kind: 'rib-sent'; readonly prefixes: number; readonly messages: number; readonly seconds: number };
