import { notificationJson } from '../../../lib/api/exabgp-json';
import { notificationData } from '../../../lib/api/exabgp-json/notification';
import type { NotificationMessage } from '../../../lib/wire/types';
import { TEST_SOURCE } from './helpers/rxbgp-json';

const n = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };

function cease(subcode: number, data: number[] | Buffer): NotificationMessage {
  return { type: 'notification', code: 6, subcode, data: Buffer.from(data) };
}

/** The text ExaBGP reports for a received NOTIFICATION's data. */
function reported(msg: NotificationMessage): string {
  return notificationData(msg, 'receive').toString('utf8');
}

const withText = (length: number, text: string, trailer: number[] = []): Buffer =>
  Buffer.concat([Buffer.from([length]), Buffer.from(text, 'utf8'), Buffer.from(trailer)]);

describe('NOTIFICATION events', () => {
  it('print code, subcode and data in ExaBGP hex, with a space before the closing brace', () => {
    const msg: NotificationMessage = { type: 'notification', code: 3, subcode: 1, data: Buffer.from([0xab, 0x01]) };
    expect(notificationJson(TEST_SOURCE, n, msg, 'receive')).toBe(
      '{ "exabgp": "4.0.1", "time": 0.0, "host" : "host", "pid" : 1, "ppid" : 1, "counter": 1, "type": "notification", ' +
        '"neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.2" }, "asn": { "local": 65001, "peer": 65002 } , ' +
        '"direction": "receive", "notification": { "code": 3, "subcode": 1, "data": "0xAB01" }  } }',
    );
  });

  describe('RFC 8203 / RFC 9003 shutdown communication, received', () => {
    it('is reported as the text ExaBGP makes of it', () => {
      expect(reported(cease(2, withText(3, 'bye')))).toBe('Shutdown Communication: "bye"');
      expect(reported(cease(4, withText(10, 'maint\r\nnow')))).toBe('Shutdown Communication: "maint  now"');
      expect(reported(cease(2, withText(3, 'bye', [1, 2])))).toBe('Shutdown Communication: "bye", trailing data: 0x0102');
      expect(reported(cease(2, withText(5, 'ünï')))).toBe('Shutdown Communication: "ünï"');
    });

    it('keeps a byte-order mark, as Python does', () => {
      expect(reported(cease(2, withText(6, '\ufeffbye')))).toBe('Shutdown Communication: "\ufeffbye"');
    });

    it('reports empty and malformed communications as ExaBGP words them', () => {
      expect(reported(cease(2, []))).toBe('');
      expect(reported(cease(2, [0]))).toBe('empty Shutdown Communication.');
      expect(reported(cease(2, [5, 0x62]))).toBe('invalid Shutdown Communication (buffer underrun) length : 5 [0x62]');
      expect(reported(cease(2, withText(200, 'x'.repeat(200))))).toBe(
        `invalid Shutdown Communication (too large) length : 200 [0x${'78'.repeat(200)}]`,
      );
      expect(reported(cease(2, [2, 0xc3, 0x28]))).toBe('invalid Shutdown Communication (invalid UTF-8) length : 2 [0xC328]');
    });

    it('is hex-encoded in the event', () => {
      expect(notificationJson(TEST_SOURCE, n, cease(2, withText(2, 'ok')), 'receive')).toContain(
        `"data": "0x${Buffer.from('Shutdown Communication: "ok"').toString('hex').toUpperCase()}" }`,
      );
    });
  });

  it('prints the data as sent for a NOTIFICATION we send, and as received for other codes', () => {
    expect(notificationData(cease(2, withText(3, 'bye')), 'send')).toEqual(withText(3, 'bye'));
    expect(notificationData(cease(3, withText(3, 'bye')), 'receive')).toEqual(withText(3, 'bye'));
  });
});
