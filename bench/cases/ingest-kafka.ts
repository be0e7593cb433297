/**
 * ingest-kafka: the `ingest` case (BIRD → rxbgp as a library, an in-process consumer counting every
 * prefix) with a kafka sink on the receiver (issue 6): one Kafka message per received UPDATE (and
 * state event), "compact" format, keyed by the peer, gzip-compressed, to a topic of one partition
 * on librdkafka's mock cluster (bench/daemons/kafka-mock.ts: a real Kafka-protocol broker on
 * 127.0.0.1, started by the case; no Kafka broker can be installed here). A row of the ingest
 * table beside `ingest`. The figures add when the sink had every event acknowledged by the broker;
 * afterwards the topic is read back with kafkajs and must hold every prefix of the run exactly
 * once, every message keyed by the sending peer.
 *
 * Why gzip: the mock broker keeps at most 5 MiB per partition and deletes the oldest message sets
 * past that (rdkafka_mock.c, max_size; no API sets it). A 1 M-prefix run is ~18 MB of compact
 * lines, so uncompressed only its tail could be read back; gzipped it is ~2.3 MB and stays whole.
 * The read-back checks the broker deleted nothing, so a larger run says so instead of reporting
 * missing prefixes.
 */
import { performance } from 'perf_hooks';
import { CompactLineTally } from '../consumers/compact-line-tally';
import { readWholeTopic } from '../consumers/kafka-topic-reader';
import { runSinkIngest } from '../consumers/sink-ingest';
import { startMockCluster } from '../daemons/kafka-mock';
import type { BenchCase, CaseCompletion, CaseContext } from './case-types';

export const KAFKA_TOPIC = 'bgp-updates';

/** The receiver's sink: compact lines, one message per event, keyed by the peer's address, gzipped (see above). */
export function kafkaSinkConfig(brokers: readonly string[], topic: string): Readonly<Record<string, unknown>> {
  return { name: 'bus', type: 'kafka', brokers: [...brokers], topic, format: 'compact', key: 'peer', compression: 'gzip' };
}

export const ingestKafkaCase: BenchCase = {
  name: 'ingest-kafka',
  groups: ['ingest'],
  sender: 'BIRD',
  receiver: 'rxbgp + kafka sink',
  summary: 'the ingest case with a kafka sink on (compact format, key peer, gzip) to a librdkafka mock broker; the topic is read back and checked',
  needs: ['bird', 'rxbgp'],
  async run(ctx: CaseContext): Promise<CaseCompletion> {
    const setupStart = performance.now();
    const cluster = await startMockCluster();
    ctx.onCleanup(() => cluster.stop());
    await cluster.createTopic(KAFKA_TOPIC, 1);
    ctx.log(`Kafka mock broker at ${cluster.bootstrap}, topic ${KAFKA_TOPIC} (1 partition)`);
    const run = await runSinkIngest(ctx, () => kafkaSinkConfig(cluster.brokers, KAFKA_TOPIC), setupStart);
    const { checks, problems, figures } = run;
    checks.unshift(`sink: kafka, format "compact", key peer, gzip, topic ${KAFKA_TOPIC} of 1 partition on librdkafka's mock broker`);
    if (run.measurement.outcome !== 'done') return { setupSeconds: run.setupSeconds, measurement: run.measurement, figures, checks, problems };

    const tally = new CompactLineTally(run.routes);
    const keys = new Map<string, number>();
    const readStart = performance.now();
    const { held, appended, read } = await readWholeTopic(cluster.brokers, KAFKA_TOPIC, ctx.deadline, (m) => {
      const key = m.key ?? '(none)';
      keys.set(key, (keys.get(key) ?? 0) + 1);
      tally.add(m.value);
    });
    ctx.log(`read ${read} messages back from ${KAFKA_TOPIC} in ${((performance.now() - readStart) / 1000).toFixed(1)} s`);
    figures.push({ name: 'messages', value: held, unit: 'in the topic' });
    const written = run.sinkStats?.written;
    (appended === written ? checks : problems).push(`the broker appended ${appended} messages; the sink wrote ${written ?? 'an unknown number of'} events`);
    (held === appended ? checks : problems).push(
      held === appended ? 'the broker deleted none of them' : `the broker deleted the oldest ${appended - held} messages (the mock keeps 5 MiB per partition): they cannot be checked`,
    );
    (read === held ? checks : problems).push(`read back ${read} of the ${held} messages the topic holds`);
    (tally.exactlyOnce() ? checks : problems).push(`topic ${KAFKA_TOPIC}: ${tally.summary()}`);
    if (tally.exactlyOnce()) checks.push('the topic holds every prefix of the run exactly once');
    const peer = ctx.slot.sender.address;
    const keyedByPeer = keys.size === 1 && keys.get(peer) === read;
    (keyedByPeer ? checks : problems).push(`message keys: ${[...keys].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'} (expected the peer ${peer} on each)`);
    return { setupSeconds: run.setupSeconds, measurement: run.measurement, figures, checks, problems };
  },
};
