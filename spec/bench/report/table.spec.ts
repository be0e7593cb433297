import { groupNamed } from '../../../bench/report/groups';
import { formatGroup, ratioCell } from '../../../bench/report/table';
import { figuresOnly, notOk, transfer } from './fixtures';

const emit = transfer('emit', { groups: ['emit'], sender: 'rxbgp', receiver: 'BIRD', seconds: 2, t99: 1.5, senderCpu: 3, senderRssMb: 254 });
const birdBird = transfer('bird-bird', { groups: ['emit', 'ingest'], sender: 'BIRD', receiver: 'BIRD', seconds: 4, t99: 1, senderCpu: 1.5, receiverCpu: 2.25, senderRssMb: 94, receiverRssMb: 120 });
const gobgpBird = notOk('gobgp-bird', ['emit'], 'GoBGP', 'BIRD', 'timeout', { received: 12 });
const ingest = transfer('ingest', { groups: ['ingest'], sender: 'BIRD', receiver: 'rxbgp', seconds: 3, senderCpu: 0.5, receiverCpu: 6, senderRssMb: 90, receiverRssMb: 200 });
const birdGobgp = notOk('bird-gobgp', ['ingest'], 'BIRD', 'GoBGP', 'failed');

describe('formatGroup (transfer groups)', () => {
  it("prints rxbgp's rows first, then the references, with the sender's CPU and RSS and a ratio column per reference", () => {
    expect(formatGroup(groupNamed('emit'), [birdBird, gobgpBird, ingest, emit])).toEqual([
      '## Emit: 1 M prefixes from the config → BIRD',
      '',
      '| case | N | seconds | t99 s | prefixes/s | sender CPU s | sender peak RSS | ×bird-bird | ×gobgp-bird |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| emit (rxbgp → BIRD) | 1,000,000 | 2.00 | 1.50 | 500,000 | 3.00 | 254 MB | 0.50× time | — |',
      '| bird-bird (BIRD → BIRD) | 1,000,000 | 4.00 | 1.00 | 250,000 | 1.50 | 94 MB | — | — |',
      '| gobgp-bird (GoBGP → BIRD) | 1,000,000 | timeout (12 held) | — | — | — | — | — | — |',
    ]);
  });

  it("compares the receiver's CPU and RSS in a receiver-side group, and shows a failed case's status", () => {
    expect(formatGroup(groupNamed('ingest'), [emit, ingest, birdBird, birdGobgp]).slice(2)).toEqual([
      '| case | N | seconds | t99 s | prefixes/s | receiver CPU s | receiver peak RSS | ×bird-bird | ×bird-gobgp |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| ingest (BIRD → rxbgp) | 1,000,000 | 3.00 | 3.00 | 333,333 | 6.00 | 200 MB | 0.75× time | — |',
      '| bird-bird (BIRD → BIRD) | 1,000,000 | 4.00 | 1.00 | 250,000 | 2.25 | 120 MB | — | — |',
      '| bird-gobgp (BIRD → GoBGP) | 1,000,000 | failed | — | — | — | — | — | — |',
    ]);
  });

  it('lists the figures a transfer case reported under its table', () => {
    const peers = transfer('many-peers-rxbgp', {
      groups: ['many-peers'],
      sender: 'BIRD ×100',
      receiver: 'rxbgp',
      seconds: 10,
      figures: [
        { name: 'hold-timer expiries', value: 0, unit: 'sessions' },
        { name: 'sessions established', value: 100, unit: 'sessions' },
      ],
    });
    const lines = formatGroup(groupNamed('many-peers'), [peers]);
    expect(lines[0]).toBe('## Many peers: 100 BIRD sessions → one receiver, 1 M prefixes in all');
    expect(lines.slice(-2)).toEqual(['', '- many-peers-rxbgp: hold-timer expiries 0 sessions, sessions established 100 sessions']);
  });

  it('prints nothing for a group no result is a row of', () => {
    expect(formatGroup(groupNamed('realistic-emit'), [emit, birdBird])).toEqual([]);
  });
});

describe('formatGroup (figures groups)', () => {
  it('prints a row per figure of a figures-only case', () => {
    const codec = figuresOnly('codec', ['codec'], [
      { name: 'decode', value: 85.25, unit: 'ns/prefix' },
      { name: 'encode', value: 140.4, unit: 'ns/prefix' },
      { name: 'prefixes', value: 1_000_000, unit: 'prefixes' },
    ]);
    expect(formatGroup(groupNamed('codec'), [codec])).toEqual([
      '## Codec: UPDATE decoding and encoding of a captured 1 M-prefix stream',
      '',
      '| case | figure | value | unit |',
      '| --- | --- | --- | --- |',
      '| codec (BIRD (captured) → rxbgp codec) | decode | 85.3 | ns/prefix |',
      '| codec (BIRD (captured) → rxbgp codec) | encode | 140 | ns/prefix |',
      '| codec (BIRD (captured) → rxbgp codec) | prefixes | 1,000,000 | prefixes |',
    ]);
  });

  it("shows a failed case's status in place of its figures", () => {
    expect(formatGroup(groupNamed('codec'), [notOk('codec', ['codec'], 'BIRD', 'rxbgp', 'failed')]).slice(-1)).toEqual([
      '| codec (BIRD → rxbgp) | failed | — | — |',
    ]);
  });
});

describe('ratioCell', () => {
  const rx = transfer('api-routes', { groups: ['api-routes'], sender: 'rxbgp + helper', receiver: 'BIRD', seconds: 2 });

  it('compares times when both moved the same N', () => {
    const ref = transfer('x', { groups: ['api-routes'], sender: 'BIRD', receiver: 'BIRD', seconds: 1 });
    expect(ratioCell(rx, ref)).toBe('2.00× time');
  });

  it('compares prefixes/s when the reference moved another N, and says so', () => {
    // rxbgp 500,000/s; ExaBGP 20,000 in 8 s = 2,500/s.
    const exabgp = transfer('exabgp-api-routes', { groups: ['api-routes'], sender: 'ExaBGP + helper', receiver: 'BIRD', n: 20_000, seconds: 8 });
    expect(ratioCell(rx, exabgp)).toBe('200× rate');
    const slower = transfer('exabgp-api-routes', { groups: ['api-routes'], sender: 'ExaBGP + helper', receiver: 'BIRD', n: 20_000, seconds: 1 });
    expect(ratioCell(rx, slower)).toBe('25.0× rate');
  });

  it('is "—" unless both finished', () => {
    expect(ratioCell(rx, notOk('x', [], 'BIRD', 'BIRD', 'timeout', { received: 5 }))).toBe('—');
    expect(ratioCell(notOk('x', [], 'rxbgp', 'BIRD', 'failed'), rx)).toBe('—');
  });
});
