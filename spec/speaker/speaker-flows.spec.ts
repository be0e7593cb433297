/**
 * The library announces and withdraws FlowSpec rules written as a neighbor's `flows` in the JSON
 * config (Speaker.announceFlows / withdrawFlows), with the config's checks and error paths, and the
 * text API's rule that a family the peer did not negotiate is refused.
 */
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { Speaker, SpeakerConfigError } from '../../lib';
import { until } from '../daemon/helpers';

const A = '127.0.0.251';
const B = '127.0.0.252';
const PORT = 18251;

describe('Speaker.announceFlows / withdrawFlows', () => {
  let a: Speaker;
  let b: Speaker;

  beforeAll(async () => {
    b = await Speaker.start({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65252, peerAs: 65251, routerId: '192.0.2.252', passive: true, families: ['ipv4 unicast', 'ipv4 flow'] }],
    });
    a = await Speaker.start({
      neighbors: [
        { peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65251, peerAs: 65252, routerId: '192.0.2.251', connectRetry: 1, families: ['ipv4 unicast', 'ipv4 flow', 'ipv6 flow'] },
      ],
    });
    await until(() => a.neighbors[0].state === 'Established' && b.neighbors[0].state === 'Established', 10000, 'both sessions up');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('sends a rule the peer receives as its FlowSpec NLRI and action, and withdraws it by its match', async () => {
    const received = firstValueFrom(b.updates$.pipe(filter((u) => u.message.announced.some((l) => l.safi === 133)), take(1), timeout(5000)));
    expect(a.announceFlows({ match: { destination: '192.0.2.0/24', protocol: ['udp'], sourcePort: ['=53'] }, then: { rateLimit: 9600 } })).toBe(1);
    const update = await received;
    const list = update.message.announced.find((l) => l.safi === 133)!;
    expect(list.prefixes).toEqual(['flow destination-ipv4 192.0.2.0/24 protocol =udp source-port =53']);
    // RFC 8955 §7.1 traffic-rate 9600 bytes/s: type 0x80 0x06, AS 0, IEEE float 9600.
    expect(update.message.attributes.extendedCommunities?.map((c) => c.toString(16))).toEqual(['8006000046160000']);
    await until(() => b.neighbors[0].ribIn.size === 1, 5000, 'the peer holds the rule');

    const withdrawn = firstValueFrom(b.updates$.pipe(filter((u) => u.message.withdrawn.some((l) => l.safi === 133)), take(1), timeout(5000)));
    expect(a.withdrawFlows({ match: { protocol: ['udp'], destination: '192.0.2.0/24', sourcePort: ['=53'] } })).toBe(1);
    expect((await withdrawn).message.withdrawn.find((l) => l.safi === 133)!.prefixes).toEqual(['flow destination-ipv4 192.0.2.0/24 protocol =udp source-port =53']);
    await until(() => b.neighbors[0].ribIn.size === 0, 5000, 'the peer dropped the rule');
  });

  it('names every bad rule by its index and path, announcing none', () => {
    const rules = [{ match: { destination: '10.0.0.0/8' }, then: { discard: true } }, { match: { destinationPort: ['=80', '>99999999999'] }, then: { discard: true } }, 'discard'];
    expect(() => a.announceFlows(rules)).toThrow(SpeakerConfigError);
    try {
      a.announceFlows(rules);
    } catch (e) {
      const lines = (e as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^flows\[1\]\.match\.destinationPort\[1\]: /);
      expect(lines[1]).toMatch(/^flows\[2\]: expected a flow route/);
    }
    expect(a.neighbors[0].ribOut.apiSize).toBe(0);
  });

  it('refuses an IPv6 rule the peer did not negotiate', () => {
    expect(() => a.announceFlows({ match: { destination: '2001:db8::/32' }, then: { discard: true } })).toThrow(/the peer did not negotiate ipv6 flow/);
    expect(a.neighbors[0].ribOut.apiSize).toBe(0);
  });
});
