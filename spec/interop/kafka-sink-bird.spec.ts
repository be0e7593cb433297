/**
 * The kafka sink fed by a real peer: BIRD 2 announces routes to rxbgp, whose kafka sink publishes
 * them to librdkafka's mock broker; a kafkajs consumer reads each prefix back exactly once, and
 * BIRD's withdrawals too.
 */
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Speaker } from '../../lib';
import { until } from '../daemon/helpers';
import { startBird } from './peers/bird';
import { waitEstablished, type BgpPeer } from './peers/bgp-peer';
import { startMockCluster, type MockCluster } from './kafka/mock-cluster';

const bird = { address: '127.0.0.189', port: 18086, asn: 65189, routerId: '192.0.2.189' };
const rx = { address: '127.0.0.190', asn: 65190, routerId: '192.0.2.190' };
const TOPIC = 'bird-updates';

describe('kafka sink with BIRD as the peer', () => {
  let cluster: MockCluster;
  let peer: BgpPeer;
  let speaker: Speaker;
  let consumer: Consumer;
  const announced = new Map<string, number>();
  const withdrawn = new Map<string, number>();
  /** End-of-RIB messages by family: one message each, with no prefix (and so no key). */
  const endOfRibs = new Map<string, number>();

  beforeAll(async () => {
    cluster = await startMockCluster();
    await cluster.createTopic(TOPIC, 1);
    peer = await startBird({ ...bird, neighbor: { address: rx.address, asn: rx.asn }, families: ['ipv4 unicast', 'ipv6 unicast'] });
    speaker = await Speaker.start({
      sinks: [{ name: 'bus', type: 'kafka', brokers: [...cluster.brokers], topic: TOPIC, format: 'compact', per: 'prefix', key: 'prefix' }],
      neighbors: [
        { peerAddress: bird.address, peerPort: bird.port, localAddress: rx.address, localAs: rx.asn, peerAs: bird.asn, routerId: rx.routerId, connectRetry: 1, families: ['ipv4 unicast', 'ipv6 unicast'] },
      ],
    });
    await waitEstablished(peer, 30000);
    const kafka = new Kafka({ clientId: 'rxbgp-spec', brokers: [...cluster.brokers], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 } });
    consumer = kafka.consumer({ groupId: 'rxbgp-bird-spec', sessionTimeout: 3000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const e = JSON.parse(message.value!.toString()) as { type: string; prefix?: string; family: string };
        expect(message.key?.toString()).toBe(e.prefix);
        if (e.type === 'eor') endOfRibs.set(e.family, (endOfRibs.get(e.family) ?? 0) + 1);
        else {
          const seen = e.type === 'announce' ? announced : withdrawn;
          seen.set(e.prefix!, (seen.get(e.prefix!) ?? 0) + 1);
        }
      },
    });
  }, 60000);

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await speaker?.stop();
    await peer?.stop();
    await cluster?.stop();
  }, 30000);

  it("publishes BIRD's End-of-RIB markers as one \"eor\" message per family", async () => {
    await until(() => endOfRibs.size === 2, 20000, `BIRD's End-of-RIB markers read back (${[...endOfRibs.keys()].join(', ')})`);
    expect(Object.fromEntries(endOfRibs)).toEqual({ 'ipv4 unicast': 1, 'ipv6 unicast': 1 });
  }, 40000);

  it("publishes one message per prefix of BIRD's UPDATEs, each read back once", async () => {
    const routes = ['185.189.0.0/24', '185.189.1.0/24', '185.189.2.0/23', '2a00:189::/32'];
    await peer.announce(routes.map((prefix) => ({ prefix, nextHop: prefix.includes(':') ? '2001:db8::189' : '198.51.100.189', med: 10 })));
    await until(() => routes.every((p) => announced.get(p) === 1), 20000, `BIRD's routes read back (${[...announced.keys()].join(', ')})`);
    expect([...announced.values()].every((n) => n === 1)).toBe(true);
    // (BIRD re-exports its other routes when reconfigured to withdraw one: those come again, as BIRD sent them.)
    await peer.withdraw(['185.189.1.0/24']);
    await until(() => withdrawn.get('185.189.1.0/24') === 1, 20000, "BIRD's withdrawal read back");
  }, 40000);
});
