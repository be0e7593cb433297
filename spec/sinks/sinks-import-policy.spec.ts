/**
 * Sinks of a neighbor with import policies, end to end between two speakers (issue 11, items 4-6):
 * the MRT sink records every UPDATE the peer sent as it came off the wire (RFC 6396), also the ones a
 * policy changed or dropped, while the JSON sinks carry what the policies made of them; an MRT
 * sink's `sent` does not put sent UPDATEs into a jsonl sink; End-of-RIB is explicit in compact lines.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Speaker } from '../../lib';
import { decodeMessage } from '../../lib/wire/message';
import { endOfRib } from '../../lib/wire/end-of-rib';
import { Afi } from '../../lib/wire/iana';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../lib/wire/types';
import { until } from '../daemon/helpers';
import { readRecords } from './mrt-sink-helpers';

const A = '127.0.0.231';
const B = '127.0.0.232';
const PORT = 18232;
/** The community tag-in adds: 65232:1. */
const TAG = (65232 << 16) | 1;
const RXJS = JSON.stringify(require.resolve('rxjs'));

/** What the MRT file holds, one entry per record: direction and the UPDATE's prefixes (or its EoR family). */
type Recorded = { local: boolean; text: string; communities?: readonly number[] };

describe('sinks of a neighbor with import policies', () => {
  let dir: string;
  let a: Speaker;
  let b: Speaker;
  let endOfRibs = 0;
  const lines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : []);
  const mrtFile = () => {
    const files = fs.readdirSync(path.join(dir, 'mrt'));
    return files.length ? path.join(dir, 'mrt', files[0]!) : undefined;
  };
  /** The MRT file's UPDATE records, decoded. */
  const recorded = (): Recorded[] => {
    const file = mrtFile();
    if (!file) return [];
    return readRecords(file).flatMap((r) => {
      const m = decodeMessage(r.message, DEFAULT_CONTEXT);
      if (m.type !== 'update') return [];
      const local = r.subtype === 7; // BGP4MP_MESSAGE_AS4_LOCAL
      return [{ local, text: updateText(m), ...(m.attributes.communities ? { communities: m.attributes.communities } : {}) }];
    });
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-sinks-import-'));
    fs.mkdirSync(path.join(dir, 'mrt'));
    // (A temp dir has no node_modules: rxjs by its full path.)
    fs.writeFileSync(
      path.join(dir, 'tag-in.js'),
      `const { map } = require(${RXJS});
module.exports = () => map((batch) => batch.announced.length ? { ...batch, attributes: { ...batch.attributes, communities: [...(batch.attributes.communities || []), ${TAG}] } } : batch);
`,
    );
    // Drops the whole UPDATE that carries the prefix: no event at all comes out of the chain for it.
    fs.writeFileSync(
      path.join(dir, 'drop.js'),
      `const { filter } = require(${RXJS});
module.exports = (options) => filter((batch) => !batch.announced.some((l) => l.prefixes.includes(options.prefix)));
`,
    );
    b = new Speaker(
      {
        listen: [{ address: B, port: PORT }],
        policies: { 'tag-in': { module: './tag-in.js' }, drop: { module: './drop.js', options: { prefix: '198.51.100.0/24' } } },
        sinks: [
          { name: 'collector', type: 'mrt', directory: 'mrt', sent: true },
          { name: 'events', type: 'jsonl', file: 'events.jsonl' },
          { name: 'compact', type: 'jsonl', file: 'compact.jsonl', format: 'compact' },
        ],
        neighbors: [
          {
            peerAddress: A, localAddress: B, localAs: 65232, peerAs: 65231, routerId: '192.0.2.232', passive: true,
            families: ['ipv4 unicast', 'ipv6 unicast'],
            import: ['tag-in', 'drop'],
            routes: [{ prefix: '10.232.0.0/16', nextHop: '192.0.2.232' }],
          },
        ],
      },
      { baseDir: dir },
    );
    b.events$.subscribe(({ event }) => {
      if (event.kind === 'update' && event.direction === 'receive' && endOfRib(event.message)) endOfRibs++;
    });
    await b.start();
    a = await Speaker.start({
      neighbors: [
        {
          peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65231, peerAs: 65232, routerId: '192.0.2.231', connectRetry: 1,
          families: ['ipv4 unicast', 'ipv6 unicast'],
          routes: [
            { prefix: '203.0.113.0/24', nextHop: '192.0.2.231', med: 7 },
            { prefix: '198.51.100.0/24', nextHop: '192.0.2.231', med: 9 },
            { prefix: '2001:db8:232::/48', nextHop: '2001:db8::231' },
          ],
        },
      ],
    });
    // Both End-of-RIB markers come last, through the chain; then every sink writes what it holds.
    await until(() => b.neighbors[0]!.ribIn.size === 2 && endOfRibs === 2, 10000, 'the routes the policies passed and both End-of-RIB markers, at the receiver');
    await until(() => [...b.sinkStats().values()].every((s) => s.oldestPending === undefined), 5000, 'the sinks caught up');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records every UPDATE received as it came off the wire: the ones a policy changed, and the one it dropped', async () => {
    const received = b.neighbors[0]!.counters.received.get('update') ?? 0;
    const mine = recorded().filter((r) => !r.local);
    expect(mine.map((r) => r.text).sort()).toEqual(['198.51.100.0/24', '2001:db8:232::/48', '203.0.113.0/24', 'eor ipv4', 'eor ipv6'].sort());
    expect(mine).toHaveLength(received);
    // Before the policy: without the community tag-in adds.
    expect(mine.some((r) => r.communities?.includes(TAG))).toBe(false);
    // The Adj-RIB-In and the JSON events have what the policies made of them.
    expect([...b.neighbors[0]!.ribIn.entries()].map(([, p]) => p).sort()).toEqual(['2001:db8:232::/48', '203.0.113.0/24']);
    const tagged = lines(path.join(dir, 'events.jsonl'))
      .filter((l) => l.includes('"203.0.113.0/24"'))
      .map((l) => JSON.parse(l).neighbor.message.update.attribute.community);
    expect(tagged).toEqual([[[65232, 1]]]);
  });

  it("records what it sends with `sent`, once each, and counts as written exactly the records in the file", async () => {
    expect(recorded().filter((r) => r.local).map((r) => r.text).sort()).toEqual(['10.232.0.0/16', 'eor ipv4', 'eor ipv6']);
    const stats = b.sinkStats().get('collector')!;
    const records = readRecords(mrtFile()!).length;
    expect(stats.written).toBe(records);
    // State events are read for the session's addresses, not written.
    expect(stats.skipped).toBeGreaterThan(0);
    expect(stats.accepted).toBe(stats.written + stats.skipped + stats.dropped);
  });

  it("an MRT sink's `sent` does not put sent UPDATEs into a jsonl sink with the default filter", () => {
    const events = lines(path.join(dir, 'events.jsonl')).map((l) => JSON.parse(l));
    expect(events.filter((e) => e.type === 'update').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.direction === 'send' || e.neighbor?.direction === 'send')).toEqual([]);
    expect(lines(path.join(dir, 'compact.jsonl')).filter((l) => l.includes('"direction":"send"'))).toEqual([]);
  });

  it('writes End-of-RIB in compact lines as an "eor" member with the family, for IPv4 and IPv6 alike', () => {
    const eors = lines(path.join(dir, 'compact.jsonl'))
      .map((l) => JSON.parse(l))
      .filter((e) => e.eor);
    expect(eors.map(({ time, ...rest }) => (typeof time === 'number' ? rest : undefined)).sort((x, y) => x.eor.afi.localeCompare(y.eor.afi))).toEqual([
      { neighbor: A, peer: A, peerAs: 65231, type: 'update', direction: 'receive', eor: { afi: 'ipv4', safi: 'unicast' } },
      { neighbor: A, peer: A, peerAs: 65231, type: 'update', direction: 'receive', eor: { afi: 'ipv6', safi: 'unicast' } },
    ]);
  });
});

/** An UPDATE's prefixes, comma-separated, or "eor ipv4" / "eor ipv6". */
function updateText(m: UpdateMessage): string {
  const eor = endOfRib(m);
  if (eor) return `eor ${eor.afi === Afi.IPV4 ? 'ipv4' : eor.afi === Afi.IPV6 ? 'ipv6' : eor.afi}`;
  return [...m.announced, ...m.withdrawn].flatMap((l) => [...l.prefixes]).join(',');
}
