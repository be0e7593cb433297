import { decodeConfig } from '../../../lib/config';
import { rxbgpConfig, type RxbgpNeighborConfig } from '../../../bench/daemons/rxbgp';

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
