/**
 * Kafka as a command source: a consumer in a consumer group reads text API commands (the process
 * API's grammar, one per line of a message) from a topic, runs them, and publishes each answer to
 * a reply topic, so a fleet of rxbgp instances can be driven from one bus. Each instance uses its
 * own group to see every command, or a shared group to split them.
 *
 * A reply is JSON: {"command": "...", "ok": true, "lines": [...], "instance": "<clientId>",
 * "topic": "...", "partition": 0, "offset": "42"}, keyed like the command's message (so a caller
 * can match it). A command that does not parse is answered with ok false and why; the consumer
 * goes on. kafkajs reconnects and rejoins the group by itself; the source logs when it is out.
 */
import { Partitioners, type Consumer, type Producer } from 'kafkajs';
import { kafkaClient } from '../sinks/kafka-client';
import type { CommandAnswer } from '../api-runtime/command-executor';
import type { Log } from '../session/log';

export interface KafkaSourceOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly group: string;
  /** Where answers go; none when absent. */
  readonly replyTopic?: string;
  readonly clientId: string;
}

export class KafkaCommandSource {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private producerReady = false;

  constructor(
    private readonly opts: KafkaSourceOptions,
    private readonly execute: (line: string) => CommandAnswer | Promise<CommandAnswer>,
    private readonly log: Log,
  ) {
    const kafka = kafkaClient({ clientId: opts.clientId, brokers: opts.brokers, retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5000 } });
    this.consumer = kafka.consumer({ groupId: opts.group, sessionTimeout: 10000, heartbeatInterval: 1000, maxWaitTimeInMs: 200 });
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    this.consumer.on(this.consumer.events.CRASH, (e) => this.log.warn(`kafka source ${opts.topic}: consumer stopped (${String(e.payload.error)}); ${e.payload.restart ? 'restarting' : 'not restarting'}`));
  }

  /** Joins the group and starts reading (resolves once subscribed; reading goes on in the background). */
  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.opts.topic, fromBeginning: false });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const text = message.value?.toString('utf8') ?? '';
        for (const line of text.split('\n')) {
          const command = line.trim();
          if (command === '') continue;
          let answer: CommandAnswer;
          try {
            answer = await this.execute(command);
          } catch (e) {
            answer = { ok: false, lines: [`internal error: ${e instanceof Error ? e.message : String(e)}`] };
          }
          await this.reply(message.key, { command, ok: answer.ok, lines: answer.lines, instance: this.opts.clientId, topic, partition, offset: message.offset });
        }
      },
    });
    this.log.info(`kafka source: reading commands from ${this.opts.topic} (group ${this.opts.group})${this.opts.replyTopic ? `, answering on ${this.opts.replyTopic}` : ''}`);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    if (this.producerReady) await this.producer.disconnect().catch(() => undefined);
  }

  private async reply(key: Buffer | null, value: object): Promise<void> {
    if (!this.opts.replyTopic) return;
    try {
      if (!this.producerReady) {
        await this.producer.connect();
        this.producerReady = true;
      }
      await this.producer.send({ topic: this.opts.replyTopic, messages: [{ key, value: JSON.stringify(value) }] });
    } catch (e) {
      this.log.warn(`kafka source: answer not published on ${this.opts.replyTopic}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
