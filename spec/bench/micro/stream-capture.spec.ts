import { KEEPALIVE_BYTES } from '../../../lib/wire/keepalive';
import { encodeMessage } from '../../../lib/wire/message';
import { ceaseNotification } from '../../../lib/wire/notification';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { StreamCapture } from '../../../bench/micro/stream-capture';
import { toHex } from '../../helpers/hex';
import { END_OF_RIB, slash24s, updatesFor } from './update-fixtures';

describe('StreamCapture', () => {
  it('keeps every message byte for byte and completes on the N-th prefix', () => {
    const updates = updatesFor(slash24s(30), 100);
    const capture = new StreamCapture(30, DEFAULT_CONTEXT);
    expect(capture.add(KEEPALIVE_BYTES)).toBe(false);
    const results = updates.map((u) => capture.add(u));
    expect(results.slice(0, -1).every((done) => !done)).toBe(true);
    expect(results[results.length - 1]).toBe(true);
    expect(capture).toMatchObject({ messages: updates.length + 1, updates: updates.length, prefixes: 30, endOfRib: false, complete: true });
    expect(toHex(capture.bytes())).toBe(toHex(Buffer.concat([KEEPALIVE_BYTES, ...updates])));
    expect(capture.byteLength).toBe(capture.bytes().length);
  });

  it('completes on the End-of-RIB when fewer prefixes came', () => {
    const capture = new StreamCapture(1000, DEFAULT_CONTEXT);
    for (const u of updatesFor(slash24s(10))) expect(capture.add(u)).toBe(false);
    expect(capture.add(END_OF_RIB)).toBe(true);
    expect(capture).toMatchObject({ prefixes: 10, endOfRib: true, updates: 2 });
  });

  it('takes nothing once complete', () => {
    const capture = new StreamCapture(1, DEFAULT_CONTEXT);
    capture.add(updatesFor(slash24s(1))[0]);
    expect(() => capture.add(KEEPALIVE_BYTES)).toThrow(/after the capture was complete/);
  });

  it('fails on a NOTIFICATION, naming it', () => {
    const capture = new StreamCapture(10, DEFAULT_CONTEXT);
    expect(() => capture.add(encodeMessage(ceaseNotification(2), DEFAULT_CONTEXT))).toThrow(/NOTIFICATION \(Cease \/ Administrative Shutdown\)/i);
  });
});
