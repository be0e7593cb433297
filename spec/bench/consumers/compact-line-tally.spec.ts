import { EventLines } from '../../../lib/sinks/event-lines';
import type { SinkEvent } from '../../../lib/sinks/sink';
import type { Neighbor } from '../../../lib/neighbor/neighbor';
import { Afi, Safi } from '../../../lib/wire/iana';
import type { UpdateMessage } from '../../../lib/wire/types';
import { CompactLineTally } from '../../../bench/consumers/compact-line-tally';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';

const run = new Ipv4PrefixRun('10.0.0.0', 3);

/** What EventLines reads of a neighbor: its name, addresses and AS numbers. */
const neighbor = {
  name: 'bench',
  endpoint: { peerAddress: '127.0.3.9' },
  settings: { peerAs: 65009, localAs: 65010, routerId: '192.0.2.10' },
  session: { negotiatedSession: undefined, connection: undefined },
} as unknown as Neighbor;

function updateEvent(announce: string[], withdraw: string[] = []): SinkEvent {
  const message: UpdateMessage = {
    type: 'update',
    attributes: { origin: 0, asPath: [{ type: 2, asns: [65009] }] },
    announced: announce.length ? [{ afi: Afi.IPV4, safi: Safi.UNICAST, nextHop: ['198.51.100.1'], prefixes: announce }] : [],
    withdrawn: withdraw.length ? [{ afi: Afi.IPV4, safi: Safi.UNICAST, prefixes: withdraw }] : [],
  };
  return { neighbor, event: { kind: 'update', direction: 'receive', message }, time: 1_700_000_000_000 };
}

/** Lines exactly as the jsonl and kafka sinks write them in the "compact" format. */
function compactLines(events: SinkEvent[]): string[] {
  const lines = new EventLines('compact');
  return events.map((e) => lines.line(e)!);
}

describe('CompactLineTally', () => {
  it("counts the prefixes of the sinks' own compact lines against the run, state lines apart", () => {
    const tally = new CompactLineTally(run);
    const up = { neighbor, event: { kind: 'up', localAddress: '127.0.3.10' }, time: 1_700_000_000_000 } as unknown as SinkEvent;
    for (const line of compactLines([up, updateEvent(['10.0.0.0/24', '10.0.1.0/24']), updateEvent(['10.0.2.0/24'])])) tally.add(line);
    expect(tally.exactlyOnce()).toBe(true);
    expect({ lines: tally.lines, updates: tally.updates, others: tally.others, malformed: tally.malformed }).toEqual({ lines: 3, updates: 2, others: 1, malformed: 0 });
    expect([...tally.peers]).toEqual([['127.0.3.9', 3]]);
    expect(tally.summary()).toBe('3 lines (2 updates, 1 other events, 0 malformed): 3 distinct of 3 expected prefixes, 0 repeated, 0 unexpected, 0 withdrawn');
  });

  it('is not exactly once with a prefix missing, repeated, withdrawn or outside the run', () => {
    const missing = new CompactLineTally(run);
    missing.addText(compactLines([updateEvent(['10.0.0.0/24', '10.0.1.0/24'])]).join('\n'));
    expect(missing.exactlyOnce()).toBe(false);

    const repeated = new CompactLineTally(run);
    repeated.addText(compactLines([updateEvent(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']), updateEvent(['10.0.1.0/24'])]).join('\n') + '\n');
    expect(repeated.prefixes.duplicates).toBe(1);
    expect(repeated.exactlyOnce()).toBe(false);

    const withdrawn = new CompactLineTally(run);
    withdrawn.addText(compactLines([updateEvent(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']), updateEvent([], ['10.0.3.0/24'])]).join('\n'));
    expect(withdrawn.prefixes.withdrawn).toBe(1);
    expect(withdrawn.exactlyOnce()).toBe(false);

    const stray = new CompactLineTally(run);
    stray.addText(compactLines([updateEvent(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.9.0.0/24'])]).join('\n'));
    expect(stray.prefixes.unexpected).toBe(1);
    expect(stray.exactlyOnce()).toBe(false);
  });

  it('counts prefixes of another family as unexpected, and unreadable lines as malformed', () => {
    const tally = new CompactLineTally(run);
    tally.add('{"type":"update","announce":{"ipv4 unicast":{"198.51.100.1":["10.0.0.0/24","10.0.1.0/24","10.0.2.0/24"]}}}');
    tally.add('{"type":"update","announce":{"ipv6 unicast":{"2001:db8::1":["2001:db8::/32"]}}}');
    expect(tally.prefixes.unexpected).toBe(1);
    tally.add('{"type":"upd');
    tally.add('[1]');
    tally.add('{"type":"update","announce":{"ipv4 unicast":{"198.51.100.1":"10.0.0.0/24"}}}');
    tally.add('   ');
    expect({ lines: tally.lines, malformed: tally.malformed }).toEqual({ lines: 5, malformed: 3 });
    expect(tally.exactlyOnce()).toBe(false);
  });
});
