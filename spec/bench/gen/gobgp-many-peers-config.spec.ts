import { gobgpManyPeersToml } from '../../../bench/gen/gobgp-many-peers-config';
import { manyPeersLayout, MANY_PEERS_RECEIVERS } from '../../../bench/gen/many-peers-layout';

describe('gobgpManyPeersToml', () => {
  const layout = manyPeersLayout(300, '10.0.0.0', 3);
  const toml = gobgpManyPeersToml(layout, MANY_PEERS_RECEIVERS.gobgp);

  it('listens on every receiver address at its one port', () => {
    expect(toml).toContain('  port = 22181\n  local-address-list = ["127.0.4.101", "127.0.4.102", "127.0.4.103"]\n');
  });

  it('exports nothing, so no route received from one peer goes out to the other 99', () => {
    expect(toml).toContain('[global.apply-policy.config]\n  default-import-policy = "accept-route"\n  default-export-policy = "reject-route"\n');
  });

  it('has one passive neighbor per peer, on its receiver address, hold time 9 s', () => {
    expect(toml.match(/\[\[neighbors\]\]/g)).toHaveLength(3);
    expect(toml).toContain(`[[neighbors]]
  [neighbors.config]
    neighbor-address = "127.0.4.2"
    peer-as = 64602
  [neighbors.timers.config]
    hold-time = 9
    keepalive-interval = 3
  [neighbors.transport.config]
    local-address = "127.0.4.102"
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
`);
  });
});
