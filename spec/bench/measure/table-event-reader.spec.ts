import { SessionWatch } from '../../../bench/measure/session-watch';
import { TableEventReader } from '../../../bench/measure/table-event-reader';
import { TableTally } from '../../../bench/measure/table-tally';
import { fiveRouteTable } from '../gen/tiny-table';

const attribute = { origin: 'igp', 'as-path': [65003, 6939], med: 0 };

function update(announce: object, withdraw?: object): string {
  return JSON.stringify({
    exabgp: '4.0.1',
    type: 'update',
    neighbor: { direction: 'receive', message: { update: { attribute, announce, ...(withdraw ? { withdraw } : {}) } } },
  });
}

describe('TableEventReader', () => {
  it('tallies both families, keeps the attributes of sampled prefixes and watches the session', () => {
    const tally = new TableTally(fiveRouteTable(), [5]);
    const session = new SessionWatch();
    const reader = new TableEventReader(tally, session, [3]);
    reader.line(JSON.stringify({ type: 'state', neighbor: { state: 'up' } }));
    expect(session.upAt).toBeDefined();
    reader.line(update({ 'ipv4 unicast': { '198.51.100.1': [{ nlri: '10.1.0.0/16' }, { nlri: '10.2.3.0/24' }, { nlri: '20.0.0.0/8' }] } }));
    reader.line(update({ 'ipv6 unicast': { '2001:db8::1': [{ nlri: '2a00:1::/32' }, { nlri: '2a00:1:2::/48' }] } }));
    reader.line(JSON.stringify({ type: 'update', neighbor: { direction: 'receive', message: { eor: { afi: 'ipv6', safi: 'unicast' } } } }));
    expect(tally.matchesTable()).toBe(true);
    expect([...reader.sampled.keys()]).toEqual([3]);
    expect(reader.sampled.get(3)).toEqual(attribute);
    expect(reader.eventCounts).toEqual(new Map([['state', 1], ['update', 3]]));
  });

  it('counts withdrawals, other families, stray lines, and ignores sent updates', () => {
    const tally = new TableTally(fiveRouteTable(), [5]);
    const session = new SessionWatch();
    const reader = new TableEventReader(tally, session, []);
    reader.line(update({ 'ipv4 unicast': { '198.51.100.1': [{ nlri: '10.1.0.0/16' }] } }, { 'ipv4 unicast': [{ nlri: '10.1.0.0/16' }] }));
    reader.line(update({ 'ipv4 flow': { 'no-nexthop': [{ nlri: 'x' }] } }));
    reader.line(JSON.stringify({ type: 'update', neighbor: { direction: 'send', message: { update: { announce: { 'ipv4 unicast': { x: [{ nlri: '20.0.0.0/8' }] } } } } } }));
    reader.line('not json');
    expect(tally.ipv4.withdrawn).toBe(1);
    expect(tally.distinct).toBe(0);
    expect(reader.otherFamilies).toBe(1);
    expect(reader.strayLines).toBe(1);
    reader.line(JSON.stringify({ type: 'state', neighbor: { state: 'up' } }));
    reader.line(JSON.stringify({ type: 'state', neighbor: { state: 'down', reason: 'hold timer' } }));
    expect(session.downReason).toBe('rxbgp: state down hold timer');
  });
});
