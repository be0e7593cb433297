import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors, loadConfig, summarizeConfig, type Config } from '../../lib/config';

function decoded(json: unknown): Config {
  const r = decodeConfig(json);
  if (isLeft(r)) throw new Error(formatErrors(r.left));
  return r.right;
}

describe('summarizeConfig', () => {
  it('counts neighbors, passive ones, listeners, routes (route sets included) and families', () => {
    const r = loadConfig('conf/demo.json');
    if (isLeft(r)) throw new Error(formatErrors(r.left));
    expect(summarizeConfig(r.right)).toBe('2 neighbors (1 passive), 1 listener, 260 routes, families ipv4 unicast, ipv6 unicast');
  });

  it('uses the singular and leaves out what is absent', () => {
    const c = decoded({
      localAs: 1,
      routerId: '1.1.1.1',
      neighbors: [{ peerAddress: '2001:db8::2', peerAs: 2, routes: [{ prefix: '2001:db8:1::/48' }] }],
    });
    expect(summarizeConfig(c)).toBe('1 neighbor, 0 listeners, 1 route, families ipv6 unicast');
    expect(summarizeConfig(decoded({ neighbors: [] }))).toBe('0 neighbors, 0 listeners, 0 routes');
  });
});
