/**
 * Reads a whole topic back with kafkajs, as a downstream consumer would, after a run: the topic's
 * offsets are asked first (what the broker holds now), then a consumer group reads from the
 * beginning until it has every message up to those offsets. Not timed: it checks what the kafka
 * sink delivered. Every wait is bounded by the case's deadline.
 */
import { Kafka, logLevel } from 'kafkajs';
import { pollUntil, type Deadline } from '../measure/deadline';

export interface TopicMessage {
  readonly partition: number;
  readonly key: string | undefined;
  readonly value: string;
}

export interface TopicReadResult {
  /** Messages the broker held when the read began (sum over partitions of high - low watermark). */
  readonly held: number;
  /** Messages ever appended (sum of high watermarks): more than held when the broker deleted old ones. */
  readonly appended: number;
  /** Messages read. */
  readonly read: number;
}

/** How many messages the partitions' watermarks say a topic holds. */
export function heldMessages(offsets: ReadonlyArray<{ readonly high: string; readonly low: string }>): number {
  return offsets.reduce((n, o) => n + Math.max(0, Number(o.high) - Number(o.low)), 0);
}

export async function readWholeTopic(
  brokers: readonly string[],
  topic: string,
  deadline: Deadline,
  onMessage: (m: TopicMessage) => void,
): Promise<TopicReadResult> {
  const kafka = new Kafka({
    clientId: 'rxbgp-bench-reader',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const admin = kafka.admin();
  await admin.connect();
  let held: number;
  let appended: number;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    held = heldMessages(offsets);
    appended = offsets.reduce((n, o) => n + Number(o.high), 0);
  } finally {
    await admin.disconnect();
  }
  if (held === 0) return { held, appended, read: 0 };
  let read = 0;
  // A group of its own (never reused), read from the beginning.
  const consumer = kafka.consumer({ groupId: `rxbgp-bench-${process.pid}-${Date.now()}`, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        read++;
        onMessage({ partition, key: message.key?.toString(), value: message.value?.toString() ?? '' });
      },
    });
    await pollUntil(`the ${held} messages of topic ${topic} to be read back`, deadline, () => (read >= held ? true : undefined), { intervalMs: 50 });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return { held, appended, read };
}
