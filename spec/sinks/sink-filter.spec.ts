/**
 * One sink's settings never change another's output (issue 11, item 5). Sessions report sent
 * UPDATEs and KEEPALIVEs only when some consumer asked (an MRT sink's `sent`, a helper's api.send),
 * so the events below are what such a session reports; each config's sinks are fed them and their
 * files read back.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { decodeConfig, formatErrors } from '../../lib/config';
import type { SinkConfig } from '../../lib/config/types';
import type { SessionEvent } from '../../lib/events/events';
import { silentLog } from '../../lib/session/log';
import type { Neighbor } from '../../lib/neighbor/neighbor';
import { SinkFilter } from '../../lib/sinks/sink-filter';
import { ConfiguredSinks, sinkFilterOptions } from '../../lib/daemon/configured-sinks';
import { encodeMessage } from '../../lib/wire/message';
import { CeaseSubcode, ErrorCode } from '../../lib/wire/iana';
import { DEFAULT_CONTEXT } from '../../lib/wire/types';
import { KEEPALIVE, ipv4Update, messageEvent, negotiated, neighbor, open, readRecords, stopNeighbors } from './mrt-sink-helpers';

const PEER = '192.0.2.1';
const LOCAL = '192.0.2.2';

function sinkConfigs(dir: string, sinks: unknown[]): SinkConfig[] {
  const neighbors = [PEER, '198.51.100.9'].map((peerAddress) => ({ peerAddress, localAddress: LOCAL, peerAs: 65002, localAs: 65001, routerId: LOCAL }));
  const r = decodeConfig({ sinks, neighbors }, dir);
  if (r._tag === 'Left') throw new Error(formatErrors(r.left));
  return r.right.sinks;
}

/** A session's life as reported with sent messages on: both OPENs, KEEPALIVEs and UPDATEs both ways, our Cease. */
function sessionEvents(n: Neighbor): SessionEvent[] {
  const peerOpen = open(65002, PEER);
  const localOpen = open(65001, LOCAL);
  const at = Date.UTC(2024, 0, 2, 12, 0, 0);
  const msg = (m: Parameters<typeof messageEvent>[2], direction: 'receive' | 'send') => messageEvent(n, at, m, direction).event;
  return [
    { kind: 'connected', localAddress: LOCAL, peerAddress: PEER },
    msg(localOpen, 'send'),
    msg(peerOpen, 'receive'),
    msg(KEEPALIVE, 'send'),
    msg(KEEPALIVE, 'receive'),
    { kind: 'up', negotiated: negotiated(peerOpen, localOpen), localAddress: LOCAL },
    msg(ipv4Update(['203.0.113.0/24'], [65002], PEER), 'receive'),
    msg(ipv4Update(['198.51.100.0/24'], [65001], LOCAL), 'send'),
    msg({ type: 'notification', code: ErrorCode.CEASE, subcode: CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, data: Buffer.alloc(0) }, 'send'),
  ];
}

