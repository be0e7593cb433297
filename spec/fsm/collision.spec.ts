import { collisionWinner } from '../../lib/fsm/collision';

describe('collisionWinner (RFC 4271 §6.8, RFC 6286 §2.3)', () => {
  it.each([
    // [local id, remote id, local AS, remote AS, survivor]
    ['10.0.0.1', '10.0.0.2', 65001, 65002, 'keep-incoming'], // ours smaller: the peer's connection stays
    ['10.0.0.2', '10.0.0.1', 65001, 65002, 'keep-outgoing'], // ours larger: our connection stays
    ['9.255.255.255', '10.0.0.0', 1, 1, 'keep-incoming'], // compared as numbers, not text
    ['200.0.0.1', '10.0.0.1', 1, 2, 'keep-outgoing'], // unsigned: 200.x is above 2^31
    ['10.0.0.1', '200.0.0.1', 2, 1, 'keep-incoming'],
    ['255.255.255.255', '0.0.0.1', 1, 2, 'keep-outgoing'],
    ['10.0.0.1', '10.0.0.1', 65001, 65002, 'keep-incoming'], // equal ids: the larger AS (the peer) wins
    ['10.0.0.1', '10.0.0.1', 4200000000, 65002, 'keep-outgoing'],
  ] as const)('%s vs %s (AS %d vs %d) → %s', (localId, remoteId, localAs, remoteAs, expected) => {
    expect(collisionWinner(localId, remoteId, localAs, remoteAs)).toBe(expected);
  });

  it('makes opposite decisions on the two speakers, so exactly one connection survives', () => {
    const a = collisionWinner('192.0.2.1', '192.0.2.9', 65001, 65002);
    const b = collisionWinner('192.0.2.9', '192.0.2.1', 65002, 65001);
    expect([a, b].sort()).toEqual(['keep-incoming', 'keep-outgoing']);
  });
});
