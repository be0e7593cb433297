/**
 * Types of the pure BGP finite state machine (RFC 4271 §8).
 * step(state, event) -> { state, effects }: no sockets, no clock, no logger. Effects are data
 * that lib/session carries out (send, connect, close, timers, RIB and event output).
 */
import type { BgpError } from '../wire/errors';
import type { Family, Message, NotificationMessage, OpenMessage, UpdateMessage, RouteRefreshMessage } from '../wire/types';
import type { Negotiated, State } from '../wire/session-outcome';

export type { Negotiated, State };


/** RFC 4271 §8 timers; IdleHold is §8.1.1's IdleHoldTimer used for DampPeerOscillations (exponential backoff). */
export type TimerName = 'ConnectRetry' | 'Hold' | 'Keepalive' | 'DelayOpen' | 'IdleHold';

/** What the FSM needs to know of a configured neighbor. */
export interface PeerSettings {
  readonly localAs: number;
  /** Expected peer AS (RFC 4271 §6.2 Bad Peer AS when it differs). */
  readonly peerAs: number;
  /** Our BGP Identifier, dotted quad. */
  readonly routerId: string;
  /** Proposed hold time in seconds: 0 or 3..65535 (RFC 4271 §4.2). */
  readonly holdTime: number;
  /** ConnectRetryTime in seconds (RFC 4271 §8 suggests 120; rxbgp defaults lower). */
  readonly connectRetryTime: number;
  /** PassiveTcpEstablishment: never initiate, wait for the peer (RFC 4271 §8.1.1 option). */
  readonly passive: boolean;
  /** DelayOpen option and DelayOpenTime in seconds; 0 = off (RFC 4271 §8.1.1). */
  readonly delayOpenTime: number;
  /** Families we advertise with the Multiprotocol capability (RFC 4760). */
  readonly families: readonly Family[];
  /** RFC 7911: per family, 1 receive / 2 send / 3 both. Absent = no ADD-PATH capability. */
  readonly addPath?: ReadonlyArray<Family & { readonly mode: number }>;
  /** Advertise RFC 2918 + RFC 7313 route refresh (default true). */
  readonly routeRefresh: boolean;
  /** Advertise RFC 8654 extended message (default true). */
  readonly extendedMessage: boolean;
  /** Advertise the FQDN capability with this host name, when set. */
  readonly hostname?: string;
  readonly domainName?: string;
  /**
   * RFC 7311 §3 AIGP_SESSION: accept and send the AIGP attribute on this session. Absent: the
   * RFC's defaults, enabled for an internal peer and disabled for an external one.
   */
  readonly aigp?: boolean;
  /**
   * RFC 8950 Extended Next Hop Encoding: the (family, next hop AFI) pairs advertised with capability 5,
   * e.g. IPv4 unicast with IPv6 next hops. Absent: no capability.
   */
  readonly extendedNextHop?: ReadonlyArray<Family & { readonly nextHopAfi: number }>;
  /** Advertise RFC 4724 graceful restart with this restart time (receiving-speaker/helper only), when set. */
  readonly gracefulRestartTime?: number;
}


export interface FsmState {
  readonly state: State;
  readonly settings: PeerSettings;
  /** RFC 4271 §8.1.1 ConnectRetryCounter. */
  readonly connectRetryCounter: number;
  /** Hold time in force for the current state (the large initial value in OpenSent, negotiated after). */
  readonly holdTime: number;
  /** The OPEN we sent on this connection. */
  readonly localOpen?: OpenMessage;
  readonly negotiated?: Negotiated;
  /** RFC 4271 §8.1.1 DelayOpenTimer is running: in Connect/Active the TCP connection is up and our OPEN is held back. */
  readonly delayOpenTimer?: boolean;
  /** RFC 4271 §8.1.1 IdleHoldTimer is running: in Idle, an AutomaticStart is due when it expires (peer damping). */
  readonly idleHoldTimer?: boolean;
  /** The last error that took the session down (for show/JSON). */
  readonly lastError?: { readonly code: number; readonly subcode: number; readonly reason: string };
}

/** RFC 4271 §8.1 events; the comment on each gives its RFC event number. */
export type FsmEvent =
  | { readonly type: 'ManualStart' } // Event 1 (and 4/5 for passive, decided by settings.passive)
  | { readonly type: 'ManualStop'; readonly shutdownMessage?: string } // Event 2: Cease/Administrative Shutdown (RFC 8203 text)
  | { readonly type: 'AutomaticStart' } // Event 3 (5 when passive)
  | { readonly type: 'AutomaticStop'; readonly error?: BgpError; readonly reason?: string } // Event 8: e.g. Cease/peer de-configured; reason: why, for the log (default "automatic stop")
  | { readonly type: 'ConnectRetryTimerExpires' } // Event 9
  | { readonly type: 'HoldTimerExpires' } // Event 10
  | { readonly type: 'KeepaliveTimerExpires' } // Event 11
  | { readonly type: 'DelayOpenTimerExpires' } // Event 12
  | { readonly type: 'IdleHoldTimerExpires' } // Event 13: damping over, AutomaticStart
  | { readonly type: 'TcpCrAcked' } // Event 16: our outgoing connection is up
  | { readonly type: 'TcpConnectionConfirmed' } // Event 17: an incoming connection was accepted
  | { readonly type: 'TcpConnectionFails' } // Event 18
  /** `raw`: the message as it crossed the wire, for the events the session reports; step() does not read it. */
  | { readonly type: 'Message'; readonly message: Message; readonly raw?: Buffer } // Events 19, 20, 25, 26, 27 and ROUTE-REFRESH
  | { readonly type: 'MessageError'; readonly error: BgpError } // Events 21 BGPHeaderErr, 22 BGPOpenMsgErr, 28 UpdateMsgErr
  | { readonly type: 'OpenCollisionDump' } // Event 23
  /** Not an RFC event: the session layer sent an UPDATE, which restarts the KeepaliveTimer (RFC 4271 §8.2.2 Established). */
  | { readonly type: 'UpdateSent' };

export type Effect =
  | { readonly kind: 'send'; readonly message: Message }
  /** Initiate the TCP connection to the peer. */
  | { readonly kind: 'connect' }
  /** Drop the TCP connection (after any queued sends are flushed). */
  | { readonly kind: 'close' }
  | { readonly kind: 'timer-start'; readonly timer: TimerName; readonly seconds: number }
  | { readonly kind: 'timer-stop'; readonly timer: TimerName }
  | { readonly kind: 'state'; readonly from: State; readonly to: State }
  /** The session reached Established: the session layer sends Adj-RIB-Out then End-of-RIB. */
  | { readonly kind: 'established'; readonly negotiated: Negotiated }
  /** The session left Established (or OpenConfirm): clear Adj-RIB-In, report why. */
  | { readonly kind: 'down'; readonly reason: string; readonly notification?: NotificationMessage; readonly sent: boolean }
  /** A valid UPDATE arrived in Established. */
  | { readonly kind: 'update'; readonly message: UpdateMessage }
  /** The peer asked for our routes again (RFC 2918 / RFC 7313). */
  | { readonly kind: 'refresh'; readonly message: RouteRefreshMessage }
  /** A message of interest (OPEN, KEEPALIVE, NOTIFICATION) was received, for event output. */
  | { readonly kind: 'received'; readonly message: Message };

export interface StepResult {
  readonly state: FsmState;
  readonly effects: readonly Effect[];
}
