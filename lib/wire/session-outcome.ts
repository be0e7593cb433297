/**
 * What a BGP session is in and what it agreed: the RFC 4271 §8.2.2 state names and the outcome of
 * the OPEN exchange. The FSM (lib/fsm) makes them; the API's events, the sinks and the session
 * layer read them, so they are declared at the bottom, beside the messages they come from.
 */
import type { Family, OpenMessage } from './types';

/** RFC 4271 §8.2.2 session states. */
export type State = 'Idle' | 'Connect' | 'Active' | 'OpenSent' | 'OpenConfirm' | 'Established';

/** Everything agreed in the OPEN exchange (RFC 4271 §4.2, RFC 5492 capabilities). */
export interface Negotiated {
  /** min(our hold time, theirs), 0 or >= 3 (RFC 4271 §4.2). */
  readonly holdTime: number;
  /** holdTime / 3 (RFC 4271 §10 suggests one third), 0 when holdTime is 0. */
  readonly keepaliveTime: number;
  readonly peerAs: number;
  readonly peerId: string;
  /** Both advertised 4-octet AS (RFC 6793). */
  readonly asn4: boolean;
  /** Both advertised extended message (RFC 8654). */
  readonly extendedMessage: boolean;
  /** Families both sides advertised (familyKey numbers). If the peer sent no MP capability at all, IPv4 unicast. */
  readonly families: readonly Family[];
  /** RFC 7911: families where we receive / send path identifiers (familyKey numbers). */
  readonly addPathReceive: ReadonlySet<number>;
  readonly addPathSend: ReadonlySet<number>;
  /**
   * RFC 8950: families (familyKey) the peer takes with an IPv6 next hop (it advertised Extended Next
   * Hop Encoding for them with Nexthop AFI 2), so we may send them one. Absent: none.
   */
  readonly extendedNextHopSend?: ReadonlySet<number>;
  /** Peer supports route refresh (2918 or Cisco's 128) / enhanced route refresh (7313). */
  readonly routeRefresh: boolean;
  readonly enhancedRouteRefresh: boolean;
  readonly localOpen: OpenMessage;
  readonly peerOpen: OpenMessage;
}
