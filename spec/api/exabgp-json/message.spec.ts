import { DECODE_NEIGHBOR, keepaliveJson, messageJson, refreshJson } from '../../../lib/api/exabgp-json';
import type { Message } from '../../../lib/wire/types';
import { TEST_SOURCE } from './helpers/rxbgp-json';

const n = { localAddress: '127.0.0.1', peerAddress: '127.0.0.2', localAs: 65001, peerAs: 65002 };

describe('messageJson', () => {
  it.each([
    ['update', { type: 'update', withdrawn: [], attributes: {}, announced: [] }, '"message": { "eor": '],
    ['open', { type: 'open', version: 4, myAs: 1, holdTime: 3, bgpId: '1.1.1.1', capabilities: [] }, '"open": { "version": 4'],
    ['notification', { type: 'notification', code: 4, subcode: 0, data: Buffer.alloc(0) }, '"notification": { "code": 4'],
    ['keepalive', { type: 'keepalive' }, '"direction": "in"  } }'],
    ['refresh', { type: 'route-refresh', afi: 1, safi: 1, subtype: 0 }, '"route-refresh": { "afi"'],
  ] as Array<[string, Message, string]>)('prints a %s with its own event type', (type, msg, content) => {
    const line = messageJson(TEST_SOURCE, DECODE_NEIGHBOR, msg, 'in');
    expect(line).toContain(`"type": "${type}", "neighbor": { "address": { "local": "127.0.0.1", "peer": "127.0.0.1" }, "asn": { "local": 0, "peer": 0 } `);
    expect(line).toContain(content);
  });

  it('prints KEEPALIVE with the two spaces ExaBGP leaves for the missing content', () => {
    expect(keepaliveJson(TEST_SOURCE, n, 'receive')).toMatch(/"direction": "receive" {2}\} \}$/);
  });

  it('prints ROUTE-REFRESH values as valid JSON (ExaBGP 4.2 quotes them twice)', () => {
    expect(refreshJson(TEST_SOURCE, n, { type: 'route-refresh', afi: 2, safi: 128, subtype: 2 }, 'send')).toContain(
      '"direction": "send", "route-refresh": { "afi": "ipv6", "safi": "mpls-vpn", "subtype": "end" } } }',
    );
    expect(refreshJson(TEST_SOURCE, n, { type: 'route-refresh', afi: 9, safi: 9, subtype: 7 }, 'send')).toContain(
      '{ "afi": "unknown-afi-0x0x9", "safi": "unknown safi 9", "subtype": "invalid" }',
    );
  });
});
