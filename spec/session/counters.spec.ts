/**
 * NeighborCounters: messages per type and prefixes announced/withdrawn, received and sent, added
 * to by every session of a neighbor in turn (read by lib/metrics).
 */
import { NeighborCounters } from '../../lib/session/counters';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import { packedIpv4Of } from '../../lib/wire/nlri/packed-ipv4';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../lib/wire/types';
import { peerOpen } from '../fsm/fixtures';

const update = (announce: string[], withdraw: string[] = []): UpdateMessage => ({
  type: 'update',
  withdrawn: withdraw.length ? [{ afi: 1, safi: 1, prefixes: withdraw }] : [],
  attributes: announce.length ? { origin: 0, asPath: [], nextHop: '198.51.100.1' } : {},
  announced: announce.length ? [{ afi: 1, safi: 1, nextHop: ['198.51.100.1'], prefixes: announce }] : [],
});

describe('NeighborCounters', () => {
  it('starts at zero, with no message type seen', () => {
    const c = new NeighborCounters();
    expect([...c.received]).toEqual([]);
    expect([...c.sent]).toEqual([]);
    expect(c.prefixesReceived).toEqual({ announced: 0, withdrawn: 0 });
    expect(c.prefixesSent).toEqual({ announced: 0, withdrawn: 0 });
  });

  it('counts received messages per type, and the prefixes UPDATEs announce and withdraw', () => {
    const c = new NeighborCounters();
    c.receivedMessage(peerOpen());
    c.receivedMessage({ type: 'keepalive' });
    c.receivedMessage({ type: 'keepalive' });
    c.receivedMessage(update(['10.0.0.0/24', '10.0.1.0/24'], ['10.9.0.0/16']));
    c.receivedMessage(update([], ['10.0.0.0/24']));
    c.receivedMessage({ type: 'route-refresh', afi: 1, safi: 1, subtype: 0 });
    expect(Object.fromEntries(c.received)).toEqual({ open: 1, keepalive: 2, update: 2, 'route-refresh': 1 });
    expect(c.prefixesReceived).toEqual({ announced: 2, withdrawn: 2 });
    expect([...c.sent]).toEqual([]);
    expect(c.prefixesSent).toEqual({ announced: 0, withdrawn: 0 });
  });

  it('counts the prefixes of an UPDATE as decoded from the wire (IPv4 lists in their packed form)', () => {
    const prefixes = Array.from({ length: 300 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const decoded = decodeMessage(encodeMessage(update(prefixes, ['192.0.2.0/24', '192.0.2.128/25']), DEFAULT_CONTEXT), DEFAULT_CONTEXT) as UpdateMessage;
    expect(packedIpv4Of(decoded.announced[0])).toBeDefined();
    const c = new NeighborCounters();
    c.receivedMessage(decoded);
    expect(c.prefixesReceived).toEqual({ announced: 300, withdrawn: 2 });
  });

  it('counts sent messages per type, several at once (a RIB sent in full), and sent prefixes', () => {
    const c = new NeighborCounters();
    c.sentMessages('open');
    c.sentMessages('keepalive');
    c.sentMessages('update', 40);
    c.sentMessages('update');
    c.sentPrefixes(1000, 0);
    c.sentPrefixes(3, 7);
    expect(Object.fromEntries(c.sent)).toEqual({ open: 1, keepalive: 1, update: 41 });
    expect(c.prefixesSent).toEqual({ announced: 1003, withdrawn: 7 });
    expect([...c.received]).toEqual([]);
    expect(c.prefixesReceived).toEqual({ announced: 0, withdrawn: 0 });
  });
});
