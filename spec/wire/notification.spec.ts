import fc from 'fast-check';
import { BgpError } from '../../lib/wire/errors';
import {
  CeaseSubcode,
  ErrorCode,
  FsmSubcode,
  HeaderSubcode,
  OpenSubcode,
  RouteRefreshSubcode,
  UpdateSubcode,
} from '../../lib/wire/iana';
import {
  ceaseNotification,
  decodeNotification,
  describeNotification,
  encodeNotificationBody,
  notificationFromError,
  notificationText,
  parseShutdownCommunication,
} from '../../lib/wire/notification';
import type { NotificationMessage } from '../../lib/wire/types';
import { Writer } from '../../lib/wire/writer';
import { hex, toHex } from '../helpers/hex';

function encode(msg: NotificationMessage): Buffer {
  const w = new Writer(16);
  encodeNotificationBody(w, msg);
  return w.toBuffer();
}

function decode(body: Buffer): NotificationMessage {
  return decodeNotification(body, 0, body.length);
}

describe('NOTIFICATION (RFC 4271 §4.5)', () => {
  it('reads the shutdown communication BIRD 2 sends on "disable peer1 <text>" (RFC 9003)', () => {
    const body = hex`06 02 # Cease / Administrative Shutdown
                     1e    # communication length 30
                     6d61696e74656e616e63652c206261636b2061742031343a303020555443 # "maintenance, back at 14:00 UTC"`;
    const msg = decode(body);
    expect(msg).toEqual({
      type: 'notification',
      code: 6,
      subcode: 2,
      data: body.subarray(2),
      shutdownMessage: 'maintenance, back at 14:00 UTC',
    });
    expect(toHex(encode(msg))).toBe(toHex(body));
    expect(toHex(encode(ceaseNotification(2, 'maintenance, back at 14:00 UTC')))).toBe(toHex(body));
  });

  it('reads the UTF-8 shutdown communication GoBGP 3 sends on "neighbor shutdown --reason"', () => {
    const body = hex`06 02 1d 7570677261646520746f20332e313020e28094206261636b20736f6f6e`;
    expect(decode(body).shutdownMessage).toBe('upgrade to 3.10 — back soon');
  });

  it('reads the version error BIRD 2 answers an OPEN of version 5 with', () => {
    const msg = decode(hex`02 01 0004`);
    expect(msg).toEqual({ type: 'notification', code: 2, subcode: 1, data: hex`0004` });
    expect(notificationText(msg.code, msg.subcode)).toBe('OPEN Message Error / Unsupported Version Number');
  });

  it('encodes Hold Timer Expired with no data', () => {
    const msg: NotificationMessage = { type: 'notification', code: 4, subcode: 0, data: hex`` };
    expect(toHex(encode(msg))).toBe('0400');
    expect(decode(hex`0400`)).toEqual(msg);
  });

  it('copies the data so it outlives the socket chunk', () => {
    const body = hex`03 0b 0102`;
    const msg = decode(body);
    body[2] = 0xee;
    expect(toHex(msg.data)).toBe('0102');
  });

  it('sets shutdownMessage only when the communication is well formed', () => {
    expect(decode(hex`06 02 05 6869`).shutdownMessage).toBeUndefined(); // length past the data
    expect(decode(hex`06 04 02 c328`).shutdownMessage).toBeUndefined(); // invalid UTF-8
    expect(decode(hex`06 02`).shutdownMessage).toBeUndefined(); // no data at all
    expect(decode(hex`06 03 02 6869`).shutdownMessage).toBeUndefined(); // Peer De-configured carries none
    expect(decode(hex`06 04 00`).shutdownMessage).toBe('');
    expect(decode(hex`06 04 02 6869 ff`).shutdownMessage).toBe('hi'); // trailing octets ignored, as GoBGP does
    expect(parseShutdownCommunication(hex`03 616263`)).toBe('abc');
  });

  it('builds the data from shutdownMessage when no data is given, cut to 255 octets on a character boundary', () => {
    expect(toHex(encode({ type: 'notification', code: 6, subcode: 4, data: hex``, shutdownMessage: 'hi' }))).toBe(
      '0604026869',
    );
    const long = ceaseNotification(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, 'é'.repeat(200));
    expect(long.data[0]).toBe(254);
    expect(long.shutdownMessage).toBe('é'.repeat(127));
    expect(ceaseNotification(CeaseSubcode.PEER_DECONFIGURED, 'ignored')).toEqual({
      type: 'notification',
      code: 6,
      subcode: 3,
      data: hex``,
    });
  });

  it('rejects a body shorter than code and subcode (1/2, data = the message length)', () => {
    let error: unknown;
    try {
      decode(hex`06`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BgpError);
    expect(error).toMatchObject({ code: 1, subcode: 2, data: hex`0014` });
  });

  it('turns a codec error into the NOTIFICATION to send, cutting data to fit 4096 octets', () => {
    const e = new BgpError(3, 11, hex`4002 03 020100`);
    expect(notificationFromError(e)).toEqual({ type: 'notification', code: 3, subcode: 11, data: hex`400203020100` });
    const big = new BgpError(7, 1, Buffer.alloc(5000, 1));
    expect(notificationFromError(big).data.length).toBe(4096 - 21);
    expect(notificationFromError(big, 65535).data.length).toBe(5000);
  });

  describe('notificationText', () => {
    it('names codes and subcodes as the RFCs do', () => {
      expect(notificationText(6, 2)).toBe('Cease / Administrative Shutdown');
      expect(notificationText(3, 11)).toBe('UPDATE Message Error / Malformed AS_PATH');
      expect(notificationText(1, 1)).toBe('Message Header Error / Connection Not Synchronized');
      expect(notificationText(2, 0)).toBe('OPEN Message Error / Unspecific');
      expect(notificationText(5, 3)).toBe('Finite State Machine Error / Receive Unexpected Message in Established State');
      expect(notificationText(7, 1)).toBe('ROUTE-REFRESH Message Error / Invalid Message Length');
      expect(notificationText(4, 0)).toBe('Hold Timer Expired');
      expect(notificationText(6, 0)).toBe('Cease');
    });

    it('says so for numbers it does not know', () => {
      expect(notificationText(6, 99)).toBe('Cease / Unknown subcode 99');
      expect(notificationText(9, 1)).toBe('Unknown error code 9 / subcode 1');
    });

    it('has a name for every code and subcode in iana.ts', () => {
      const tables: Array<[number, Record<string, number>]> = [
        [ErrorCode.MESSAGE_HEADER, HeaderSubcode],
        [ErrorCode.OPEN_MESSAGE, OpenSubcode],
        [ErrorCode.UPDATE_MESSAGE, UpdateSubcode],
        [ErrorCode.FSM, FsmSubcode],
        [ErrorCode.CEASE, CeaseSubcode],
        [ErrorCode.ROUTE_REFRESH, RouteRefreshSubcode],
      ];
      for (const [code, subcodes] of tables) {
        for (const subcode of Object.values(subcodes)) expect(notificationText(code, subcode)).not.toMatch(/Unknown/);
      }
      for (const code of Object.values(ErrorCode)) expect(notificationText(code, 0)).not.toMatch(/Unknown/);
    });
  });

  describe('describeNotification (one log line per NOTIFICATION)', () => {
    it('gives the code names, then the data in hex', () => {
      expect(describeNotification({ code: 2, subcode: 2, data: hex`fde9` })).toBe('OPEN Message Error / Bad Peer AS (data fde9)');
      expect(describeNotification({ code: 4, subcode: 0, data: Buffer.alloc(0) })).toBe('Hold Timer Expired');
    });

    it('says Cease once, with the RFC 9003 shutdown communication quoted and escaped', () => {
      expect(describeNotification(ceaseNotification(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN))).toBe('Cease / Administrative Shutdown');
      expect(describeNotification(ceaseNotification(CeaseSubcode.ADMINISTRATIVE_RESET, 'maintenance, back at 10:00'))).toBe('Cease / Administrative Reset: "maintenance, back at 10:00"');
      // The text comes from the peer: a newline must not start a forged log line.
      expect(describeNotification(decode(encode(ceaseNotification(2, 'bye\n2026-01-01 error forged'))))).toBe('Cease / Administrative Shutdown: "bye\\n2026-01-01 error forged"');
      // A malformed communication (length past the data) is shown as data.
      expect(describeNotification(decode(hex`06 02 09 41`))).toBe('Cease / Administrative Shutdown (data 0941)');
    });

    it('cuts long data (an UPDATE error may echo a whole attribute)', () => {
      const text = describeNotification({ code: 3, subcode: 11, data: Buffer.alloc(300, 0xab) });
      expect(text).toBe(`UPDATE Message Error / Malformed AS_PATH (data ${'ab'.repeat(32)}… 300 octets)`);
    });
  });

  it('round-trips any code, subcode and data, and any shutdown communication (fast-check)', () => {
    const plain = fc
      .record({
        code: fc.integer({ min: 0, max: 255 }),
        subcode: fc.integer({ min: 0, max: 255 }),
        data: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
      })
      .filter((n) => !(n.code === 6 && (n.subcode === 2 || n.subcode === 4)))
      .map((n): NotificationMessage => ({ type: 'notification', ...n }));
    const shutdown = fc
      .tuple(fc.constantFrom(2, 4), fc.string({ unit: 'grapheme', maxLength: 120 }))
      .map(([subcode, text]) => ceaseNotification(subcode, text));
    fc.assert(
      fc.property(fc.oneof(plain, shutdown), (msg) => {
        expect(decode(encode(msg))).toEqual(msg);
      }),
      { numRuns: 300 },
    );
  });
});
