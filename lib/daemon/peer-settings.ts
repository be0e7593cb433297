/** From a neighbor's config to what the FSM and the session need. */
import type { NeighborConfig } from '../config/types';
import type { PeerSettings } from '../fsm/types';
import type { Endpoint } from '../session/connection';

export function peerSettings(n: NeighborConfig): PeerSettings {
  return {
    localAs: n.localAs,
    peerAs: n.peerAs,
    routerId: n.routerId,
    holdTime: n.holdTime,
    connectRetryTime: n.connectRetry,
    passive: n.passive,
    delayOpenTime: n.delayOpen,
    families: n.families,
    routeRefresh: n.routeRefresh,
    extendedMessage: n.extendedMessage,
    ...(n.addPath ? { addPath: n.addPath } : {}),
    ...(n.hostname ? { hostname: n.hostname } : {}),
    ...(n.domainName ? { domainName: n.domainName } : {}),
    ...(n.aigp !== undefined ? { aigp: n.aigp } : {}),
    ...(n.extendedNextHop ? { extendedNextHop: n.extendedNextHop } : {}),
    ...(n.gracefulRestart !== undefined ? { gracefulRestartTime: n.gracefulRestart } : {}),
  };
}

export function endpoint(n: NeighborConfig): Endpoint {
  return {
    peerAddress: n.peerAddress,
    peerPort: n.peerPort,
    ...(n.localAddress ? { localAddress: n.localAddress } : {}),
    ...(n.localPort ? { localPort: n.localPort } : {}),
  };
}

/** Identity of a neighbor across reloads: one session per (peer address, local address). */
export function neighborId(n: Pick<NeighborConfig, 'peerAddress' | 'localAddress'>): string {
  return `${n.peerAddress}|${n.localAddress ?? '*'}`;
}
