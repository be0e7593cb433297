/**
 * The librdkafka mock cluster is a real Kafka-protocol server for kafkajs: what is produced comes
 * back from a consumer group, a broker outage makes produces fail and the same client recovers
 * when the broker is back, and a broker restarted on a fixed port is reachable at the same address.
 */
import net from 'net';
import os from 'os';
import path from 'path';
import { Kafka, logLevel, Partitioners, type Consumer, type LogEntry, type Producer } from 'kafkajs';
import { pollUntil } from '../harness/poll';
import { buildMockCluster, explainBuildFailure, startMockCluster, type MockCluster } from './mock-cluster';

/** kafkajs logs every retry and rebalance: keep its lines for failure messages, print none. */
function quietLog(): { lines: string[]; logCreator: () => (entry: LogEntry) => void } {
  const lines: string[] = [];
  const logCreator = () => (entry: LogEntry) => {
    lines.push(`${entry.label} ${entry.namespace} ${entry.log.message}`);
    if (lines.length > 50) lines.shift();
  };
  return { lines, logCreator };
}

function kafkaFor(cluster: MockCluster, log: ReturnType<typeof quietLog>): Kafka {
  return new Kafka({
    clientId: 'rxbgp-spec',
    brokers: [...cluster.brokers],
    logLevel: logLevel.INFO,
    logCreator: log.logCreator,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    // Few, short retries so an outage surfaces as an error within seconds, not minutes.
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 },
  });
}

function messages(from: number, count: number): { key: string; value: string }[] {
  return Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `update ${from + i}` }));
}

/** A loopback port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Opens and closes one TCP connection; resolves "connected" or the error code. */
function tcpConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

interface Received {
  readonly partition: number;
  readonly offset: number;
  readonly key: string;
  readonly value: string;
}

describe('librdkafka mock cluster, spoken to by kafkajs', () => {
  const log = quietLog();
  let cluster: MockCluster;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: Consumer;
  const received: Received[] = [];
  const topic = 'bgp-updates';

  // Distinct values: a consumer that restarts may legally see a message twice (at-least-once).
  const distinctValues = () => new Set(received.map((m) => m.value));
  const waitForReceived = (count: number) =>
    pollUntil('consumed messages', () => (distinctValues().size >= count ? true : undefined), {
      timeoutMs: 30000,
      intervalMs: 50,
      context: () => `received ${distinctValues().size} of ${count}\nkafkajs said:\n${log.lines.slice(-15).join('\n')}`,
    });

  beforeAll(async () => {
    cluster = await startMockCluster();
    kafka = kafkaFor(cluster, log);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    consumer = kafka.consumer({
      groupId: 'rxbgp-spec',
      // The outage below crashes the consumer, which restarts by itself as a new group member; the
      // mock's rebalance then waits for the old member's session to expire, so keep it short.
      sessionTimeout: 3000,
      heartbeatInterval: 300,
      maxWaitTimeInMs: 100,
    });
  }, 60000);

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await cluster?.stop();
  }, 30000);

  it('listens on 127.0.0.1 only and answers its commands', async () => {
    expect(cluster.bootstrap).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(cluster.brokers).toEqual([cluster.bootstrap]);
    // Bound to 127.0.0.1, not to every address: another loopback address is refused.
    const port = Number(cluster.bootstrap.split(':')[1]);
    await expect(tcpConnect('127.0.0.1', port)).resolves.toBe('connected');
    await expect(tcpConnect('127.0.0.2', port)).resolves.toBe('ECONNREFUSED');
    await cluster.createTopic(topic, 3);
    await expect(cluster.createTopic(topic, 3)).rejects.toThrow(/already exists/i);
    await expect(cluster.createTopic('no spaces', 1)).rejects.toThrow(/not a Kafka topic name/);
    await expect(cluster.createTopic('ok', 0)).rejects.toThrow(/partitions must be/);
    await expect(cluster.down(2)).rejects.toThrow(/broker id must be 1\.\.1/);
  });

  it('gives back every one of 1000 produced messages, in order per partition', async () => {
    await producer.connect();
    for (let batch = 0; batch < 10; batch++) {
      await producer.send({ topic, messages: messages(batch * 100, 100) });
    }
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        received.push({
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
        });
      },
    });
    await waitForReceived(1000);

    expect(received).toHaveLength(1000);
    expect(received.map((m) => m.value).sort()).toEqual(messages(0, 1000).map((m) => m.value).sort());
    for (const m of received) expect(m.value).toBe(`update ${m.key.slice(1)}`);
    // The 3 partitions were all used, each from offset 0 without gaps.
    const partitions = new Set(received.map((m) => m.partition));
    expect([...partitions].sort()).toEqual([0, 1, 2]);
    for (const partition of partitions) {
      const offsets = received.filter((m) => m.partition === partition).map((m) => m.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
  }, 60000);

  it('fails a produce while the broker is down; the same producer and consumer carry on once it is up', async () => {
    await cluster.down();
    await expect(producer.send({ topic, messages: messages(1000, 1) })).rejects.toThrow(/ECONNREFUSED/);
    expect(received).toHaveLength(1000);

    await cluster.up();
    // The producer reconnects by itself; a send racing its reconnect may still fail once.
    await pollUntil('a produce after the outage', async () => {
      await producer.send({ topic, messages: messages(1000, 100) });
      return true;
    }, { timeoutMs: 20000, intervalMs: 200, context: () => log.lines.slice(-15).join('\n') });
    await waitForReceived(1100);

    expect([...distinctValues()].sort()).toEqual(messages(0, 1100).map((m) => m.value).sort());
    // The log holds 1100 messages: the produce that failed during the outage wrote nothing.
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets.reduce((sum, o) => sum + Number(o.high), 0)).toBe(1100);
    } finally {
      await admin.disconnect();
    }
  }, 60000);
});

