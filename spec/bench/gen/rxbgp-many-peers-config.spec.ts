import { isRight } from 'fp-ts/Either';
import { decodeConfig } from '../../../lib/config';
import { manyPeersLayout, MANY_PEERS_RECEIVERS } from '../../../bench/gen/many-peers-layout';
import { rxbgpManyPeersConfig } from '../../../bench/gen/rxbgp-many-peers-config';

describe('rxbgpManyPeersConfig', () => {
  const layout = manyPeersLayout(1_000_000, '10.0.0.0');
  const json = rxbgpManyPeersConfig(layout, MANY_PEERS_RECEIVERS.rxbgp);

  it("is a config rxbgp's own decoder accepts, with 100 passive neighbors, each behind a listener on its address", () => {
    const decoded = decodeConfig(JSON.parse(JSON.stringify(json)));
    if (!isRight(decoded)) throw new Error(JSON.stringify(decoded.left));
    const config = decoded.right;
    expect(config.neighbors).toHaveLength(100);
    expect(config.listen).toHaveLength(100);
    const listening = new Set(config.listen.map((l) => `${l.address}|${l.port}`));
    for (const n of config.neighbors) {
      expect(n.passive).toBe(true);
      expect(n.holdTime).toBe(9);
      expect(listening.has(`${n.localAddress}|22179`)).toBe(true);
    }
    expect(config.neighbors[6]).toMatchObject({ peerAddress: '127.0.4.7', localAddress: '127.0.4.107', peerAs: 64607, localAs: 64500 });
  });

  it('prints events as JSON on stdout and opens no control socket', () => {
    expect(json).toMatchObject({ events: { output: 'stdout', format: 'json' }, control: { enabled: false } });
  });
});
