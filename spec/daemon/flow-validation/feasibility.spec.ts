/**
 * The decision itself (RFC 8955 §6 as revised by RFC 9117 §4), from facts, and the order in which
 * equal-length unicast routes of several neighbors are ranked.
 */
import { feasibility, type RuleFacts } from '../../../lib/daemon/flow-validation/feasibility';
import { better, type UnicastRoute } from '../../../lib/daemon/flow-validation/best-unicast';
import type { PathAttributes } from '../../../lib/wire/types';

const EBGP_A: RuleFacts = {
  destination: '192.0.2.0/24',
  asPath: [{ type: 2, asns: [65001, 65010] }],
  ebgp: true,
  peerAs: 65001,
  peerName: 'A',
  originator: '127.0.0.1',
  best: { prefix: '192.0.2.0/24', peerName: 'A', originator: '127.0.0.1', neighboringAs: 65001 },
};

describe('feasibility', () => {
  it('is feasible when every condition holds', () => {
    expect(feasibility(EBGP_A)).toEqual({ feasible: true });
  });

  it('names the condition that fails', () => {
    const { destination: _d, ...noDestination } = EBGP_A;
    expect(feasibility(noDestination as RuleFacts)).toMatchObject({ feasible: false, rule: 'a' });
    expect(feasibility({ ...EBGP_A, asPath: [{ type: 1, asns: [65001] }, { type: 2, asns: [65010] }] })).toEqual({ feasible: true }); // an AS_SET first still starts with the neighbor's AS
    expect(feasibility({ ...EBGP_A, asPath: [{ type: 2, asns: [65010, 65001] }] })).toMatchObject({ feasible: false, rule: 'as-path' });
    expect(feasibility({ ...EBGP_A, best: { ...EBGP_A.best!, originator: '127.0.0.2', peerName: 'B' } })).toMatchObject({ feasible: false, rule: 'b' });
    const { best: _b, ...noBest } = EBGP_A;
    expect(feasibility(noBest)).toMatchObject({ feasible: false, rule: 'b', why: expect.stringContaining('does not exist') });
    expect(feasibility({ ...EBGP_A, moreSpecificAs: 65002 })).toMatchObject({ feasible: false, rule: 'c', why: expect.stringContaining('AS65002') });
  });

  it('rule b compares originators: ORIGINATOR_ID (RFC 4456) when a route reflector set one, else the neighbor (RFC 8955 §6)', () => {
    // Rule and route reflected from one client through two reflectors: the same originator.
    const viaTwoReflectors: RuleFacts = { ...EBGP_A, ebgp: false, peerAs: 65000, asPath: [], originator: '192.0.2.9', reflected: true, best: { ...EBGP_A.best!, peerName: 'RR2', originator: '192.0.2.9', reflected: true } };
    expect(feasibility({ ...viaTwoReflectors, asPath: [{ type: 2, asns: [65010] }] })).toEqual({ feasible: true });
    // One reflector, two clients: the same neighbor, other originators.
    const twoClients: RuleFacts = { ...viaTwoReflectors, asPath: [{ type: 2, asns: [65010] }], best: { ...viaTwoReflectors.best!, peerName: 'A', originator: '192.0.2.7' } };
    expect(feasibility(twoClients)).toMatchObject({ feasible: false, rule: 'b', why: expect.stringContaining('comes from A (originator 192.0.2.7) (192.0.2.0/24), not from A (originator 192.0.2.9)') });
  });

  it('RFC 9117 b.2: from iBGP, a path of confederation segments only needs no best route from the same neighbor', () => {
    const ibgp: RuleFacts = { ...EBGP_A, ebgp: false, peerAs: 65000, asPath: [{ type: 3, asns: [64512] }], best: { ...EBGP_A.best!, originator: '127.0.0.2' } };
    expect(feasibility(ibgp)).toEqual({ feasible: true });
    expect(feasibility({ ...ibgp, asPath: [{ type: 3, asns: [64512] }, { type: 2, asns: [65010] }] })).toMatchObject({ feasible: false, rule: 'b' });
    const { best: _b, ...noBest } = ibgp;
    expect(feasibility({ ...noBest, moreSpecificAs: 65002 })).toMatchObject({ feasible: false, rule: 'c', why: expect.stringContaining('no covering route') });
  });
});

describe('better (equal-length unicast routes of several neighbors)', () => {
  const route = (attributes: PathAttributes, peerAs = 65001, peerAddress = '127.0.0.9'): UnicastRoute => ({
    peer: { name: peerAddress, ribIn: undefined as never, settings: { peerAs, localAs: 65000 }, endpoint: { peerAddress } },
    prefix: '192.0.2.0/24',
    entry: { attributes, nextHop: [] },
  });
  const path = (n: number) => [{ type: 2, asns: Array.from({ length: n }, (_, i) => 65001 + i) }];

  it('ranks by LOCAL_PREF, AS_PATH length, ORIGIN, MED, eBGP over iBGP, then the lower address', () => {
    expect(better(route({ localPref: 200, asPath: path(3) }), route({ asPath: path(1) }))).toBe(true);
    expect(better(route({ asPath: path(1) }), route({ asPath: path(2) }))).toBe(true);
    expect(better(route({ asPath: path(1), origin: 0 }), route({ asPath: path(1), origin: 1 }))).toBe(true);
    expect(better(route({ asPath: path(1), origin: 0, med: 10 }), route({ asPath: path(1), origin: 0, med: 5 }))).toBe(false);
    expect(better(route({ asPath: path(1) }), route({ asPath: path(1) }, 65000))).toBe(true);
    expect(better(route({ asPath: path(1) }, 65001, '127.0.0.10'), route({ asPath: path(1) }, 65002, '127.0.0.9'))).toBe(false);
    // Confederation segments do not count in the length (RFC 5065 §5.3).
    expect(better(route({ asPath: [{ type: 3, asns: [64512, 64513] }, ...path(1)] }), route({ asPath: path(2) }))).toBe(true);
  });
});
