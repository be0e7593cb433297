/**
 * The "sinks" list (issue 6): each sink an object with a name, a type, an optional filter and
 * buffer, and the keys of its type. The type is read first, so a key of another type is reported
 * as unknown for this one, with the keys this type allows.
 */
import * as t from 'io-ts';
import { closedObject } from './closed-object';
import { describeValue } from './config-error';
import { list } from './list-codec';
import { boolean, integer, oneOf, text } from './scalar-codecs';
import { SINK_EVENT_KINDS, type SinkEventKind } from '../events/event-kind';

const eventKind = oneOf(new Map(SINK_EVENT_KINDS.map((k) => [k, k] as const)), (u): u is SinkEventKind => typeof u === 'string' && (SINK_EVENT_KINDS as readonly string[]).includes(u));

const filterCodec = closedObject(
  'a sink filter like { "neighbors": ["peer-a"], "events": ["update", "state"] }',
  {},
  { neighbors: list(text('a neighbor name or peer address'), 'a list of neighbor names or peer addresses'), events: list(eventKind, 'a list of event kinds') },
);

const bufferCodec = closedObject('buffer settings like { "events": 100000 }', {}, { events: integer('a count 1..10000000', 1, 10_000_000) });

const format = oneOf(
  new Map([
    ['exabgp', 'exabgp' as const],
    ['compact', 'compact' as const],
  ]),
  (u): u is 'exabgp' | 'compact' => u === 'exabgp' || u === 'compact',
);

const common = { filter: filterCodec, buffer: bufferCodec };
const required = { name: text('a sink name'), type: text('a sink type') };

export const SINK_CODECS = {
  stdout: closedObject('a stdout sink like { "name": "out", "type": "stdout" }', required, { ...common, format }),
  jsonl: closedObject('a jsonl sink like { "name": "file", "type": "jsonl", "file": "updates.jsonl" }', { ...required, file: text('a file path') }, {
    ...common,
    format,
    maxBytes: integer('bytes 0..1099511627776 (0: never rotate)', 0, 2 ** 40),
    keep: integer('a count 0..1000', 0, 1000),
  }),
  log: closedObject('a log sink like { "name": "log", "type": "log" }', required, common),
  kafka: closedObject(
    'a kafka sink like { "name": "bus", "type": "kafka", "brokers": ["127.0.0.1:9092"], "topic": "bgp-updates" }',
    { ...required, brokers: list(text('a broker "host:port"'), 'a list of brokers', 1), topic: text('a topic name', 249) },
    {
      ...common,
      format,
      clientId: text('a client id'),
      key: oneOf(
        new Map([
          ['peer', 'peer' as const],
          ['prefix', 'prefix' as const],
          ['none', 'none' as const],
        ]),
        (u): u is 'peer' | 'prefix' | 'none' => u === 'peer' || u === 'prefix' || u === 'none',
      ),
      compression: oneOf(
        new Map([
          ['none', 'none' as const],
          ['gzip', 'gzip' as const],
        ]),
        (u): u is 'none' | 'gzip' => u === 'none' || u === 'gzip',
      ),
      acks: integer('-1 (all in-sync replicas), 1 (the leader) or 0 (none)', -1, 1),
      per: oneOf(
        new Map([
          ['event', 'event' as const],
          ['prefix', 'prefix' as const],
        ]),
        (u): u is 'event' | 'prefix' => u === 'event' || u === 'prefix',
      ),
      batch: closedObject('batching like { "events": 1000, "lingerMs": 50 }', {}, { events: integer('a count 1..100000', 1, 100_000), lingerMs: integer('milliseconds 0..60000', 0, 60_000) }),
    },
  ),
  mrt: closedObject('an mrt sink like { "name": "dumps", "type": "mrt", "directory": "mrt" }', { ...required, directory: text('a directory path') }, {
    ...common,
    pattern: text('a file name pattern like "updates.%Y%m%d.%H%M"'),
    rotateSeconds: integer('seconds 1..86400', 1, 86400),
    sent: boolean,
  }),
} as const;

export type SinkType = keyof typeof SINK_CODECS;
export const SINK_TYPES = Object.keys(SINK_CODECS) as SinkType[];
export type SinkFile = { [K in SinkType]: t.TypeOf<(typeof SINK_CODECS)[K]> & { type: K } }[SinkType];

/** One sink: its type picks the codec of the rest. */
export const sinkCodec = new t.Type<SinkFile, unknown, unknown>(
  'a sink',
  (u): u is SinkFile => typeof u === 'object' && u !== null && SINK_TYPES.some((k) => (u as { type?: unknown }).type === k && SINK_CODECS[k].is(u)),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected a sink (a JSON object with "name" and "type"), got ${describeValue(u)}`);
    const type = (u as { type?: unknown }).type;
    if (!SINK_TYPES.includes(type as SinkType)) {
      return t.failure(type, t.appendContext(c, 'type', t.unknown, type), `expected one of ${SINK_TYPES.map((k) => `"${k}"`).join(', ')}, got ${describeValue(type)}`);
    }
    return SINK_CODECS[type as SinkType].validate(u, c) as t.Validation<SinkFile>;
  },
  (a) => a,
);
