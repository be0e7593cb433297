import {
  MARKER_BYTES,
  badMessageLength,
  badMessageType,
  beginMessage,
  connectionNotSynchronized,
  endMessage,
  hasMarker,
} from '../../lib/wire/header';
import { Writer } from '../../lib/wire/writer';
import { MARKER, hex, toHex } from '../helpers/hex';

describe('message header (RFC 4271 §4.1)', () => {
  it('writes Marker, Length and Type, patching the Length at the end', () => {
    const w = new Writer(8);
    const start = beginMessage(w, 4);
    expect(endMessage(w, start)).toBe(19);
    expect(toHex(w.view())).toBe(toHex(hex`${MARKER} 0013 04`));
  });

  it('writes several messages back to back into one writer', () => {
    const w = new Writer(8);
    const first = beginMessage(w, 5);
    w.u16(1).u8(0).u8(1);
    endMessage(w, first);
    const second = beginMessage(w, 4);
    endMessage(w, second);
    expect(toHex(w.view())).toBe(toHex(hex`${MARKER} 0017 05 0001 00 01   ${MARKER} 0013 04`));
  });

  it('refuses a message longer than the maximum with a plain Error', () => {
    const w = new Writer();
    const start = beginMessage(w, 2);
    w.bytes(Buffer.alloc(4096 - 19 + 1));
    expect(() => endMessage(w, start)).toThrow(/4097 octets exceeds the maximum of 4096/);
    expect(endMessage(w, start, 65535)).toBe(4097);
  });

  it('recognizes the all-ones marker', () => {
    expect(toHex(MARKER_BYTES)).toBe(MARKER);
    expect(hasMarker(hex`00 ${MARKER}`, 1)).toBe(true);
    expect(hasMarker(hex`${MARKER}`.fill(0xfe, 15))).toBe(false);
  });

  it('builds the RFC 4271 §6.1 errors with their data', () => {
    expect(connectionNotSynchronized()).toMatchObject({ code: 1, subcode: 1, data: hex`` });
    expect(badMessageLength(4097)).toMatchObject({ code: 1, subcode: 2, data: hex`1001` });
    expect(badMessageType(9)).toMatchObject({ code: 1, subcode: 3, data: hex`09` });
  });
});
