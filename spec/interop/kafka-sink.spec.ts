/**
 * The kafka sink against a real Kafka-protocol broker (librdkafka's mock cluster, spec/interop/kafka):
 * a speaker's received UPDATEs become Kafka messages that a kafkajs consumer reads back, every
 * announced prefix exactly once, also across a broker outage during which the session stays up.
 */
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Speaker } from '../../lib';
import { until } from '../daemon/helpers';
import { startMockCluster, type MockCluster } from './kafka/mock-cluster';

const A = '127.0.0.183';
const B = '127.0.0.184';
const PORT = 18082;
const TOPIC = 'bgp-updates';

describe('kafka sink', () => {
  let cluster: MockCluster;
  let a: Speaker;
  let b: Speaker;
  let consumer: Consumer;
  /** Every prefix announced in a message read back, with how many times. */
  const seen = new Map<string, number>();
  let messagesRead = 0;
  const logs: string[] = [];
  let next = 0;

  /** Announces `count` new /24s in separate calls (so separate UPDATEs); returns them. */
  const announce = (count: number): string[] => {
    const prefixes = Array.from({ length: count }, () => `10.${Math.floor(next / 256)}.${next++ % 256}.0/24`);
    for (const prefix of prefixes) a.announce({ prefix, nextHop: '198.51.100.1' });
    return prefixes;
  };

  beforeAll(async () => {
    cluster = await startMockCluster();
    await cluster.createTopic(TOPIC, 1);
    b = await Speaker.start(
      {
        listen: [{ address: B, port: PORT }],
        sinks: [{ name: 'bus', type: 'kafka', brokers: [...cluster.brokers], topic: TOPIC, format: 'compact', key: 'peer', batch: { lingerMs: 10 } }],
        neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.184', passive: true }],
      },
      { log: { error: (m) => logs.push(m), warn: (m) => logs.push(m), info: (m) => logs.push(m), debug() {} } },
    );
    a = await Speaker.start({ neighbors: [{ peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.183', connectRetry: 1 }] });
    await until(() => b.neighbors[0].state === 'Established', 10000, 'the session');
    const kafka = new Kafka({ clientId: 'rxbgp-spec', brokers: [...cluster.brokers], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 } });
    consumer = kafka.consumer({ groupId: 'rxbgp-sink-spec', sessionTimeout: 3000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        messagesRead++;
        const e = JSON.parse(message.value!.toString()) as { type: string; peer: string; announce?: Record<string, Record<string, string[]>> };
        expect(message.key?.toString()).toBe(A);
        for (const byHop of Object.values(e.announce ?? {})) for (const prefixes of Object.values(byHop)) for (const p of prefixes) seen.set(p, (seen.get(p) ?? 0) + 1);
      },
    });
  }, 60000);

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await a?.stop();
    await b?.stop();
    await cluster?.stop();
  }, 30000);

  const allSeenOnce = (prefixes: readonly string[]) => prefixes.every((p) => seen.get(p) === 1);

  it('publishes every received UPDATE; a consumer reads each announced prefix once', async () => {
    const sent = announce(200);
    await until(() => allSeenOnce(sent), 20000, `all 200 prefixes read back (${[...seen.keys()].length} so far, ${messagesRead} messages; sink ${JSON.stringify(b.sinkStats().get('bus'))}; ${logs.slice(-3).join(' | ')})`);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  }, 30000);

  it('across a broker outage: the session stays up, events wait in the sink, nothing is lost or duplicated', async () => {
    await cluster.down();
    const during = announce(100);
    await until(() => b.neighbors[0].ribIn.size === 300, 10000, 'the routes at the speaker during the outage');
    expect(b.neighbors[0].state).toBe('Established');
    await until(() => logs.some((l) => l.includes('sink bus: Kafka send failed')), 10000, 'the sink saying the broker is out');
    await cluster.up();
    const after = announce(50);
    await until(() => allSeenOnce([...during, ...after]), 30000, `everything read back after the outage (${seen.size} prefixes, ${messagesRead} messages; ${logs.slice(-3).join(' | ')})`);
    expect(seen.size).toBe(350);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(b.sinkStats().get('bus')).toMatchObject({ dropped: 0, errors: 0 });
    expect(logs.some((l) => l.includes('sink bus: Kafka reachable again'))).toBe(true);
  }, 60000);

  it('across a broker restart (the mock stopped, the session kept, the mock started again on the same port)', async () => {
    await consumer.disconnect();
    const port = Number(cluster.brokers[0]!.split(':')[1]);
    await cluster.stop();
    const during = announce(20);
    await until(() => b.neighbors[0].ribIn.size === 370, 10000, 'the routes at the speaker while the broker is gone');
    expect(b.neighbors[0].state).toBe('Established');
    cluster = await startMockCluster({ port });
    await cluster.createTopic(TOPIC, 1);
    // A new broker holds nothing: what the sink sends from now on is read from its beginning.
    const fresh = new Map<string, number>();
    const kafka = new Kafka({ clientId: 'rxbgp-spec-2', brokers: [...cluster.brokers], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 } });
    consumer = kafka.consumer({ groupId: 'rxbgp-sink-spec-2', sessionTimeout: 3000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const e = JSON.parse(message.value!.toString()) as { announce?: Record<string, Record<string, string[]>> };
        for (const byHop of Object.values(e.announce ?? {})) for (const prefixes of Object.values(byHop)) for (const p of prefixes) fresh.set(p, (fresh.get(p) ?? 0) + 1);
      },
    });
    const after = announce(10);
    await until(() => [...during, ...after].every((p) => fresh.get(p) === 1), 30000, `the routes sent across the restart read back (${fresh.size}; ${logs.slice(-2).join(' | ')})`);
    expect([...fresh.values()].every((n) => n === 1)).toBe(true);
    expect(b.sinkStats().get('bus')).toMatchObject({ dropped: 0 });
  }, 60000);
});
