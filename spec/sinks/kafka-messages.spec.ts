import { kafkaMessages } from '../../lib/sinks/kafka-messages';
import { EventLines } from '../../lib/sinks/event-lines';
import { endOfRibMessage } from '../../lib/wire/end-of-rib';
import { Afi, Safi } from '../../lib/wire/iana';
import type { SessionEvent } from '../../lib/events/events';
import { ipv4Update, neighbor, sinkEvent, stopNeighbors } from './mrt-sink-helpers';

const TIME = Date.UTC(2024, 0, 2, 12, 0, 0, 421);

describe('kafkaMessages', () => {
  afterAll(() => stopNeighbors());
  const events = (list: SessionEvent[]) => {
    const n = neighbor('192.0.2.1');
    return list.map((e) => sinkEvent(n, TIME, e));
  };
  const values = (r: { messages: { key?: unknown; value: unknown }[] }) => r.messages.map((m) => ({ key: m.key, value: JSON.parse(String(m.value)) }));
  const head = { time: TIME / 1000, neighbor: 'peer-192.0.2.1', peer: '192.0.2.1', peerAs: 65002, direction: 'receive' };

  it('per prefix: an End-of-RIB is one message of its own, "type":"eor" with its family, IPv4 and IPv6 alike', () => {
    const r = kafkaMessages(
      events([
        { kind: 'update', message: ipv4Update(['203.0.113.0/24'], [65002], '192.0.2.1'), direction: 'receive' },
        { kind: 'update', message: endOfRibMessage({ afi: Afi.IPV4, safi: Safi.UNICAST }), direction: 'receive' },
        { kind: 'update', message: endOfRibMessage({ afi: Afi.IPV6, safi: Safi.UNICAST }), direction: 'receive' },
      ]),
      new EventLines('compact'),
      { per: 'prefix', key: 'prefix' },
    );
    expect(r.events).toBe(3);
    expect(values(r)).toEqual([
      { key: '203.0.113.0/24', value: expect.objectContaining({ ...head, type: 'announce', family: 'ipv4 unicast', prefix: '203.0.113.0/24', nextHop: ['192.0.2.1'] }) },
      // No prefix to key it by.
      { key: undefined, value: { ...head, type: 'eor', family: 'ipv4 unicast' } },
      { key: undefined, value: { ...head, type: 'eor', family: 'ipv6 unicast' } },
    ]);
  });

  it('per event: the line of the sink’s format, and only events that have one count', () => {
    const r = kafkaMessages(
      events([
        { kind: 'update', message: endOfRibMessage({ afi: Afi.IPV6, safi: Safi.UNICAST }), direction: 'receive' },
        { kind: 'rib-sent', prefixes: 1, messages: 1, seconds: 0 },
      ]),
      new EventLines('compact'),
      { per: 'event', key: 'peer' },
    );
    expect(r.events).toBe(1);
    expect(values(r)).toEqual([{ key: '192.0.2.1', value: { ...head, type: 'update', eor: { afi: 'ipv6', safi: 'unicast' } } }]);
  });

  it('per prefix: extended communities (bigint) as decimal strings and unknown attributes as hex, never a throw', () => {
    const update = ipv4Update(['198.51.100.0/24'], [65002], '192.0.2.1');
    const message = {
      ...update,
      attributes: {
        ...update.attributes,
        // target:65001:1 (RFC 4360 two-octet AS specific, sub-type 2)
        extendedCommunities: [0x0002fde900000001n],
        unknown: [{ flags: 0xc0, type: 99, value: Buffer.from('0a0b', 'hex') }],
      },
    };
    const r = kafkaMessages(events([{ kind: 'update', message, direction: 'receive' }]), new EventLines('compact'), { per: 'prefix', key: 'prefix' });
    const [{ value }] = values(r);
    expect(value.attributes.extendedCommunities).toEqual([String(0x0002fde900000001n)]);
    expect(value.attributes.unknown).toEqual([{ flags: 0xc0, type: 99, value: '0a0b' }]);
  });
});

