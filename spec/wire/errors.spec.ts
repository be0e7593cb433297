/** BgpError is the NOTIFICATION to send; asBgpError gives one for whatever a decoder threw (RFC 4271 §6). */
import { asBgpError, BgpError } from '../../lib/wire/errors';
import { ErrorCode, MessageType } from '../../lib/wire/iana';

/** A header of `type` (marker, length 19 + body, type) and a body. */
function frameOf(type: number, body: number[] = []): Buffer {
  const b = Buffer.alloc(19 + body.length, 0xff);
  b.writeUInt16BE(19 + body.length, 16);
  b[18] = type;
  Buffer.from(body).copy(b, 19);
  return b;
}

describe('asBgpError', () => {
  it('passes a BgpError on as it is, with its code, subcode and data: not a bug', () => {
    const thrown = new BgpError(ErrorCode.UPDATE_MESSAGE, 3, Buffer.from([0x40, 0x01, 0x01, 0x00]));
    const r = asBgpError(thrown, frameOf(MessageType.UPDATE));
    expect(r.bug).toBe(false);
    expect(r.error).toBe(thrown);
  });

  it('any other exception is a decoder bug, answered by the message kind: UPDATE 3/1, OPEN 2/0, others 1/0, no data', () => {
    const cases: Array<[number, number, number]> = [
      [MessageType.UPDATE, ErrorCode.UPDATE_MESSAGE, 1],
      [MessageType.OPEN, ErrorCode.OPEN_MESSAGE, 0],
      [MessageType.NOTIFICATION, ErrorCode.MESSAGE_HEADER, 0],
      [MessageType.KEEPALIVE, ErrorCode.MESSAGE_HEADER, 0],
      [MessageType.ROUTE_REFRESH, ErrorCode.MESSAGE_HEADER, 0],
    ];
    for (const [type, code, subcode] of cases) {
      const r = asBgpError(new TypeError('cannot read properties of undefined'), frameOf(type, [1, 2, 3]));
      expect({ type, bug: r.bug, code: r.error.code, subcode: r.error.subcode, data: r.error.data.length }).toEqual({ type, bug: true, code, subcode, data: 0 });
      expect(r.error).toBeInstanceOf(BgpError);
    }
  });

  it('a thrown non-Error and a frame too short to hold a type give a header error', () => {
    const r = asBgpError('a string', Buffer.alloc(10, 0xff));
    expect([r.bug, r.error.code, r.error.subcode]).toEqual([true, ErrorCode.MESSAGE_HEADER, 0]);
  });
});

describe('BgpError', () => {
  it('carries the NOTIFICATION code, subcode and data, empty data by default', () => {
    const e = new BgpError(2, 2);
    expect([e.code, e.subcode, e.data.length, e.name, e.message]).toEqual([2, 2, 0, 'BgpError', 'BGP error 2/2']);
  });
});
