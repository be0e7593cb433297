import { decodeConfig } from '../../../lib/config';
import { rxbgpConfig, type RxbgpNeighborConfig } from '../../../bench/daemons/rxbgp';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';
import { benchChainConfig } from '../../../bench/policies/bench-chain';

describe('rxbgpConfig events', () => {
  const base: RxbgpNeighborConfig = {
    routerId: '192.0.2.2',
    localAs: 65002,
    localAddress: '127.0.0.2',
    peerAddress: '127.0.0.1',
    peerAs: 65001,
    peerPort: 1801,
    events: 'stdout',
  };

  it('writes "stdout" and "none" as the output, as before', () => {
    expect(rxbgpConfig(base)).toMatchObject({ events: { output: 'stdout', format: 'json' } });
    expect(rxbgpConfig({ ...base, events: 'none' })).toMatchObject({ events: { output: 'none', format: 'json' } });
  });

  it('writes a file path as the output, in a config rxbgp accepts', () => {
    const config = rxbgpConfig({ ...base, events: { file: '/tmp/bench/events.json' } });
    expect(config).toMatchObject({ events: { output: '/tmp/bench/events.json', format: 'json' } });
    const decoded = decodeConfig(config);
    expect(decoded._tag).toBe('Right');
    if (decoded._tag === 'Right') expect(decoded.right.events).toEqual({ output: '/tmp/bench/events.json', format: 'json' });
  });
});

describe('rxbgpConfig import policies', () => {
  const base: RxbgpNeighborConfig = {
    routerId: '192.0.2.2',
    localAs: 65002,
    localAddress: '127.0.0.2',
    peerAddress: '127.0.0.1',
    peerAs: 65001,
    peerPort: 1801,
    events: 'none',
  };

  it('writes no "policies" and no "import" unless given, as before', () => {
    const config = rxbgpConfig(base) as { policies?: unknown; neighbors: Array<{ import?: unknown }> };
    expect(config.policies).toBeUndefined();
    expect(config.neighbors[0]!.import).toBeUndefined();
  });

  it("writes the bench chain's policies and the neighbor's import list in a config rxbgp accepts", () => {
    const chain = benchChainConfig(new Ipv4PrefixRun('10.0.0.0', 1000));
    const config = rxbgpConfig({ ...base, policies: chain.policies, import: chain.import });
    const decoded = decodeConfig(config);
    expect(decoded._tag).toBe('Right');
    if (decoded._tag !== 'Right') return;
    expect(decoded.right.policies.map((p) => [p.name, p.module, p.options])).toEqual(
      Object.entries(chain.policies).map(([name, p]) => [name, p.module, p.options]),
    );
    expect(decoded.right.neighbors[0]!.import).toEqual(['max-length', 'deny-bogons', 'set-med']);
  });
});
