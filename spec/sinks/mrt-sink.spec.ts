import fs from 'fs';
import os from 'os';
import path from 'path';
import { MrtSinkWriter, checkMrtSinkOptions } from '../../lib/sinks/mrt-sink';
import { Afi, Safi } from '../../lib/wire/iana';
import { encodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, familyKey } from '../../lib/wire/types';
import { toHex } from '../helpers/hex';
import { KEEPALIVE, ipv4Update, messageEvent, negotiated, neighbor, open, readRecords, sinkEvent, stopNeighbors } from './mrt-sink-helpers';

/** 2024-01-02 hh:mm:ss.ms UTC, in ms since the epoch. */
const at = (h: number, m: number, s: number, ms = 0) => Date.UTC(2024, 0, 2, h, m, s, ms);

describe('MrtSinkWriter', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rxbgp-mrt-sink-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterAll(() => stopNeighbors());

  const files = () => fs.readdirSync(dir).sort();
  const update = ipv4Update(['198.51.100.0/24'], [65002, 64500], '192.0.2.1');

  it('writes one BGP4MP_MESSAGE_AS4 record per received message that carries its bytes', async () => {
    const peer = neighbor('192.0.2.1', { localAddress: '192.0.2.2' });
    const sink = new MrtSinkWriter({ directory: dir });
    await sink.write([
      sinkEvent(peer, at(12, 0, 0), { kind: 'fsm', from: 'Active', to: 'OpenSent' }),
      messageEvent(peer, at(12, 0, 0, 250), KEEPALIVE),
      messageEvent(peer, at(12, 0, 1), update),
      sinkEvent(peer, at(12, 0, 2), { kind: 'update', message: update, direction: 'receive' }), // no raw: nothing to record
      sinkEvent(peer, at(12, 0, 3), { kind: 'rib-sent', prefixes: 1, messages: 1, seconds: 0 }),
    ]);
    await sink.close();
    expect(files()).toEqual(['updates.20240102.1200']);
    const records = readRecords(path.join(dir, 'updates.20240102.1200'));
    expect(records.map(({ message, ...rest }) => ({ ...rest, message: toHex(message) }))).toEqual([
      { seconds: at(12, 0, 0) / 1000, type: 16, subtype: 4, peerAs: 65002, localAs: 65001, peer: '192.0.2.1', local: '192.0.2.2', message: toHex(encodeMessage(KEEPALIVE, DEFAULT_CONTEXT)) },
      { seconds: at(12, 0, 1) / 1000, type: 16, subtype: 4, peerAs: 65002, localAs: 65001, peer: '192.0.2.1', local: '192.0.2.2', message: toHex(encodeMessage(update, DEFAULT_CONTEXT)) },
    ]);
  });

  it('records a received UPDATE from its wire copy when import policies ran, never what they made of it; resolves with the records written', async () => {
    const peer = neighbor('192.0.2.1', { localAddress: '192.0.2.2' });
    const raw = encodeMessage(update, DEFAULT_CONTEXT);
    const tagged = { ...update, attributes: { ...update.attributes, communities: [(65001 << 16) | 1] } };
    const sink = new MrtSinkWriter({ directory: dir });
    const written = await sink.write([
      sinkEvent(peer, at(12, 0, 0), { kind: 'connected', localAddress: '192.0.2.2', peerAddress: '192.0.2.1' }),
      // A policy changed this one: the wire copy, then the changed routes (no bytes of their own).
      sinkEvent(peer, at(12, 0, 1), { kind: 'wire-update', message: update, raw }),
      sinkEvent(peer, at(12, 0, 1), { kind: 'update', message: tagged, direction: 'receive', imported: true }),
      // One passed unchanged (it keeps the wire's bytes), one dropped (nothing came out).
      sinkEvent(peer, at(12, 0, 2), { kind: 'wire-update', message: update, raw }),
      sinkEvent(peer, at(12, 0, 2), { kind: 'update', message: update, direction: 'receive', raw, imported: true }),
      sinkEvent(peer, at(12, 0, 3), { kind: 'wire-update', message: update, raw }),
    ]);
    await sink.close();
    expect(written).toBe(3);
    const records = readRecords(path.join(dir, 'updates.20240102.1200'));
    expect(records.map((r) => [r.seconds % 60, r.subtype, toHex(r.message)])).toEqual([1, 2, 3].map((s) => [s, 4, toHex(raw)]));
  });

  it('leaves out what we send unless `sent` is on, then records it as BGP4MP_MESSAGE_AS4_LOCAL', async () => {
    const peer = neighbor('192.0.2.1', { localAddress: '192.0.2.2' });
    const batch = [messageEvent(peer, at(12, 0, 0), KEEPALIVE, 'send'), messageEvent(peer, at(12, 0, 1), update, 'send'), messageEvent(peer, at(12, 0, 2), KEEPALIVE)];
    const quiet = new MrtSinkWriter({ directory: path.join(dir, 'received') });
    await quiet.write(batch);
    await quiet.close();
    expect(readRecords(path.join(dir, 'received', 'updates.20240102.1200')).map((r) => [r.seconds % 60, r.subtype])).toEqual([[2, 4]]);

    const both = new MrtSinkWriter({ directory: path.join(dir, 'both'), sent: true });
    await both.write(batch);
    await both.close();
    const records = readRecords(path.join(dir, 'both', 'updates.20240102.1200'));
    expect(records.map((r) => [r.seconds % 60, r.subtype, r.peer, r.local])).toEqual([
      [0, 7, '192.0.2.1', '192.0.2.2'],
      [1, 7, '192.0.2.1', '192.0.2.2'],
      [2, 4, '192.0.2.1', '192.0.2.2'],
    ]);
  });

  it('rotates by the events’ times into epoch-aligned periods named in UTC, even within one write', async () => {
    const peer = neighbor('192.0.2.1');
    const sink = new MrtSinkWriter({ directory: dir });
    expect(sink.currentFile).toBeUndefined();
    await sink.write([messageEvent(peer, at(23, 44, 59), KEEPALIVE), messageEvent(peer, at(23, 45, 0), KEEPALIVE), messageEvent(peer, at(23, 59, 59, 999), KEEPALIVE)]);
    expect(sink.currentFile).toBe(path.join(dir, 'updates.20240102.2345'));
    await sink.write([messageEvent(peer, at(24, 0, 0), KEEPALIVE)]); // midnight: the next day's first file
    expect(sink.currentFile).toBe(path.join(dir, 'updates.20240103.0000'));
    await sink.close();
    expect(sink.currentFile).toBeUndefined();
    expect(files()).toEqual(['updates.20240102.2330', 'updates.20240102.2345', 'updates.20240103.0000']);
    const count = (name: string) => readRecords(path.join(dir, name)).length;
    expect(files().map(count)).toEqual([1, 2, 1]);
  });

  it('appends to a period’s file when its events come back to it, and after a restart', async () => {
    const peer = neighbor('192.0.2.1');
    const first = new MrtSinkWriter({ directory: dir, rotateSeconds: 60 });
    await first.write([messageEvent(peer, at(12, 0, 10), KEEPALIVE), messageEvent(peer, at(12, 1, 0), KEEPALIVE), messageEvent(peer, at(12, 0, 59), KEEPALIVE)]);
    await first.close();
    const again = new MrtSinkWriter({ directory: dir, rotateSeconds: 60 });
    await again.write([messageEvent(peer, at(12, 1, 30), KEEPALIVE)]);
    await again.close();
    expect(files()).toEqual(['updates.20240102.1200', 'updates.20240102.1201']);
    expect(readRecords(path.join(dir, 'updates.20240102.1200')).map((r) => r.seconds % 60)).toEqual([10, 59]);
    expect(readRecords(path.join(dir, 'updates.20240102.1201')).map((r) => r.seconds % 60)).toEqual([0, 30]);
  });

  it('names files from its pattern, creating the subdirectories it names', async () => {
    const peer = neighbor('192.0.2.1');
    const sink = new MrtSinkWriter({ directory: dir, pattern: '%Y.%m/UPDATES/rib-%H%M%S.%s.mrt', rotateSeconds: 300 });
    await sink.write([messageEvent(peer, at(7, 4, 59), KEEPALIVE), messageEvent(peer, at(7, 5, 1), KEEPALIVE)]);
    await sink.close();
    expect(fs.readdirSync(path.join(dir, '2024.01', 'UPDATES')).sort()).toEqual([`rib-070000.${at(7, 0, 0) / 1000}.mrt`, `rib-070500.${at(7, 5, 0) / 1000}.mrt`]);
  });

  it('writes BGP4MP_ET records with microseconds when asked', async () => {
    const peer = neighbor('2001:db8::1', { localAddress: '2001:db8::2' });
    const sink = new MrtSinkWriter({ directory: dir, microseconds: true });
    await sink.write([messageEvent(peer, at(12, 0, 0, 42), KEEPALIVE)]);
    await sink.close();
    const [record] = readRecords(path.join(dir, 'updates.20240102.1200'));
    expect(record).toMatchObject({ type: 17, subtype: 4, microseconds: 42_000, peer: '2001:db8::1', local: '2001:db8::2' });
  });

  it('takes the local address from the events, else the configured one, else unspecified', async () => {
    const configured = neighbor('192.0.2.1', { localAddress: '192.0.2.2' });
    const unknown = neighbor('2001:db8::1');
    const sink = new MrtSinkWriter({ directory: dir });
    await sink.write([
      messageEvent(configured, at(12, 0, 0), KEEPALIVE),
      messageEvent(unknown, at(12, 0, 1), KEEPALIVE),
      sinkEvent(configured, at(12, 0, 2), { kind: 'connected', localAddress: '192.0.2.99', peerAddress: '192.0.2.1' }),
      messageEvent(configured, at(12, 0, 3), KEEPALIVE),
    ]);
    await sink.close();
    expect(readRecords(path.join(dir, 'updates.20240102.1200')).map((r) => [r.peer, r.local])).toEqual([
      ['192.0.2.1', '192.0.2.2'],
      ['2001:db8::1', '::'],
      ['192.0.2.1', '192.0.2.99'],
    ]);
  });

  it('writes BGP4MP_MESSAGE (2-octet ASes) for a session whose peer did not offer 4-octet AS', async () => {
    const peer = neighbor('192.0.2.1');
    const ours = open(65001, '192.0.2.2');
    const sink = new MrtSinkWriter({ directory: dir });
    await sink.write([
      messageEvent(peer, at(12, 0, 0), open(65002, '192.0.2.1', false)),
      messageEvent(peer, at(12, 0, 1), update, 'receive', { asn4: false, extendedMessage: false, addPath: new Set() }),
      sinkEvent(peer, at(12, 0, 2), { kind: 'connected', localAddress: '', peerAddress: '192.0.2.1' }), // a new connection: not known yet
      messageEvent(peer, at(12, 0, 3), KEEPALIVE),
      messageEvent(peer, at(12, 0, 4), open(65002, '192.0.2.1', false)),
      sinkEvent(peer, at(12, 0, 5), { kind: 'up', negotiated: negotiated(open(65002, '192.0.2.1'), ours, { asn4: true }), localAddress: '' }),
      messageEvent(peer, at(12, 0, 6), KEEPALIVE),
    ]);
    await sink.close();
    expect(readRecords(path.join(dir, 'updates.20240102.1200')).map((r) => [r.seconds % 60, r.subtype, r.peerAs, r.localAs])).toEqual([
      [0, 1, 65002, 65001],
      [1, 1, 65002, 65001],
      [3, 4, 65002, 65001],
      [4, 1, 65002, 65001],
      [6, 4, 65002, 65001],
    ]);
  });

  it('uses the RFC 8050 ADDPATH subtypes for UPDATEs whose NLRI carry path identifiers', async () => {
    const peer = neighbor('192.0.2.1');
    const v4 = familyKey(Afi.IPV4, Safi.UNICAST);
    const addPath = { asn4: true, extendedMessage: false, addPath: new Set([v4]) };
    const withIds = ipv4Update(['198.51.100.0/24'], [65002], '192.0.2.1', { pathIds: [7] });
    const sink = new MrtSinkWriter({ directory: dir, sent: true });
    await sink.write([
      messageEvent(peer, at(12, 0, 0), withIds, 'receive', addPath),
      messageEvent(peer, at(12, 0, 1), update, 'send', addPath), // before 'up': not known to carry them
      sinkEvent(peer, at(12, 0, 2), { kind: 'up', negotiated: negotiated(open(65002, '192.0.2.1'), open(65001, '192.0.2.2'), { addPathSend: new Set([v4]) }), localAddress: '192.0.2.2' }),
      messageEvent(peer, at(12, 0, 3), update, 'send', addPath), // sent with path identifier 0
      messageEvent(peer, at(12, 0, 4), KEEPALIVE, 'send'),
    ]);
    await sink.close();
    expect(readRecords(path.join(dir, 'updates.20240102.1200')).map((r) => r.subtype)).toEqual([9, 7, 11, 7]);
  });

  it('runs writes one after another when the caller does not wait, and refuses writes after close', async () => {
    const peer = neighbor('192.0.2.1');
    const sink = new MrtSinkWriter({ directory: dir, rotateSeconds: 60 });
    const writes = [0, 1, 2, 3].map((i) => sink.write([messageEvent(peer, at(12, i % 2, 10 + i), KEEPALIVE)]));
    const closed = sink.close();
    await Promise.all([...writes, closed]);
    expect(readRecords(path.join(dir, 'updates.20240102.1200')).map((r) => r.seconds % 60)).toEqual([10, 12]);
    expect(readRecords(path.join(dir, 'updates.20240102.1201')).map((r) => r.seconds % 60)).toEqual([11, 13]);
    await expect(sink.write([messageEvent(peer, at(12, 0, 0), KEEPALIVE)])).rejects.toThrow('write after close');
  });

  it('creates no file until there is a record to write, and rejects the write when the file cannot be opened', async () => {
    const peer = neighbor('192.0.2.1');
    const idle = new MrtSinkWriter({ directory: path.join(dir, 'idle') });
    await idle.write([sinkEvent(peer, at(12, 0, 0), { kind: 'fsm', from: 'Idle', to: 'Active' })]);
    await idle.close();
    expect(fs.existsSync(path.join(dir, 'idle'))).toBe(false);

    fs.writeFileSync(path.join(dir, 'not-a-directory'), '');
    const blocked = new MrtSinkWriter({ directory: path.join(dir, 'not-a-directory') });
    await expect(blocked.write([messageEvent(peer, at(12, 0, 0), KEEPALIVE)])).rejects.toThrow(/ENOTDIR|EEXIST/);
    await blocked.close();
  });

  it('rejects the write naming the neighbor whose peer address is not an IP address', async () => {
    const bad = neighbor('peer.example');
    const sink = new MrtSinkWriter({ directory: dir });
    await expect(sink.write([messageEvent(bad, at(12, 0, 0), KEEPALIVE)])).rejects.toThrow('mrt sink: neighbor peer-peer.example: MRT record: peer address "peer.example" is not an IP address');
    await sink.close();
  });
});

describe('checkMrtSinkOptions', () => {
  it('accepts the defaults and says what is wrong otherwise', () => {
    expect(checkMrtSinkOptions({ directory: '/var/lib/rxbgp/mrt' })).toBeUndefined();
    expect(checkMrtSinkOptions({ directory: '' })).toBe('the directory is empty');
    expect(checkMrtSinkOptions({ directory: 'd', rotateSeconds: 0 })).toBe('rotateSeconds 0 must be a whole number of seconds, at least 1');
    expect(checkMrtSinkOptions({ directory: 'd', rotateSeconds: 1.5 })).toMatch(/^rotateSeconds 1.5/);
    expect(checkMrtSinkOptions({ directory: 'd', pattern: 'updates.%q' })).toMatch(/has "%q"/);
    expect(() => new MrtSinkWriter({ directory: 'd', pattern: '%' })).toThrow('mrt sink: the file name pattern "%" ends with a lone "%"');
  });
});
