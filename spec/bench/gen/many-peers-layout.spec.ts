import { manyPeersLayout, MANY_PEERS_COUNT, MANY_PEERS_DEFAULT_N } from '../../../bench/gen/many-peers-layout';

describe('manyPeersLayout', () => {
  it('gives each of the 100 peers 10,000 consecutive prefixes of the default run, on its own pair of addresses', () => {
    const layout = manyPeersLayout(MANY_PEERS_DEFAULT_N, '10.0.0.0');
    expect(layout.peers).toHaveLength(MANY_PEERS_COUNT);
    expect(layout.peers.every((p) => p.count === 10_000)).toBe(true);
    expect(layout.peers[0]).toEqual({ index: 0, address: '127.0.4.1', receiverAddress: '127.0.4.101', asn: 64601, first: 0, count: 10_000 });
    expect(layout.peers[99]).toMatchObject({ address: '127.0.4.100', receiverAddress: '127.0.4.200', asn: 64700, first: 990_000 });
    expect(layout.run.text(layout.run.count - 1)).toBe('25.66.63.0/24');
  });

  it('hands the remainder of an N that is not a multiple of the peer count to the first peers, one each', () => {
    const layout = manyPeersLayout(1003, '10.0.0.0', 10);
    expect(layout.peers.map((p) => p.count)).toEqual([101, 101, 101, 100, 100, 100, 100, 100, 100, 100]);
    expect(layout.peers.map((p) => p.first)).toEqual([0, 101, 202, 303, 403, 503, 603, 703, 803, 903]);
  });

  it('finds the owner of every prefix, across the boundary between larger and smaller shares', () => {
    const layout = manyPeersLayout(1003, '10.0.0.0', 10);
    for (const p of layout.peers) {
      expect(layout.ownerOf(p.first)).toBe(p.index);
      expect(layout.ownerOf(p.first + p.count - 1)).toBe(p.index);
    }
    const even = manyPeersLayout(1000, '10.0.0.0', 10);
    expect([0, 99, 100, 999].map((i) => even.ownerOf(i))).toEqual([0, 0, 1, 9]);
  });

  it('maps a sender address back to its peer, and anything else to -1', () => {
    const layout = manyPeersLayout(100_000, '10.0.0.0');
    expect(layout.peerIndexOf('127.0.4.1')).toBe(0);
    expect(layout.peerIndexOf('127.0.4.100')).toBe(99);
    expect(layout.peerIndexOf('127.0.4.101')).toBe(-1);
    expect(layout.peerIndexOf('undefined')).toBe(-1);
  });

  it('refuses fewer prefixes than peers and more peers than 127.0.4.0/24 has room for', () => {
    expect(() => manyPeersLayout(99, '10.0.0.0')).toThrow(/at least one prefix per peer/);
    expect(() => manyPeersLayout(1000, '10.0.0.0', 101)).toThrow(/1\.\.100 peers/);
  });
});