describe('each sink takes only what its own config asks for', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-sink-filter-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterAll(() => stopNeighbors());

  /** Feeds the session's events to the config's sinks and closes them (everything written). */
  async function run(sinks: unknown[]): Promise<ConfiguredSinks> {
    for (const s of sinks as Array<{ directory?: string }>) if (s.directory) fs.mkdirSync(path.join(dir, s.directory));
    const n = neighbor(PEER, { localAddress: LOCAL });
    const running = new ConfiguredSinks(sinkConfigs(dir, sinks), silentLog);
    for (const event of sessionEvents(n)) running.take(n, event);
    await running.close();
    return running;
  }
  /** A jsonl file's events: ExaBGP's type and direction (state events have none). */
  const jsonl = (file: string) =>
    fs
      .readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { type: string; neighbor: { direction?: string; state?: string } })
      .map((e) => `${e.type} ${e.neighbor.direction ?? e.neighbor.state}`);
  /** An MRT directory's records: (direction, BGP message type). */
  const mrt = (directory: string) => {
    const [file] = fs.readdirSync(path.join(dir, directory));
    const names: Record<number, string> = { 1: 'open', 2: 'update', 3: 'notification', 4: 'keepalive' };
    return file ? readRecords(path.join(dir, directory, file)).map((r) => `${names[r.message[18]!]} ${r.subtype === 7 ? 'send' : 'receive'}`) : [];
  };

  it('an MRT sink with `sent` records what we send; a jsonl sink with the default filter still gets no sent UPDATE', async () => {
    await run([
      { name: 'dumps', type: 'mrt', directory: 'mrt', sent: true },
      { name: 'file', type: 'jsonl', file: 'events.jsonl' },
    ]);
    expect(mrt('mrt')).toEqual(['open send', 'open receive', 'keepalive send', 'keepalive receive', 'update receive', 'update send', 'notification send']);
    // The default filter: updates, state, NOTIFICATIONs (both ways, as ExaBGP's JSON carries them).
    expect(jsonl('events.jsonl')).toEqual(['state connected', 'state up', 'update receive', 'notification send']);
  });

  it('a jsonl sink that names keepalive and open gets what it got without the MRT sink: no sent KEEPALIVE', async () => {
    const sinks = [{ name: 'file', type: 'jsonl', file: 'events.jsonl', filter: { events: ['update', 'open', 'keepalive', 'notification'] } }];
    await run([...sinks, { name: 'dumps', type: 'mrt', directory: 'mrt', sent: true }]);
    const beside = jsonl('events.jsonl');
    fs.rmSync(path.join(dir, 'events.jsonl'));
    fs.rmSync(path.join(dir, 'mrt'), { recursive: true });
    await run(sinks);
    expect(beside).toEqual(jsonl('events.jsonl'));
    expect(beside).toEqual(['open send', 'open receive', 'keepalive receive', 'update receive', 'notification send']);
  });

  it('an MRT sink without `sent` records nothing we send, whatever else asked for sent messages', async () => {
    const running = await run([
      { name: 'received', type: 'mrt', directory: 'received' },
      { name: 'both', type: 'mrt', directory: 'both', sent: true },
    ]);
    expect(mrt('received')).toEqual(['open receive', 'keepalive receive', 'update receive']);
    expect(mrt('both')).toHaveLength(7);
    // Sent messages never reach its queue; state events do (for the addresses), and are not written.
    expect(running.stats().get('received')).toMatchObject({ accepted: 5, written: 3, skipped: 2, dropped: 0 });
  });
});

describe('SinkFilter', () => {
  afterAll(() => stopNeighbors());
  const config = (json: unknown) => sinkFilterOptions(sinkConfigs(os.tmpdir(), [json])[0]!);
  const update = ipv4Update(['203.0.113.0/24'], [65002], PEER);
  const raw = encodeMessage(update, DEFAULT_CONTEXT);

  it("gives an UPDATE's wire copy to MRT sinks only, and what import policies made of it to the others", () => {
    const n = neighbor(PEER);
    const mrtSink = new SinkFilter(config({ name: 'dumps', type: 'mrt', directory: '.' }));
    const file = new SinkFilter(config({ name: 'file', type: 'jsonl', file: 'x.jsonl' }));
    const wire: SessionEvent = { kind: 'wire-update', message: update, raw };
    const imported: SessionEvent = { kind: 'update', message: update, direction: 'receive', raw, imported: true };
    const plain: SessionEvent = { kind: 'update', message: update, direction: 'receive', raw };
    expect([wire, imported, plain].map((e) => mrtSink.takes(n, e))).toEqual([true, false, true]);
    expect([wire, imported, plain].map((e) => file.takes(n, e))).toEqual([false, true, true]);
  });

  it('keeps the kinds and neighbors of the filter', () => {
    const n = neighbor(PEER);
    const other = new SinkFilter(config({ name: 'file', type: 'jsonl', file: 'x.jsonl', filter: { neighbors: ['198.51.100.9'] } }));
    const states = new SinkFilter(config({ name: 'file', type: 'jsonl', file: 'x.jsonl', filter: { events: ['state'] } }));
    const up: SessionEvent = { kind: 'connected', localAddress: LOCAL, peerAddress: PEER };
    const received: SessionEvent = { kind: 'update', message: update, direction: 'receive', raw };
    expect([other.takes(n, up), other.takes(n, received)]).toEqual([false, false]);
    expect([states.takes(n, up), states.takes(n, received)]).toEqual([true, false]);
  });
});
