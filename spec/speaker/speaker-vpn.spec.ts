/**
 * The library announces and withdraws L3VPN routes written as a neighbor's routes are (prefix with
 * "rd" and "labels", FamilyDescriptor.routeQualifiers): withdraw() names the route by prefix and RD,
 * as the config and the text API do (RFC 8277 §2.4: a withdrawal's labels are not needed).
 */
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { Speaker, SpeakerConfigError } from '../../lib';
import { until } from '../daemon/helpers';

const A = '127.0.0.253';
const B = '127.0.0.254';
const PORT = 18253;

describe('Speaker.announce / withdraw with an L3VPN route', () => {
  let a: Speaker;
  let b: Speaker;

  beforeAll(async () => {
    b = await Speaker.start({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65254, peerAs: 65253, routerId: '192.0.2.254', passive: true, families: ['ipv4 unicast', 'ipv4 mpls-vpn'] }],
    });
    a = await Speaker.start({
      neighbors: [
        { peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65253, peerAs: 65254, routerId: '192.0.2.253', connectRetry: 1, families: ['ipv4 unicast', 'ipv4 mpls-vpn'] },
      ],
    });
    await until(() => a.neighbors[0].state === 'Established' && b.neighbors[0].state === 'Established', 10000, 'both sessions up');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('withdraws the route named by prefix and RD, and the peer drops it', async () => {
    expect(a.announce({ prefix: '10.53.0.0/24', rd: '65000:1', labels: [100], nextHop: '192.0.2.1' })).toBe(1);
    await until(() => b.neighbors[0].ribIn.size === 1, 5000, 'the peer holds the VPN route');
    const withdrawn = firstValueFrom(b.updates$.pipe(filter((u) => u.message.withdrawn.some((l) => l.safi === 128)), take(1), timeout(5000)));
    // A unicast route of the same prefix is another route: withdrawing it leaves the VPN route alone.
    expect(a.withdraw('10.53.0.0/24')).toBe(0);
    expect(a.withdraw({ prefix: '10.53.0.0/24', rd: '65000:1' })).toBe(1);
    expect((await withdrawn).message.withdrawn.find((l) => l.safi === 128)!.prefixes).toEqual(['10.53.0.0/24 label 100 rd 65000:1']);
    await until(() => b.neighbors[0].ribIn.size === 0, 5000, 'the peer dropped the route');
  });

  it('names a bad RD', () => {
    expect(() => a.withdraw({ prefix: '10.53.0.0/24', rd: 'nonsense' })).toThrow(SpeakerConfigError);
  });
});
