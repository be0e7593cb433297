/**
 * The library's announce follows the rule of the text API: a route of a family the peer did not
 * negotiate is refused (SpeakerConfigError naming route, family and reason), not stored and never sent.
 */
import { Speaker, SpeakerConfigError } from '../../lib';
import { until } from '../daemon/helpers';

const A = '127.0.0.241';
const B = '127.0.0.242';
const PORT = 18241;

describe('Speaker.announce and negotiated families', () => {
  let a: Speaker;
  let b: Speaker;

  beforeAll(async () => {
    b = await Speaker.start({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65242, peerAs: 65241, routerId: '192.0.2.242', passive: true, families: ['ipv4 unicast'] }],
    });
    a = await Speaker.start({
      neighbors: [
        { peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65241, peerAs: 65242, routerId: '192.0.2.241', connectRetry: 1, families: ['ipv4 unicast', 'ipv6 unicast'] },
      ],
    });
    await until(() => a.neighbors[0].state === 'Established' && b.neighbors[0].state === 'Established', 10000, 'both sessions up');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('refuses an IPv6 route the peer did not negotiate, announcing none of the batch', () => {
    const batch = [{ prefix: '203.0.113.0/24', nextHop: '198.51.100.1' }, { prefix: '2001:db8:241::/48', nextHop: '2001:db8::1' }];
    expect(() => a.announce(batch)).toThrow(SpeakerConfigError);
    expect(() => a.announce(batch)).toThrow(`routes for ${B}:\nroutes[1].prefix: 2001:db8:241::/48 is not announced: the peer did not negotiate ipv6 unicast`);
    expect(a.neighbors[0].ribOut.apiSize).toBe(0);
    expect(a.announce(batch[0])).toBe(1);
  });
});
