import os from 'os';
import path from 'path';
import { decodeConfig } from '../../../lib/config';
import { ingestJsonlCase, jsonlSinkConfig } from '../../../bench/cases/ingest-jsonl';
import { ingestKafkaCase, kafkaSinkConfig, KAFKA_TOPIC } from '../../../bench/cases/ingest-kafka';
import { rxbgpConfig, type RxbgpNeighborConfig } from '../../../bench/daemons/rxbgp';

const base: RxbgpNeighborConfig = {
  routerId: '192.0.2.10',
  localAs: 65010,
  localAddress: '127.0.3.10',
  peerAddress: '127.0.3.9',
  peerAs: 65009,
  peerPort: 21009,
  events: 'none',
};

function decodedSinks(sink: Readonly<Record<string, unknown>>) {
  const decoded = decodeConfig(rxbgpConfig({ ...base, sinks: [sink] }), os.tmpdir());
  if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left));
  return decoded.right.sinks;
}

describe('the sink ingest cases', () => {
  it('give the receiver a jsonl sink in the compact format, never rotated, in a config rxbgp accepts', () => {
    // Only the file's directory must exist when the config is read.
    const file = path.join(os.tmpdir(), 'updates.jsonl');
    expect(decodedSinks(jsonlSinkConfig(file))).toEqual([
      expect.objectContaining({ name: 'updates', type: 'jsonl', file, format: 'compact', maxBytes: 0 }),
    ]);
  });

  it('give the receiver a kafka sink in the compact format keyed by peer, one message per event, gzipped, in a config rxbgp accepts', () => {
    expect(decodedSinks(kafkaSinkConfig(['127.0.0.1:40001'], KAFKA_TOPIC))).toEqual([
      expect.objectContaining({ name: 'bus', type: 'kafka', brokers: ['127.0.0.1:40001'], topic: 'bgp-updates', format: 'compact', key: 'peer', per: 'event', compression: 'gzip' }),
    ]);
  });

  it('are rows of the ingest table with BIRD as the sender and rxbgp as the receiver', () => {
    for (const c of [ingestJsonlCase, ingestKafkaCase]) {
      expect(c.groups).toEqual(['ingest']);
      expect(c.sender).toBe('BIRD');
      expect(c.receiver).toMatch(/^rxbgp \+ (jsonl|kafka) sink$/);
      expect(c.defaultN).toBeUndefined();
    }
  });
});

describe('rxbgpConfig sinks', () => {
  it('writes no "sinks" unless given', () => {
    expect((rxbgpConfig(base) as { sinks?: unknown }).sinks).toBeUndefined();
  });
});
