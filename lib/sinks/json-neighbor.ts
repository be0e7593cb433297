/**
 * What ExaBGP JSON says about a neighbor, and how to print its UPDATEs: shared by the stdout
 * events output, the helper processes and the sinks.
 */
import type { JsonNeighbor } from '../api/exabgp-json';
import type { EventPeer } from '../events/event-peer';
import { DEFAULT_CONTEXT, type CodecContext } from '../wire/types';

export function jsonNeighbor(neighbor: EventPeer): JsonNeighbor {
  return {
    localAddress: neighbor.session.connection?.localAddress ?? neighbor.endpoint.localAddress ?? '',
    peerAddress: neighbor.endpoint.peerAddress,
    localAs: neighbor.settings.localAs,
    peerAs: neighbor.settings.peerAs,
    routerId: neighbor.settings.routerId,
  };
}

/** A 2-octet AS session prints AGGREGATOR as ExaBGP does for such sessions. */
export function receiveContext(neighbor: EventPeer): CodecContext {
  const n = neighbor.session.negotiatedSession;
  return n && !n.asn4 ? { ...DEFAULT_CONTEXT, asn4: false } : DEFAULT_CONTEXT;
}
