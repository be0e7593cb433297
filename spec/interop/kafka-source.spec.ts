/**
 * Kafka as a command source against a real Kafka-protocol broker (librdkafka's mock cluster):
 * commands produced to a topic are run, and their answers read back from the reply topic.
 */
import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { Speaker } from '../../lib';
import { until } from '../daemon/helpers';
import { startMockCluster, type MockCluster } from './kafka/mock-cluster';

const A = '127.0.0.185';
const B = '127.0.0.186';
const PORT = 18083;

interface Reply {
  readonly command: string;
  readonly ok: boolean;
  readonly lines: string[];
  readonly instance: string;
}

describe('kafka command source', () => {
  let cluster: MockCluster;
  let a: Speaker;
  let b: Speaker;
  let producer: Producer;
  let consumer: Consumer;
  const replies: Array<{ key: string | undefined; reply: Reply }> = [];

  beforeAll(async () => {
    cluster = await startMockCluster();
    await cluster.createTopic('rxbgp-commands', 1);
    await cluster.createTopic('rxbgp-replies', 1);
    b = await Speaker.start({
      listen: [{ address: B, port: PORT }],
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.186', passive: true }],
    });
    a = await Speaker.start(
      {
        sources: [{ type: 'kafka', brokers: [...cluster.brokers], topic: 'rxbgp-commands', group: 'rxbgp-a', replyTopic: 'rxbgp-replies', clientId: 'rxbgp-a' }],
        neighbors: [{ peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.185', connectRetry: 1 }],
      },
      // A reload that takes a while and fails, as `rxbgp run` answers one for a broken config file.
      { control: { reload: () => new Promise((resolve) => setTimeout(() => resolve({ ok: false, lines: ['config not reloaded, keeping the running one:', 'c.json: bogus: unknown key "bogus"'] }), 300)) } },
    );
    await until(() => a.neighbors[0].state === 'Established' && b.neighbors[0].state === 'Established', 10000, 'the session');
    const kafka = new Kafka({ clientId: 'rxbgp-spec', brokers: [...cluster.brokers], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 } });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    consumer = kafka.consumer({ groupId: 'rxbgp-source-spec', sessionTimeout: 3000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'rxbgp-replies', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void replies.push({ key: message.key?.toString(), reply: JSON.parse(message.value!.toString()) as Reply }) });
    // The source's consumer joins its group asynchronously: wait until a probe command is answered.
    const deadline = Date.now() + 20000;
    while (!replies.some((r) => r.key === 'probe') && Date.now() < deadline) {
      await producer.send({ topic: 'rxbgp-commands', messages: [{ key: 'probe', value: 'version' }] });
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 60000);

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await a?.stop();
    await b?.stop();
    await cluster?.stop();
  }, 30000);

  it('runs the commands of a message, line by line, and answers each on the reply topic', async () => {
    expect(replies.some((r) => r.key === 'probe' && r.reply.ok)).toBe(true);
    await producer.send({
      topic: 'rxbgp-commands',
      messages: [{ key: 'c1', value: 'announce route 203.0.113.0/24 next-hop 198.51.100.1 med 9\nannounce route 203.0.114.0/24 next-hop 198.51.100.1' }],
    });
    await until(() => b.neighbors[0].ribIn.size === 2, 10000, 'the two routes at the peer');
    expect(b.neighbors[0].ribIn.get(1, 1, '203.0.113.0/24')?.attributes.med).toBe(9);
    await until(() => replies.filter((r) => r.key === 'c1').length === 2, 10000, 'two answers');
    const answers = replies.filter((r) => r.key === 'c1').map((r) => r.reply);
    expect(answers.map((r) => [r.command, r.ok, r.instance])).toEqual([
      ['announce route 203.0.113.0/24 next-hop 198.51.100.1 med 9', true, 'rxbgp-a'],
      ['announce route 203.0.114.0/24 next-hop 198.51.100.1', true, 'rxbgp-a'],
    ]);
  }, 30000);

  it("answers reload with the reload's outcome once it is known, before the command after it", async () => {
    await producer.send({ topic: 'rxbgp-commands', messages: [{ key: 'r1', value: 'reload\nversion' }] });
    await until(() => replies.filter((r) => r.key === 'r1').length === 2, 10000, 'two answers');
    expect(replies.filter((r) => r.key === 'r1').map((r) => [r.reply.command, r.reply.ok, r.reply.lines])).toEqual([
      ['reload', false, ['config not reloaded, keeping the running one:', 'c.json: bogus: unknown key "bogus"']],
      ['version', true, ['rxbgp rxbgp']],
    ]);
  }, 30000);

  it('answers a bad command with why, and goes on', async () => {
    await producer.send({ topic: 'rxbgp-commands', messages: [{ key: 'c2', value: 'annonce route 10.0.0.0/24' }, { key: 'c3', value: 'withdraw route 203.0.114.0/24' }] });
    await until(() => replies.some((r) => r.key === 'c3'), 10000, 'the answer after the bad one');
    const bad = replies.find((r) => r.key === 'c2')!.reply;
    expect(bad.ok).toBe(false);
    expect(bad.lines.join(' ')).toMatch(/annonce/);
    await until(() => b.neighbors[0].ribIn.size === 1, 10000, 'the withdrawal at the peer');
  }, 30000);
});
