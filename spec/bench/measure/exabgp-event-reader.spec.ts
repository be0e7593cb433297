import { defaultEnvelopeSource, stateJson, updateJson } from '../../../lib/api/exabgp-json';
import { Afi, Safi } from '../../../lib/wire/iana';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';
import { ExabgpEventReader } from '../../../bench/measure/exabgp-event-reader';
import { PrefixTally } from '../../../bench/measure/prefix-tally';
import { SessionWatch } from '../../../bench/measure/session-watch';

/** Event lines in ExaBGP 4.0.1's layout, spacing included, as rxbgp prints them. */
const head = '{ "exabgp": "4.0.1", "time": 1700000000.5, "host" : "h", "pid" : 1, "ppid" : 0, "counter": 1, ';
const who = '"neighbor": { "address": { "local": "127.0.0.104", "peer": "127.0.0.103" }, "asn": { "local": 65104, "peer": 65103 } ';
const state = (s: string, reason = '') => `${head}"type": "state", ${who}, "state": "${s}"${reason} } }`;
const update = (direction: string, body: string) => `${head}"type": "update", ${who}, "direction": "${direction}", "message": { ${body} } } }`;
const announce = (prefixes: string[], family = 'ipv4 unicast') =>
  `"update": { "attribute": { "origin": "igp", "as-path": [ 65103 ] }, "announce": { "${family}": { "198.51.100.1": [ ${prefixes
    .map((p) => `{ "nlri": "${p}" }`)
    .join(', ')} ] } } }`;

describe('ExabgpEventReader', () => {
  const run = new Ipv4PrefixRun('10.0.0.0', 4);

  function reader() {
    const tally = new PrefixTally(run, [4]);
    const session = new SessionWatch();
    return { tally, session, events: new ExabgpEventReader(tally, session) };
  }

  it('marks the session up on the "up" state event and counts the nlri of received updates', () => {
    const { tally, session, events } = reader();
    events.line(state('connected'));
    expect(session.upAt).toBeUndefined();
    events.line(state('up'));
    expect(session.upAt).toBeDefined();
    events.line(update('receive', announce(['10.0.0.0/24', '10.0.1.0/24'])));
    events.line(update('receive', announce(['10.0.2.0/24', '10.0.3.0/24'])));
    events.line(update('receive', '"eor": { "afi" : "ipv4", "safi" : "unicast" }'));
    expect(tally.distinct).toBe(4);
    expect(tally.matchesRun()).toBe(true);
    expect(Object.fromEntries(events.eventCounts)).toEqual({ state: 2, update: 3 });
  });

  it('ignores updates rxbgp sent, and counts withdrawals', () => {
    const { tally, events } = reader();
    events.line(update('send', announce(['10.0.0.0/24'])));
    expect(tally.announcedEntries).toBe(0);
    events.line(update('receive', announce(['10.0.0.0/24'])));
    events.line(update('receive', '"update": { "withdraw": { "ipv4 unicast": [ { "nlri": "10.0.0.0/24" } ] } }'));
    expect(tally.distinct).toBe(0);
    expect(tally.withdrawn).toBe(1);
  });

  it('counts lines that are not JSON and families other than IPv4 unicast', () => {
    const { tally, events } = reader();
    events.line('done');
    events.line(update('receive', announce(['2001:db8::/32'], 'ipv6 unicast')));
    expect(events.strayLines).toBe(1);
    expect(events.otherFamilies).toBe(1);
    expect(tally.announcedEntries).toBe(0);
  });

  it('records a session that goes down after coming up', () => {
    const { session, events } = reader();
    events.line(state('down'));
    expect(session.downReason).toBeUndefined();
    events.line(state('up'));
    events.line(state('down', ', "reason": "peer reset"'));
    expect(session.downReason).toBe('rxbgp: state down peer reset');
  });

  it('reads the lines rxbgp itself prints', () => {
    const { tally, session, events } = reader();
    const src = defaultEnvelopeSource();
    const n = { localAddress: '127.0.0.104', peerAddress: '127.0.0.103', localAs: 65104, peerAs: 65103 };
    events.line(stateJson(src, n, 'up'));
    const announced = [{ afi: Afi.IPV4, safi: Safi.UNICAST, prefixes: [run.text(0), run.text(1), run.text(2), run.text(3)], nextHop: ['198.51.100.1'] }];
    events.line(updateJson(src, n, { type: 'update', withdrawn: [], attributes: { origin: 0, nextHop: '198.51.100.1' }, announced }, 'receive'));
    expect(session.upAt).toBeDefined();
    expect(tally.matchesRun()).toBe(true);
    expect(events.strayLines).toBe(0);
  });
});
