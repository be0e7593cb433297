/**
 * gobgpd's TOML for the many-peers GoBGP row: one passive neighbor per peer, each reached on its
 * own receiver address (all in local-address-list, so gobgpd listens on each), hold time 9 s.
 *
 * The global export policy rejects every route: without it gobgpd would send each route it gets
 * from one peer to the other 99, a hundredfold more work than the rxbgp and BIRD receivers do
 * (neither exports anything), and flood the sender with UPDATEs.
 */
import { MANY_PEERS_HOLD_TIME, MANY_PEERS_KEEPALIVE, type ManyPeer, type ManyPeersEndpoint, type ManyPeersLayout } from './many-peers-layout';

export function gobgpManyPeersToml(layout: ManyPeersLayout, receiver: ManyPeersEndpoint): string {
  const addresses = layout.peers.map((p) => `"${p.receiverAddress}"`).join(', ');
  return `[global.config]
  as = ${receiver.asn}
  router-id = "${receiver.routerId}"
  port = ${receiver.port}
  local-address-list = [${addresses}]
[global.apply-policy.config]
  default-import-policy = "accept-route"
  default-export-policy = "reject-route"
${layout.peers.map(neighbor).join('')}`;
}

function neighbor(peer: ManyPeer): string {
  return `[[neighbors]]
  [neighbors.config]
    neighbor-address = "${peer.address}"
    peer-as = ${peer.asn}
  [neighbors.timers.config]
    hold-time = ${MANY_PEERS_HOLD_TIME}
    keepalive-interval = ${MANY_PEERS_KEEPALIVE}
  [neighbors.transport.config]
    local-address = "${peer.receiverAddress}"
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
`;
}
