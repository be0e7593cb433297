/**
 * What a consumer of the event bus may read of the neighbor an event comes from: its name, its
 * addresses and ASes, and the session facts ExaBGP's JSON prints (the connection's local address,
 * whether the session negotiated 4-octet AS). lib/session's Neighbor has this shape; sinks see only
 * this view, so they sit below the session and never reach into it.
 */
import type { Negotiated } from '../wire/session-outcome';
import type { SessionEvent } from './events';

export interface EventPeer {
  readonly name: string;
  readonly endpoint: { readonly peerAddress: string; readonly localAddress?: string };
  readonly settings: { readonly localAs: number; readonly peerAs: number; readonly routerId: string };
  readonly session: {
    readonly connection?: { readonly localAddress: string | undefined };
    readonly negotiatedSession?: Negotiated;
  };
}

/** One event of one neighbor, as the bus hands it to each sink. */
export interface PeerEvent {
  readonly neighbor: EventPeer;
  readonly event: SessionEvent;
}
