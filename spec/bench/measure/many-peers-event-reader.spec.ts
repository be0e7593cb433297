import { manyPeersLayout } from '../../../bench/gen/many-peers-layout';
import { ManyPeersEventReader } from '../../../bench/measure/many-peers-event-reader';
import { PeerPrefixTally } from '../../../bench/measure/peer-prefix-tally';
import { PeerSessions } from '../../../bench/measure/peer-sessions';

/** Event lines in the layout rxbgp prints them (ExaBGP 4.0.1), as seen on its stdout with three neighbors. */
const head = '{ "exabgp": "4.0.1", "time": 1795260846.592892, "host" : "vm", "pid" : 1296, "ppid" : 1, "counter": 1, ';
const who = (peer: number) =>
  `"neighbor": { "address": { "local": "127.0.4.${100 + peer}", "peer": "127.0.4.${peer}" }, "asn": { "local": 64500, "peer": ${64600 + peer} } `;
const state = (peer: number, s: string, reason?: string) =>
  `${head}"type": "state", ${who(peer)}, "state": "${s}"${reason !== undefined ? `, "reason": "${reason}"` : ''} } }`;
const update = (peer: number, body: string, direction = 'receive') => `${head}"type": "update", ${who(peer)}, "direction": "${direction}", "message": { ${body} } } }`;
const announce = (prefixes: string[]) =>
  `"update": { "attribute": { "origin": "igp", "as-path": [ 64601 ], "confederation-path": [] }, "announce": { "ipv4 unicast": { "198.51.100.1": [ ${prefixes
    .map((p) => `{ "nlri": "${p}" }`)
    .join(', ')} ] } } }`;

describe('ManyPeersEventReader', () => {
  const layout = manyPeersLayout(6, '10.0.0.0', 3);
  const text = (i: number) => layout.run.text(i);

  function reader() {
    const tally = new PeerPrefixTally(layout, [6]);
    const sessions = new PeerSessions(3, 'rxbgp');
    return { tally, sessions, events: new ManyPeersEventReader(layout, tally, sessions) };
  }

  it('brings each session up from its state event and counts what each delivered', () => {
    const { tally, sessions, events } = reader();
    events.line(state(1, 'connected'));
    expect(sessions.established).toBe(0);
    for (const peer of [1, 2, 3]) events.line(state(peer, 'up'));
    expect(sessions.all.upAt).toBeDefined();
    events.line(update(1, announce([text(0), text(1)])));
    events.line(update(2, announce([text(2), text(3)])));
    events.line(update(3, announce([text(4), text(5)])));
    events.line(update(3, '"eor": { "afi" : "ipv4", "safi" : "unicast" }'));
    expect([...tally.perPeer]).toEqual([2, 2, 2]);
    expect(tally.matchesRun()).toBe(true);
    expect(Object.fromEntries(events.eventCounts)).toEqual({ state: 4, update: 4 });
  });

  it('notes a prefix that came on another session than its own', () => {
    const { tally, events } = reader();
    events.line(update(2, announce([text(0)])));
    expect(tally.misattributed).toBe(1);
    expect(tally.distinct).toBe(0);
  });

  it('marks a session down after up, and a hold timer expiry from its reason', () => {
    const { sessions, events } = reader();
    events.line(state(2, 'up'));
    events.line(state(2, 'down', 'hold timer expired'));
    expect(sessions.dropped.get(1)).toBe('rxbgp: state down hold timer expired');
    expect([...sessions.holdTimerExpired]).toEqual([1]);
    expect(sessions.first.downReason).toContain('hold timer expired');
  });

  it('ignores sent updates, and counts stray lines, unknown peers and other families', () => {
    const { tally, events } = reader();
    events.line(update(1, announce([text(0)]), 'send'));
    events.line(update(9, announce([text(0)])));
    events.line('done');
    events.line(update(1, '"update": { "announce": { "ipv6 unicast": { "2001:db8::1": [ { "nlri": "2001:db8::/32" } ] } } }'));
    expect(tally.announcedEntries).toBe(0);
    expect(events.unknownPeers).toBe(1);
    expect(events.strayLines).toBe(1);
    expect(events.otherFamilies).toBe(1);
  });

  it('takes withdrawn prefixes out of the session’s count', () => {
    const { tally, events } = reader();
    events.line(update(1, announce([text(0), text(1)])));
    events.line(update(1, `"update": { "withdraw": { "ipv4 unicast": [ { "nlri": "${text(1)}" } ] } }`));
    expect(tally.perPeer[0]).toBe(1);
    expect(tally.withdrawn).toBe(1);
  });
});
