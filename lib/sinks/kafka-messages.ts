/**
 * The Kafka messages of a batch of sink events (kafka-sink.ts sends them): one per event, its line
 * in the sink's format, or with `per: "prefix"` one per prefix of an UPDATE,
 *   {"time":…,"neighbor":"a","peer":"127.0.0.1","peerAs":65001,"direction":"receive",
 *    "type":"announce","family":"ipv4 unicast","prefix":"10.0.0.0/24","nextHop":[…],"attributes":{…}}
 * ("type":"withdraw" without next hop and attributes). An End-of-RIB (RFC 4724 §2) has no prefix:
 * it is one message of its own, "type":"eor" with its family, for every family alike.
 */
import type { Message } from 'kafkajs';
import { familyName } from '../wire/family-names';
import { endOfRib } from '../wire/end-of-rib';
import { nlriTextAt, nlriTexts } from '../families/nlri-text';
import { nlriCount } from '../wire/nlri/packed-ipv4';
import type { UpdateMessage } from '../wire/types';
import type { EventLines } from './event-lines';
import type { SinkEvent } from './sink';

export interface KafkaMessageOptions {
  /** Message key: the peer's address, the prefix (with `per: "prefix"`; else the first prefix), or none. */
  readonly key: 'peer' | 'prefix' | 'none';
  /** One message per event, or per prefix of an UPDATE. */
  readonly per: 'event' | 'prefix';
}

/** The messages of the events, and how many of the events they carry (the others have no line). */
export function kafkaMessages(events: readonly SinkEvent[], lines: EventLines, opts: KafkaMessageOptions): { messages: Message[]; events: number } {
  const out: Message[] = [];
  let carried = 0;
  for (const e of events) {
    const before = out.length;
    if (opts.per === 'prefix' && e.event.kind === 'update') perPrefix(e, e.event.message, e.event.direction, opts, out);
    else {
      const value = lines.line(e);
      if (value !== undefined) out.push(keyed(value, e, e.event.kind === 'update' ? firstPrefix(e.event.message) : undefined, opts));
    }
    if (out.length > before) carried++;
  }
  return { messages: out, events: carried };
}

/** One message per announced or withdrawn prefix, or the End-of-RIB's one. */
function perPrefix(e: SinkEvent, message: UpdateMessage, direction: 'receive' | 'send', opts: KafkaMessageOptions, out: Message[]): void {
  const one = (prefix: string | undefined, value: object) => out.push(keyed(JSON.stringify(value, attributeJson), e, prefix, opts));
  const head = { time: e.time / 1000, neighbor: e.neighbor.name, peer: e.neighbor.endpoint.peerAddress, peerAs: e.neighbor.settings.peerAs, direction };
  const eor = endOfRib(message);
  if (eor) {
    one(undefined, { ...head, type: 'eor', family: familyName(eor.afi, eor.safi) });
    return;
  }
  for (const list of message.announced) {
    for (const prefix of nlriTexts(list)) one(prefix, { ...head, type: 'announce', family: familyName(list.afi, list.safi), prefix, nextHop: list.nextHop, attributes: message.attributes });
  }
  for (const list of message.withdrawn) for (const prefix of nlriTexts(list)) one(prefix, { ...head, type: 'withdraw', family: familyName(list.afi, list.safi), prefix });
}

/**
 * JSON.stringify's replacer for the attributes object: an extended community (RFC 4360) is a
 * bigint, which JSON cannot hold (plain JSON.stringify throws), so it is written as its decimal
 * string, exact to 64 bits; an unknown attribute's value Buffer is written as hex, not as
 * Buffer's {"type":"Buffer","data":[…]}.
 */
function attributeJson(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  const raw = (this as Record<string, unknown>)[key];
  if (Buffer.isBuffer(raw)) return raw.toString('hex');
  return value;
}

function keyed(value: string, e: SinkEvent, prefix: string | undefined, opts: KafkaMessageOptions): Message {
  switch (opts.key) {
    case 'peer':
      return { key: e.neighbor.endpoint.peerAddress, value };
    case 'prefix':
      return prefix === undefined ? { value } : { key: prefix, value };
    default:
      return { value };
  }
}

function firstPrefix(message: Pick<UpdateMessage, 'announced' | 'withdrawn'>): string | undefined {
  for (const l of [...message.announced, ...message.withdrawn]) {
    if (nlriCount(l) === 0) continue;
    return nlriTextAt(l, 0);
  }
  return undefined;
}