describe('librdkafka mock cluster on a fixed port', () => {
  it('comes back at the same address after a restart (empty: the mock keeps nothing on disk)', async () => {
    const log = quietLog();
    const port = await freePort();
    let cluster = await startMockCluster({ port });
    expect(cluster.bootstrap).toBe(`127.0.0.1:${port}`);
    const kafka = kafkaFor(cluster, log);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    const admin = kafka.admin();
    try {
      await cluster.createTopic('restart', 1);
      await producer.connect();
      await producer.send({ topic: 'restart', messages: messages(0, 10) });
      await cluster.stop();

      cluster = await startMockCluster({ port });
      expect(cluster.bootstrap).toBe(`127.0.0.1:${port}`);
      await cluster.createTopic('restart', 1);
      await pollUntil('a produce after the restart', async () => {
        await producer.send({ topic: 'restart', messages: messages(10, 5) });
        return true;
      }, { timeoutMs: 20000, intervalMs: 200, context: () => log.lines.slice(-15).join('\n') });
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets('restart');
      expect(offsets.map((o) => o.high)).toEqual(['5']);
    } finally {
      await admin.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      await cluster.stop();
    }
  }, 60000);
});

describe('mock cluster process', () => {
  it('stops with exit code 0 and cannot be commanded afterwards', async () => {
    const cluster = await startMockCluster({ brokers: 2 });
    expect(cluster.brokers).toHaveLength(2);
    await cluster.createTopic('two', 4, 2);
    await cluster.down(1);
    await cluster.up(1);
    await cluster.stop();
    await expect(cluster.up()).rejects.toThrow(/exited \(exit code 0\)/);
    expect(() => process.kill(cluster.pid, 0)).toThrow();
  }, 30000);
});

describe('building the mock broker', () => {
  it('names the package to install when the compiler is missing', async () => {
    const cacheDir = path.join(os.tmpdir(), `rxbgp-kafka-mock-${os.userInfo().uid}`);
    await expect(buildMockCluster({ compiler: '/nonexistent/gcc', cacheDir })).rejects.toThrow(/install the Debian package gcc/);
  });

  it('names librdkafka-dev when gcc cannot find its headers or library', () => {
    expect(explainBuildFailure('gcc', 'mock-cluster.c:21:10: fatal error: librdkafka/rdkafka.h: No such file or directory')).toMatch(
      /headers not found: install the Debian package librdkafka-dev/,
    );
    expect(explainBuildFailure('gcc', '/usr/bin/ld: cannot find -lrdkafka: No such file or directory')).toMatch(
      /library not found: install the Debian package librdkafka-dev/,
    );
    expect(explainBuildFailure('gcc', "mock-cluster.c:5:1: error: unknown type name 'x'")).toMatch(/gcc failed to build/);
  });
});
