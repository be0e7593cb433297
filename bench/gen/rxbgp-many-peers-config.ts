/**
 * rxbgp's JSON config (docs/configuration.md) for the many-peers rxbgp row: a listener on each
 * receiver address and one passive neighbor per peer, hold time 9 s, events as JSON on stdout
 * (the bench counts them per neighbor). The control socket is off: the default path is shared by
 * every rxbgp on the machine, and the bench never drives this one.
 */
import { MANY_PEERS_HOLD_TIME, type ManyPeersEndpoint, type ManyPeersLayout } from './many-peers-layout';

export function rxbgpManyPeersConfig(layout: ManyPeersLayout, receiver: ManyPeersEndpoint): object {
  return {
    routerId: receiver.routerId,
    localAs: receiver.asn,
    listen: layout.peers.map((p) => ({ address: p.receiverAddress, port: receiver.port })),
    log: { level: 'info' },
    events: { output: 'stdout', format: 'json' },
    control: { enabled: false },
    neighbors: layout.peers.map((p) => ({
      peerAddress: p.address,
      peerAs: p.asn,
      localAddress: p.receiverAddress,
      holdTime: MANY_PEERS_HOLD_TIME,
      passive: true,
      families: ['ipv4 unicast'],
    })),
  };
}
